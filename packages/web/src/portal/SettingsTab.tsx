import { useState } from 'react';
import { useAction } from '../shared/hooks.js';
import type { DirectoryApi } from '../shared/directory/directory-api.js';
import { SecretsPanel } from '../shared/directory/SecretsPanel.js';
import { providerLabel } from '../shared/format.js';
import type { Directory } from '../shared/types.js';
import { ConfirmDialog } from '../shared/ui/dialog.js';
import { EndpointReachability } from '../shared/directory/EndpointReachability.js';
import { CopyField } from '../shared/ui/copy.js';
import { useToast } from '../shared/ui/toast.js';
import { postPortalEvent } from './embed-events.js';

/** Endpoint, bearer tokens, and turning the directory off and on. */
export function SettingsTab({ directory, directoryApi, onChanged }: { directory: Directory; directoryApi: DirectoryApi; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();

  const { busy, run: setEnabled } = useAction(async (enabled: boolean) => {
    const result = await directoryApi.setEnabled(enabled);
    postPortalEvent(enabled ? 'ORGANIZATION_DIRECTORY_ENABLED' : 'ORGANIZATION_DIRECTORY_DISABLED', 'directory', `Directory sync with ${providerLabel(directory.directory_provider)} was ${enabled ? 'enabled' : 'disabled'}`, {
      id: directory.id,
      directory_type: directory.directory_type,
      provider: directory.directory_provider,
      enabled,
    });
    toast.show(result.error_message ?? (enabled ? 'Directory sync enabled' : 'Directory sync disabled'));
    setConfirming(false);
    onChanged();
  }, toast.error);

  return (
    <div className="stack">
      <div className="card card-body stack-sm">
        <h3>SCIM endpoint</h3>
        <p className="muted">The base URL your identity provider sends users and groups to.</p>
        <CopyField value={directory.directory_endpoint} label="SCIM endpoint URL" />
        <EndpointReachability endpoint={directory.directory_endpoint} audience="portal" />
      </div>
      <SecretsPanel directory={directoryApi} secrets={directory.secrets} onChanged={onChanged} />
      <div className="card card-body row-between">
        <div className="grow">
          <h3>{directory.enabled ? 'Turn off directory sync' : 'Turn directory sync back on'}</h3>
          <p className="muted" style={{ marginTop: 4 }}>
            {directory.enabled
              ? 'The provider’s requests are refused (HTTP 403) while it is off; users and groups already synced are kept.'
              : 'The provider’s next requests are accepted again.'}
          </p>
        </div>
        {directory.enabled ? (
          <button type="button" className="btn btn-danger-outline" onClick={() => setConfirming(true)}>
            Disable directory
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void setEnabled(true)} disabled={busy}>
            Enable directory
          </button>
        )}
      </div>
      {confirming ? (
        <ConfirmDialog title="Disable directory sync?" confirmLabel="Disable" danger busy={busy} onConfirm={() => void setEnabled(false)} onClose={() => setConfirming(false)}>
          {providerLabel(directory.directory_provider)} will get errors until you enable it again, and changes made meanwhile reach the application only when the provider retries.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
