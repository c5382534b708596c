import { useMemo, useState } from 'react';
import { COMMON_TABS, DirectoryTabs, type CommonTab } from '../shared/directory/DirectoryTabs.js';
import { useDirectoryRefresh } from '../shared/directory/use-directory-refresh.js';
import type { ApiClient } from '../shared/api.js';
import { portalDirectoryApi } from '../shared/directory/directory-api.js';
import { DirectoryStats } from '../shared/directory/DirectoryStats.js';
import { SampleDataNotice } from '../shared/directory/SampleDataNotice.js';
import { SamplePushButton } from '../shared/directory/SamplePushButton.js';
import { providerLabel } from '../shared/format.js';
import { useAsync, useInterval } from '../shared/hooks.js';
import type { Directory, DirectoryProvider } from '../shared/types.js';
import { useToast } from '../shared/ui/toast.js';
import { portalRoutes } from '../shared/web-routes.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { ProviderPicker } from './ProviderPicker.js';
import { guideFor } from './providers.js';
import { SettingsTab } from './SettingsTab.js';
import { SetupGuide } from './SetupGuide.js';

type Tab = 'setup' | CommonTab | 'settings';

const TABS: { id: Tab; label: string }[] = [{ id: 'setup', label: 'Setup' }, ...COMMON_TABS, { id: 'settings', label: 'Settings' }];

/** One directory: setup guide with live status until the provider connects, then its data and settings. */
export function DirectoryScreen({ api, initial, freshToken, onToken }: { api: ApiClient; initial: Directory; freshToken: string | undefined; onToken: (token: string) => void }) {
  const directoryApi = useMemo(() => portalDirectoryApi(api, initial.id), [api, initial.id]);
  const state = useAsync(() => directoryApi.getDirectory(), [directoryApi]);
  const directory = state.data ?? initial;
  const connected = directory.last_synced_at !== null;
  const [tab, setTab] = useState<Tab>(connected ? 'users' : 'setup');
  const [changingProvider, setChangingProvider] = useState(false);
  const [busyProvider, setBusyProvider] = useState<DirectoryProvider>();
  const toast = useToast();

  // Live status: every 3 seconds while waiting for the first request, every 10 once connected.
  useInterval(() => void state.reload(), connected ? 10_000 : 3_000);
  // The lists below reload when what they show changed, not at every poll.
  const { version, refresh } = useDirectoryRefresh(directory, state.reload, state.setData);

  const changeProvider = async (provider: DirectoryProvider) => {
    setBusyProvider(provider);
    try {
      const updated = await api.call(portalRoutes.updateDirectory, directory.id, { directory_provider: provider, name: `${providerLabel(provider)} directory` });
      state.setData(updated.directory);
      setChangingProvider(false);
    } catch (error) {
      toast.error(error);
    } finally {
      setBusyProvider(undefined);
    }
  };

  const newToken = async () => {
    try {
      const active = directory.secrets.some((secret) => secret.status === 'ACTIVE');
      const created = active ? await directoryApi.regenerateSecret(3600) : await directoryApi.createSecret();
      onToken(created.plain_secret);
      refresh();
    } catch (error) {
      toast.error(error);
    }
  };

  const guide = guideFor(directory.directory_provider);

  return (
    <div className="stack-lg">
      <div className="page-header">
        <div>
          <h1>{connected ? 'Your directory' : `Connect ${guide.name}`}</h1>
          <p>
            {connected
              ? `Users and groups from ${providerLabel(directory.directory_provider)} are kept in sync with the application.`
              : 'Follow the steps in your identity provider’s admin console. This page updates by itself when the first request arrives.'}
          </p>
        </div>
        <SamplePushButton directory={directoryApi} onDone={refresh} />
      </div>

      <ConnectionStatus directory={directory} onOpenLog={() => setTab('log')} onOpenUsers={() => setTab('users')} />
      <SampleDataNotice directory={directoryApi} version={version} onRemoved={refresh} />
      {connected ? <DirectoryStats directory={directory} /> : null}

      <DirectoryTabs tabs={TABS} selected={tab} onSelect={setTab} directory={directory} directoryApi={directoryApi} version={version} refresh={refresh}>
        {tab === 'setup' ? (
          changingProvider ? (
            <div className="stack">
              <div className="row-between">
                <h2>Which identity provider do you use?</h2>
                <button type="button" className="btn btn-sm" onClick={() => setChangingProvider(false)}>
                  Cancel
                </button>
              </div>
              <ProviderPicker onPick={(provider) => void changeProvider(provider)} busy={busyProvider} current={directory.directory_provider} />
            </div>
          ) : (
            <div className="card">
              <div className="card-header">
                <div className="row">
                  <span className="provider-mark" style={{ background: guide.color }} aria-hidden="true">
                    {guide.short}
                  </span>
                  <div>
                    <div className="card-title">{guide.name}</div>
                    <div className="card-description">Step-by-step setup</div>
                  </div>
                </div>
                <button type="button" className="btn btn-sm" onClick={() => setChangingProvider(true)}>
                  Use a different provider
                </button>
              </div>
              <div className="card-body">
                <SetupGuide
                  guide={guide}
                  directory={directory}
                  token={freshToken}
                  tokenAction={
                    <button type="button" className="btn btn-sm" onClick={() => void newToken()}>
                      Create a new token
                    </button>
                  }
                />
              </div>
            </div>
          )
        ) : null}
        {tab === 'settings' ? <SettingsTab directory={directory} directoryApi={directoryApi} onChanged={refresh} /> : null}
      </DirectoryTabs>
    </div>
  );
}
