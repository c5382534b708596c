import { useMemo, useState } from 'react';
import type { ApiClient } from '../shared/api.js';
import { portalDirectoryApi, type DirectoryApi } from '../shared/directory/directory-api.js';
import { COMMON_TABS, DirectoryTabs, type CommonTab } from '../shared/directory/DirectoryTabs.js';
import { DirectoryStats } from '../shared/directory/DirectoryStats.js';
import { portalSyncApi, type SyncApi } from '../shared/directory/sync-api.js';
import { SyncRunsPanel } from '../shared/directory/SyncRunsPanel.js';
import { SyncStatus } from '../shared/directory/SyncStatus.js';
import { useDirectoryRefresh } from '../shared/directory/use-directory-refresh.js';
import { providerLabel } from '../shared/format.js';
import { useAsync, useInterval } from '../shared/hooks.js';
import type { Directory } from '../shared/types.js';
import { Field, Switch } from '../shared/ui/forms.js';
import { useToast } from '../shared/ui/toast.js';
import { BambooHRSetup } from './BambooHRSetup.js';
import { GoogleWorkspaceSetup } from './GoogleWorkspaceSetup.js';

// A pulled directory in the admin portal: connect the source, then its users, groups, sync
// runs and request log (every call Roster made to the source), mappings and settings.

type Tab = 'setup' | CommonTab | 'runs' | 'settings';

// The sync runs stand just before the request log, which has every call they made.
const TABS: { id: Tab; label: string }[] = [
  { id: 'setup', label: 'Connection' },
  ...COMMON_TABS.flatMap((tab): { id: Tab; label: string }[] => (tab.id === 'log' ? [{ id: 'runs', label: 'Sync runs' }, tab] : [tab])),
  { id: 'settings', label: 'Settings' },
];

export function PulledDirectoryScreen({ api, initial, consentAvailable }: { api: ApiClient; initial: Directory; consentAvailable: boolean }) {
  const directoryApi = useMemo(() => portalDirectoryApi(api, initial.id), [api, initial.id]);
  const sync = useMemo(() => portalSyncApi(api, initial.id), [api, initial.id]);
  const state = useAsync(() => directoryApi.getDirectory(), [directoryApi]);
  const directory = state.data ?? initial;
  const connected = directory.source?.connection !== null && directory.source?.connection !== undefined;
  const [tab, setTab] = useState<Tab>(connected ? 'users' : 'setup');
  useInterval(() => void state.reload(), directory.source?.syncing || !directory.source?.last_success_time ? 2_000 : 10_000);
  const { version, refresh, changed } = useDirectoryRefresh(directory, state.reload, state.setData);
  const provider = providerLabel(directory.directory_provider);

  return (
    <div className="stack-lg">
      <div className="page-header">
        <div>
          <h1>{connected ? 'Your directory' : `Connect ${provider}`}</h1>
          <p>{connected ? `Roster reads ${provider} every ${directory.source?.sync_interval_minutes ?? 30} minutes and keeps the application in step.` : `Give Roster read-only access to ${provider}. Users and groups then arrive by themselves.`}</p>
        </div>
      </div>
      <SyncStatus directory={directory} sync={sync} onChanged={changed} />
      {directory.source?.last_success_time ? <DirectoryStats directory={directory} /> : null}
      <DirectoryTabs tabs={TABS} selected={tab} onSelect={setTab} directory={directory} directoryApi={directoryApi} version={version} refresh={refresh}>
        {tab === 'setup' ? (
          <div className="card card-body">
            {directory.directory_type === 'GOOGLE_WORKSPACE' ? (
              <GoogleWorkspaceSetup directory={directory} sync={sync} consentAvailable={consentAvailable} onChanged={changed} />
            ) : (
              <BambooHRSetup directory={directory} submitLabel={connected ? 'Save' : 'Connect BambooHR'} onSubmit={async (input) => changed(await sync.updateSource({ ...input }))} />
            )}
          </div>
        ) : null}
        {tab === 'runs' ? <SyncRunsPanel sync={sync} version={version} /> : null}
        {tab === 'settings' ? <PulledSettings directory={directory} directoryApi={directoryApi} sync={sync} onChanged={changed} onToggle={refresh} /> : null}
      </DirectoryTabs>
    </div>
  );
}

/** Turning the directory off and on, how often it syncs, and (Google) what it reads. */
function PulledSettings({ directory, directoryApi, sync, onChanged, onToggle }: { directory: Directory; directoryApi: DirectoryApi; sync: SyncApi; onChanged: (directory: Directory) => void; onToggle: () => void }) {
  const toast = useToast();
  const google = directory.source?.google_workspace;
  const [units, setUnits] = useState((google?.org_units ?? []).join('\n'));
  const [groups, setGroups] = useState((google?.group_emails ?? []).join('\n'));
  const lines = (text: string) => text.split(/[\n,]+/).map((line) => line.trim()).filter(Boolean);

  const save = async () => {
    try {
      onChanged(await sync.updateSource({ google_workspace: { org_units: lines(units), group_emails: lines(groups) } }));
      toast.show('Saved: syncing with the new scope');
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <div className="card card-body stack">
      <Switch
        checked={directory.enabled}
        onChange={async (enabled) => {
          try {
            await directoryApi.setEnabled(enabled);
            onToggle();
          } catch (error) {
            toast.error(error);
          }
        }}
        label="Sync this directory"
      />
      {google ? (
        <>
          <h3>What to read from Google Workspace</h3>
          <Field label="Only these organizational units" hint="One per line, e.g. /Engineering. Users in units below them are included. Leave empty for everyone.">
            {(id, describedBy) => <textarea id={id} aria-describedby={describedBy} className="input" rows={3} value={units} onChange={(event) => setUnits(event.target.value)} />}
          </Field>
          <Field label="Only these groups" hint="Group emails, one per line. Their nested groups and members are included. Leave empty for every group.">
            {(id, describedBy) => <textarea id={id} aria-describedby={describedBy} className="input" rows={3} value={groups} onChange={(event) => setGroups(event.target.value)} />}
          </Field>
          <div>
            <button type="button" className="btn" onClick={() => void save()}>
              Save
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
