import { useState } from 'react';
import { formatDateTime, plural, providerLabel, timeAgo } from '../format.js';
import { useNow } from '../hooks.js';
import type { Directory } from '../types.js';
import { AlertIcon, CheckIcon, ClockIcon, PowerIcon, RefreshIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import type { SyncApi } from './sync-api.js';

// A pulled directory at a glance, live: not connected yet, syncing, in sync (when, and when
// next), waiting for review, refused credentials, or failing (with the source's own words and
// when it is retried), with "Sync now".

type Tone = 'ok' | 'waiting' | 'warning' | 'danger' | 'off';

function describe(directory: Directory): { state: string; tone: Tone; title: string; text: string } {
  const source = directory.source;
  const provider = providerLabel(directory.directory_provider);
  if (!source) return { state: 'scim', tone: 'off', title: '', text: '' };
  if (!directory.enabled) return { state: 'disabled', tone: 'off', title: 'Directory sync is turned off', text: `Roster does not read ${provider} until the directory is enabled again. Users already synced are kept.` };
  const next = source.next_sync_time ? `Next sync ${timeAgo(source.next_sync_time)}.` : '';
  switch (source.status) {
    case 'not_connected':
      return { state: 'not_connected', tone: 'waiting', title: `Connect ${provider}`, text: 'Roster starts syncing as soon as it has access. Follow the steps below.' };
    case 'needs_review':
      return { state: 'needs_review', tone: 'warning', title: 'A sync is waiting for review', text: source.status_message ?? 'The last sync would have removed many people at once.' };
    case 'invalid_credentials':
      return { state: 'invalid_credentials', tone: 'danger', title: `${provider} refused Roster’s access`, text: `${source.status_message ?? ''} ${next}`.trim() };
    case 'error':
      return { state: 'error', tone: 'danger', title: 'The last sync failed', text: `${source.status_message ?? ''} ${next}`.trim() };
    case 'active':
      if (!source.last_success_time) return { state: 'syncing', tone: 'waiting', title: `Syncing ${provider} for the first time`, text: 'Users and groups appear here as they are read.' };
      return {
        state: 'active',
        tone: 'ok',
        title: `In sync with ${provider}`,
        text: `Last sync ${timeAgo(source.last_success_time)} · ${plural(directory.total_users, 'user')} and ${plural(directory.total_groups, 'group')} · ${source.status_message ?? next}`,
      };
  }
}

export function SyncStatus({ directory, sync, onChanged }: { directory: Directory; sync: SyncApi; onChanged: (directory: Directory) => void }) {
  useNow(15_000);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const { state, tone, title, text } = describe(directory);
  const source = directory.source;
  const syncing = Boolean(source?.syncing);

  const syncNow = async () => {
    setBusy(true);
    try {
      onChanged(await sync.syncNow());
      toast.show('Sync started');
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };

  const icon = tone === 'ok' ? <CheckIcon size={22} /> : tone === 'off' ? <PowerIcon size={22} /> : tone === 'waiting' ? <span className="pulse" aria-hidden="true" /> : <AlertIcon size={22} />;
  return (
    <div className="card card-body status-hero" data-testid="sync-status" data-status={syncing ? 'running' : state} aria-live="polite">
      <div className={`status-icon ${tone === 'danger' || tone === 'warning' ? 'off' : tone}`}>{icon}</div>
      <div className="grow">
        <h2>{syncing && state !== 'not_connected' ? `Syncing with ${providerLabel(directory.directory_provider)}…` : title}</h2>
        <p className="muted" data-testid="sync-status-message" title={source?.last_success_time ? formatDateTime(source.last_success_time) : undefined}>
          {text}
        </p>
        {source?.connection ? (
          <p className="small muted">
            <ClockIcon size={12} /> Every {plural(source.sync_interval_minutes, 'minute')} · connected by{' '}
            {source.connection.kind === 'oauth' ? 'Google consent' : source.connection.kind === 'service_account' ? `service account ${source.connection.service_account ?? ''} as ${source.connection.admin_email ?? ''}` : 'API key'}
          </p>
        ) : null}
      </div>
      {source?.connection && directory.enabled ? (
        <button type="button" className="btn btn-sm" onClick={() => void syncNow()} disabled={busy || syncing}>
          {busy || syncing ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon size={14} />}
          Sync now
        </button>
      ) : null}
    </div>
  );
}
