import { useEffect, useMemo, useState } from 'react';
import { AttributeMappingEditor } from '../../shared/directory/AttributeMappingEditor.js';
import { dashboardDirectoryApi } from '../../shared/directory/directory-api.js';
import { DirectoryStats } from '../../shared/directory/DirectoryStats.js';
import { GroupsPanel } from '../../shared/directory/GroupsPanel.js';
import { RequestLogPanel } from '../../shared/directory/RequestLogPanel.js';
import { RoleMappingEditor } from '../../shared/directory/RoleMappingEditor.js';
import { SampleDataNotice } from '../../shared/directory/SampleDataNotice.js';
import { SamplePushButton } from '../../shared/directory/SamplePushButton.js';
import { SecretsPanel } from '../../shared/directory/SecretsPanel.js';
import { UsersPanel } from '../../shared/directory/UsersPanel.js';
import { providerLabel } from '../../shared/format.js';
import { useAsync, useInterval } from '../../shared/hooks.js';
import { Link } from '../../shared/router.js';
import type { Organization } from '../../shared/types.js';
import { EndpointReachability } from '../../shared/directory/EndpointReachability.js';
import { CopyField } from '../../shared/ui/copy.js';
import { ErrorState, Loading } from '../../shared/ui/feedback.js';
import { Switch } from '../../shared/ui/forms.js';
import { Tabs } from '../../shared/ui/tabs.js';
import { useToast } from '../../shared/ui/toast.js';
import { useDashboard } from '../context.js';

type Tab = 'users' | 'groups' | 'log' | 'attributes' | 'roles' | 'tokens' | 'settings';
const TABS: { id: Tab; label: string }[] = [
  { id: 'users', label: 'Users' },
  { id: 'groups', label: 'Groups' },
  { id: 'log', label: 'Request log' },
  { id: 'attributes', label: 'Attribute mapping' },
  { id: 'roles', label: 'Role mapping' },
  { id: 'tokens', label: 'Tokens' },
  { id: 'settings', label: 'Event settings' },
];

export function DirectoryPage({ organizationId, directoryId }: { organizationId: string; directoryId: string }) {
  const { api } = useDashboard();
  const toast = useToast();
  const directoryApi = useMemo(() => dashboardDirectoryApi(api, organizationId, directoryId), [api, organizationId, directoryId]);
  const directory = useAsync(() => directoryApi.getDirectory(), [directoryApi]);
  const organization = useAsync(async () => (await api.get<{ organization: Organization }>(`/api/v1/organizations/${encodeURIComponent(organizationId)}`)).organization, [api, organizationId]);
  const [tab, setTab] = useState<Tab>('users');
  const [version, setVersion] = useState(0);
  const [toggling, setToggling] = useState(false);
  useInterval(() => void directory.reload(), 10_000);
  const data = directory.data;
  const changeMark = data ? `${data.total_users}:${data.total_groups}:${data.stats.user_updated_at}:${data.stats.group_updated_at}` : '';
  useEffect(() => setVersion((value) => value + 1), [changeMark]);

  if (directory.error) return <div className="page"><ErrorState error={directory.error} onRetry={() => void directory.reload()} title="The directory could not be loaded" /></div>;
  if (!data) return <Loading />;

  const refresh = () => {
    void directory.reload();
    setVersion((value) => value + 1);
  };

  const toggle = async (enabled: boolean) => {
    setToggling(true);
    try {
      const result = await directoryApi.setEnabled(enabled);
      toast.show(result.error_message ?? (enabled ? 'Directory enabled' : 'Directory disabled: its identity provider is refused'));
      refresh();
    } catch (error) {
      toast.error(error);
    } finally {
      setToggling(false);
    }
  };

  return (
    <div className="page">
      <div>
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/organizations">Organizations</Link> <span aria-hidden="true">/</span>
          <Link to={`/organizations/${organizationId}`}>{organization.data?.display_name ?? organizationId}</Link> <span aria-hidden="true">/</span>
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
            <SamplePushButton directory={directoryApi} onDone={refresh} />
            <Switch checked={data.enabled} disabled={toggling} onChange={(checked) => void toggle(checked)} label={<span style={{ fontWeight: 500 }}>Enabled</span>} />
          </div>
        </div>
      </div>
      <DirectoryStats directory={data} />
      <SampleDataNotice directory={directoryApi} version={version} onRemoved={refresh} />
      <div className="card card-body stack-sm">
        <span className="label">SCIM endpoint</span>
        <CopyField value={data.directory_endpoint} label="SCIM endpoint URL" />
        <EndpointReachability endpoint={data.directory_endpoint} audience="dashboard" />
      </div>
      <Tabs
        label="Directory"
        selected={tab}
        onSelect={setTab}
        tabs={TABS.map((item) => ({
          id: item.id,
          label: (
            <>
              {item.label}
              {item.id === 'users' ? <span className="count">{data.total_users}</span> : null}
              {item.id === 'groups' ? <span className="count">{data.total_groups}</span> : null}
            </>
          ),
        }))}
      />
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'users' ? <UsersPanel directory={directoryApi} total={data.total_users} version={version} /> : null}
        {tab === 'groups' ? <GroupsPanel directory={directoryApi} total={data.total_groups} assignments={data.role_assignments.assignments} version={version} /> : null}
        {tab === 'log' ? <RequestLogPanel directory={directoryApi} /> : null}
        {tab === 'attributes' ? <AttributeMappingEditor directory={directoryApi} mappings={data.attribute_mappings.attributes} onSaved={refresh} /> : null}
        {tab === 'roles' ? <RoleMappingEditor directory={directoryApi} assignments={data.role_assignments.assignments} version={version} onSaved={refresh} /> : null}
        {tab === 'tokens' ? <SecretsPanel directory={directoryApi} secrets={data.secrets} onChanged={refresh} /> : null}
        {tab === 'settings' ? <EventSettings organizationId={organizationId} directoryId={directoryId} /> : null}
      </section>
    </div>
  );
}

function EventSettings({ organizationId, directoryId }: { organizationId: string; directoryId: string }) {
  const { api } = useDashboard();
  const toast = useToast();
  const path = `/api/v1/organizations/${encodeURIComponent(organizationId)}/directories/${encodeURIComponent(directoryId)}/event_settings`;
  const settings = useAsync(async () => (await api.get<{ event_settings: { deactivation_as_deletion: boolean } }>(path)).event_settings, [api, path]);
  if (settings.error) return <ErrorState error={settings.error} onRetry={() => void settings.reload()} />;
  if (!settings.data) return <Loading />;
  return (
    <div className="card card-body stack">
      <h3>Events</h3>
      <Switch
        checked={settings.data.deactivation_as_deletion}
        onChange={async (checked) => {
          try {
            settings.setData((await api.patch<{ event_settings: { deactivation_as_deletion: boolean } }>(path, { deactivation_as_deletion: checked })).event_settings);
            toast.show('Event settings saved');
          } catch (error) {
            toast.error(error);
          }
        }}
        label="Report deactivated users as deleted"
      />
      <p className="muted">When on, a user the provider deactivates (active: false) is sent as user_deleted, and one it reactivates as user_created. Useful when the application has no notion of a suspended user.</p>
    </div>
  );
}
