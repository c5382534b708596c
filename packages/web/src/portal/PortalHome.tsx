import { useEffect, useState } from 'react';
import type { ApiClient } from '../shared/api.js';
import { useAsync } from '../shared/hooks.js';
import type { Directory, DirectoryProvider } from '../shared/types.js';
import { DataView } from '../shared/ui/data-view.js';
import { Callout, Loading } from '../shared/ui/feedback.js';
import { useToast } from '../shared/ui/toast.js';
import { portalRoutes, type NewPortalDirectory } from '../shared/web-routes.js';
import { providerLabel } from '../shared/format.js';
import { BambooHRSetup, type BambooHRInput } from './BambooHRSetup.js';
import { DirectoryScreen } from './DirectoryScreen.js';
import { PulledDirectoryScreen } from './PulledDirectoryScreen.js';
import { postPortalEvent } from './embed-events.js';
import { ProviderPicker } from './ProviderPicker.js';

/** The organization's directory: chosen provider and setup, or the first step when there is none. */
export function PortalHome({
  api,
  organization,
  pulled = { available: false, google_consent: false },
}: {
  api: ApiClient;
  organization: { id: string; display_name: string; scim_enabled: boolean };
  pulled?: { available: boolean; google_consent: boolean };
}) {
  const directories = useAsync(async () => (await api.call(portalRoutes.directories)).directories, [api]);
  const [selectedId, setSelectedId] = useState<string>();
  const [fresh, setFresh] = useState<{ directoryId: string; token: string }>();
  const [creating, setCreating] = useState<DirectoryProvider>();
  const [bamboo, setBamboo] = useState(false);
  const toast = useToast();

  // Back from Google's consent screen (/api/v1/google/oauth/callback redirects here).
  useEffect(() => {
    const search = new URLSearchParams(window.location.search);
    const directory = search.get('directory');
    const googleError = search.get('google_error');
    if (search.get('google') === 'connected' && directory) {
      setSelectedId(directory);
      toast.show('Google Workspace is connected: the first sync has started');
    } else if (googleError) {
      toast.error(new Error(googleError));
    }
    if (directory || googleError) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  const create = async (provider: DirectoryProvider, bamboohr?: BambooHRInput) => {
    if (pulled.available && provider === 'BAMBOOHR' && !bamboohr) {
      setBamboo(true);
      return;
    }
    setCreating(provider);
    try {
      // Google Workspace and BambooHR are read by Roster itself: no SCIM secret to paste.
      const body: NewPortalDirectory =
        pulled.available && provider === 'GOOGLE'
          ? { directory_type: 'GOOGLE_WORKSPACE', name: 'Google Workspace directory' }
          : bamboohr
            ? { directory_type: 'BAMBOOHR', name: 'BambooHR directory', ...bamboohr }
            : { directory_provider: provider, name: `${providerLabel(provider)} directory` };
      const created = await api.call(portalRoutes.createDirectory, body);
      if (created.plain_secret) setFresh({ directoryId: created.directory.id, token: created.plain_secret });
      setBamboo(false);
      setSelectedId(created.directory.id);
      postPortalEvent('ORGANIZATION_DIRECTORY_ENABLED', 'directory', `Directory sync with ${providerLabel(provider)} was set up`, {
        id: created.directory.id,
        directory_type: created.directory.directory_type,
        provider: created.directory.directory_provider,
        enabled: created.directory.enabled,
      });
      await directories.reload();
    } catch (error) {
      if (bamboohr) throw error;
      toast.error(error);
    } finally {
      setCreating(undefined);
    }
  };

  // Before the first directory: the provider to connect, or why there is none to choose.
  const firstStep = !organization.scim_enabled ? (
    <div className="card card-body stack">
      <h1>Directory sync is not available yet</h1>
      <Callout tone="info" title="Ask the application’s team to turn it on">
        Directory sync (SCIM provisioning) is not enabled for {organization.display_name}. Once it is, reopen this portal to connect your identity provider.
      </Callout>
    </div>
  ) : (
    <div className="stack-lg">
      <div>
        <h1>Connect your directory</h1>
        <p className="muted" style={{ marginTop: 6 }}>
          Keep {organization.display_name}’s users and groups in sync automatically: people you assign in your identity provider get access, and lose it when they leave. Which identity provider do you use?
        </p>
      </div>
      {bamboo ? (
        <div className="card card-body stack">
          <div className="row-between">
            <h2>Connect BambooHR</h2>
            <button type="button" className="btn btn-sm" onClick={() => setBamboo(false)}>
              Back
            </button>
          </div>
          <BambooHRSetup submitLabel="Connect BambooHR" onSubmit={(input) => create('BAMBOOHR', input)} />
        </div>
      ) : (
        <ProviderPicker onPick={(provider) => void create(provider)} busy={creating} pulled={pulled.available} />
      )}
      <p className="small muted">Setting up takes about ten minutes in your provider’s admin console. You can change the provider later.</p>
    </div>
  );

  return (
    <DataView state={directories} errorTitle="Your directory could not be loaded" loading={<Loading label="Loading your directory…" />} isEmpty={(list) => list.length === 0} empty={firstStep}>
      {(list) => {
        const directory = list.find((item) => item.id === selectedId) ?? (list[0] as Directory);
        return (
          <div className="stack-lg">
            {list.length > 1 ? (
              <div className="row">
                <label className="label" htmlFor="directory-select">
                  Directory
                </label>
                <select id="directory-select" className="select" style={{ width: 'auto' }} value={directory.id} onChange={(event) => setSelectedId(event.target.value)}>
                  {list.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name} · {providerLabel(item.directory_provider)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {directory.source ? (
              <PulledDirectoryScreen key={directory.id} api={api} initial={directory} consentAvailable={pulled.google_consent} />
            ) : (
              <DirectoryScreen
                key={directory.id}
                api={api}
                initial={directory}
                freshToken={fresh?.directoryId === directory.id ? fresh.token : undefined}
                onToken={(token) => setFresh({ directoryId: directory.id, token })}
              />
            )}
          </div>
        );
      }}
    </DataView>
  );
}
