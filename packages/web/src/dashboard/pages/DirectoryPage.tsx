import { useMemo, useState } from 'react';
import { COMMON_TABS, DirectoryTabs, type CommonTab } from '../../shared/directory/DirectoryTabs.js';
import { useDirectoryRefresh } from '../../shared/directory/use-directory-refresh.js';
import { bodyOf } from '../../shared/api.js';
import { dashboardDirectoryApi, type DirectoryApi } from '../../shared/directory/directory-api.js';
import { DirectoryStats } from '../../shared/directory/DirectoryStats.js';
import { SampleDataNotice } from '../../shared/directory/SampleDataNotice.js';
import { SamplePushButton } from '../../shared/directory/SamplePushButton.js';
import { SecretsPanel } from '../../shared/directory/SecretsPanel.js';
import { dashboardSyncApi } from '../../shared/directory/sync-api.js';
import { SyncRunsPanel } from '../../shared/directory/SyncRunsPanel.js';
import { SyncStatus } from '../../shared/directory/SyncStatus.js';
import { providerLabel } from '../../shared/format.js';
import { useAction, useAsync, useInterval } from '../../shared/hooks.js';
import type { Directory } from '../../shared/types.js';
import { Link } from '../../shared/router.js';
import { EndpointReachability } from '../../shared/directory/EndpointReachability.js';
import { CopyField } from '../../shared/ui/copy.js';
import { DataView, pageFrame } from '../../shared/ui/data-view.js';
import { Loading } from '../../shared/ui/feedback.js';
import { Switch } from '../../shared/ui/forms.js';
import { useToast } from '../../shared/ui/toast.js';
import { useDashboard } from '../context.js';

type Tab = CommonTab | 'runs' | 'tokens' | 'settings';
const TABS: { id: Tab; label: string }[] = [{ id: 'runs', label: 'Sync runs' }, ...COMMON_TABS, { id: 'tokens', label: 'Tokens' }, { id: 'settings', label: 'Event settings' }];

export function DirectoryPage({ organizationId, directoryId }: { organizationId: string; directoryId: string }) {
  const { api } = useDashboard();
  const directoryApi = useMemo(() => dashboardDirectoryApi(api, organizationId, directoryId), [api, organizationId, directoryId]);
  const directory = useAsync(() => directoryApi.getDirectory(), [directoryApi]);
  const organization = useAsync(
    async () => (await bodyOf(api.management.GET('/api/v1/organizations/{organization_id}', { params: { path: { organization_id: organizationId } } }))).organization,
    [api, organizationId],
  );
  useInterval(() => void directory.reload(), 10_000);
  return (
    <DataView state={directory} errorTitle="The directory could not be loaded" errorFrame={pageFrame} loading={<Loading />}>
      {(data) => (
        <DirectoryView
          organizationId={organizationId}
          organizationName={organization.data?.display_name ?? organizationId}
          data={data}
          directoryApi={directoryApi}
          reload={directory.reload}
          onChanged={directory.setData}
        />
      )}
    </DataView>
  );
}

interface DirectoryViewProps {
  organizationId: string;
  organizationName: string;
  data: Directory;
  directoryApi: DirectoryApi;
  reload: () => Promise<void>;
  onChanged: (directory: Directory) => void;
}

function DirectoryView({ organizationId, organizationName, data, directoryApi, reload, onChanged }: DirectoryViewProps) {
  const { api } = useDashboard();
  const toast = useToast();
  const directoryId = data.id;
  const sync = useMemo(() => dashboardSyncApi(api, organizationId, directoryId), [api, organizationId, directoryId]);
  const [tab, setTab] = useState<Tab>('users');
  const { version, refresh } = useDirectoryRefresh(data, reload, onChanged);

  const { busy: toggling, run: toggle } = useAction(async (enabled: boolean) => {
    const result = await directoryApi.setEnabled(enabled);
    toast.show(result.error_message ?? (enabled ? 'Directory enabled' : 'Directory disabled: its identity provider is refused'));
    refresh();
  }, toast.error);

  return (
    <div className="page">
      <div>
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/organizations">Organizations</Link> <span aria-hidden="true">/</span>
          <Link to={`/organizations/${organizationId}`}>{organizationName}</Link> <span aria-hidden="true">/</span>
          <span>{data.name}</span>
        </nav>
        <div className="page-header">
          <div>
            <h1>{data.name}</h1>
            <p>
              {providerLabel(data.directory_provider)} · <span className="mono small">{data.id}</span>
            </p>
          </div>
          <div className="row">
            {data.source ? null : <SamplePushButton directory={directoryApi} onDone={refresh} />}
            <Switch checked={data.enabled} disabled={toggling} onChange={(checked) => void toggle(checked)} label={<span style={{ fontWeight: 500 }}>Enabled</span>} />
          </div>
        </div>
      </div>
      {data.source ? <SyncStatus directory={data} sync={sync} onChanged={onChanged} /> : null}
      <DirectoryStats directory={data} />
      <SampleDataNotice directory={directoryApi} version={version} onRemoved={refresh} />
      {data.source ? null : (
        <div className="card card-body stack-sm">
          <span className="label">SCIM endpoint</span>
          <CopyField value={data.directory_endpoint} label="SCIM endpoint URL" />
          <EndpointReachability endpoint={data.directory_endpoint} audience="dashboard" />
        </div>
      )}
      {/* A pulled directory has sync runs instead of SCIM tokens. */}
      <DirectoryTabs tabs={TABS.filter((item) => (data.source ? item.id !== 'tokens' : item.id !== 'runs'))} selected={tab} onSelect={setTab} directory={data} directoryApi={directoryApi} version={version} refresh={refresh}>
        {tab === 'runs' && data.source ? <SyncRunsPanel sync={sync} version={version} onApproved={refresh} /> : null}
        {tab === 'tokens' ? <SecretsPanel directory={directoryApi} secrets={data.secrets} onChanged={refresh} /> : null}
        {tab === 'settings' ? <EventSettings organizationId={organizationId} directoryId={directoryId} /> : null}
      </DirectoryTabs>
    </div>
  );
}

function EventSettings({ organizationId, directoryId }: { organizationId: string; directoryId: string }) {
  const { api } = useDashboard();
  const toast = useToast();
  const url = '/api/v1/organizations/{organization_id}/directories/{directory_id}/event_settings' as const;
  const path = { organization_id: organizationId, directory_id: directoryId };
  const settings = useAsync(async () => (await bodyOf(api.management.GET(url, { params: { path } }))).event_settings, [api, organizationId, directoryId]);
  return (
    <DataView state={settings} loading={<Loading />}>
      {(current) => (
        <div className="card card-body stack">
          <h3>Events</h3>
          <Switch
            checked={current.deactivation_as_deletion}
            onChange={async (checked) => {
              try {
                settings.setData((await bodyOf(api.management.PATCH(url, { params: { path }, body: { deactivation_as_deletion: checked } }))).event_settings);
                toast.show('Event settings saved');
              } catch (error) {
                toast.error(error);
              }
            }}
            label="Report deactivated users as deleted"
          />
          <p className="muted">When on, a user the provider deactivates (active: false) is sent as user_deleted, and one it reactivates as user_created. Useful when the application has no notion of a suspended user.</p>
        </div>
      )}
    </DataView>
  );
}
