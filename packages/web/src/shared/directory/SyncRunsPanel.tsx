import { useState } from 'react';
import { formatDateTime, formatNumber, timeAgo } from '../format.js';
import { useAsync, useInterval } from '../hooks.js';
import type { SyncRun } from '../types.js';
import { DataView } from '../ui/data-view.js';
import { Callout, EmptyState } from '../ui/feedback.js';
import { ActivityIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import type { SyncApi } from './sync-api.js';

// The runs of a pulled directory, newest first: when, why, how it ended and what it changed.
// A run held by the safety threshold shows who it would have removed and, in the dashboard, an
// "Approve" button.

const STATUS: Record<SyncRun['status'], { label: string; tone: string }> = {
  running: { label: 'Running', tone: 'badge-accent' },
  succeeded: { label: 'Succeeded', tone: 'badge-success' },
  held: { label: 'Held for review', tone: 'badge-warning' },
  failed: { label: 'Failed', tone: 'badge-danger' },
  interrupted: { label: 'Interrupted', tone: '' },
};

const TRIGGER: Record<SyncRun['trigger'], string> = { schedule: 'Scheduled', manual: 'Sync now', approval: 'Approved' };

function changes(run: SyncRun): string {
  const counts = run.counts;
  const parts = [
    ['created', (counts.users_created ?? 0) + (counts.groups_created ?? 0)],
    ['updated', (counts.users_updated ?? 0) + (counts.groups_updated ?? 0)],
    ['deactivated', counts.users_deactivated ?? 0],
    ['deleted', (counts.users_deleted ?? 0) + (counts.groups_deleted ?? 0)],
    ['membership changes', (counts.memberships_added ?? 0) + (counts.memberships_removed ?? 0)],
  ].filter(([, value]) => (value as number) > 0);
  const summary = parts.map(([label, value]) => `${formatNumber(value as number)} ${label}`).join(', ');
  return `${summary || 'no changes'} · ${formatNumber(counts.users_seen ?? 0)} users read, ${formatNumber(counts.source_calls ?? 0)} calls`;
}

export function SyncRunsPanel({ sync, version, onApproved }: { sync: SyncApi; version: number; onApproved?: () => void }) {
  const runs = useAsync(() => sync.listRuns(), [sync, version]);
  useInterval(() => void runs.reload(), 5000);
  const [approving, setApproving] = useState<string>();
  const toast = useToast();

  const approve = async (run: SyncRun) => {
    if (!sync.approveRun) return;
    setApproving(run.id);
    try {
      await sync.approveRun(run.id);
      toast.show('Approved: the next sync applies the removals');
      await runs.reload();
      onApproved?.();
    } catch (error) {
      toast.error(error);
    } finally {
      setApproving(undefined);
    }
  };

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Sync runs</div>
          <div className="card-description">Each time Roster read the source: what it saw and what changed. Every call to the source is in the request log.</div>
        </div>
      </div>
      <DataView
        state={runs}
        errorTitle="The sync runs could not be loaded"
        rows={3}
        columns={4}
        isEmpty={(page) => page.sync_runs.length === 0}
        empty={
          <EmptyState icon={<ActivityIcon />} title="No sync yet">
            The first sync starts as soon as the source is connected.
          </EmptyState>
        }
      >
        {({ sync_runs: list }) => {
          // Approve is offered on the newest finished run only: a later run supersedes a held one.
          const newestHeld = list.find((run) => run.status !== 'running');
          return (
            <ul className="stack-sm" style={{ listStyle: 'none', margin: 0, padding: 16 }} data-testid="sync-runs">
              {list.map((run) => (
                <li key={run.id} className="card card-body stack-sm" data-testid="sync-run" data-status={run.status}>
                  <div className="row-between">
                    <div className="row">
                      <span className={`badge ${STATUS[run.status].tone}`}>
                        <span className="dot" aria-hidden="true" />
                        {STATUS[run.status].label}
                      </span>
                      <span className="small muted" title={formatDateTime(run.start_time)}>
                        {TRIGGER[run.trigger]} · {timeAgo(run.start_time)}
                      </span>
                    </div>
                    {run.status === 'held' && !run.approve_time && sync.approveRun && run.id === newestHeld?.id ? (
                      <button type="button" className="btn btn-sm btn-primary" disabled={approving !== undefined} onClick={() => void approve(run)}>
                        {approving === run.id ? <span className="spinner" aria-hidden="true" /> : null}
                        Approve
                      </button>
                    ) : run.approve_time ? (
                      <span className="small muted">Approved {timeAgo(run.approve_time)}</span>
                    ) : null}
                  </div>
                  <div className="small">{changes(run)}</div>
                  {run.error && run.status !== 'held' ? <Callout tone={run.error_code === 'partial' ? 'warning' : 'danger'}>{run.error}</Callout> : null}
                  {run.held ? (
                    <Callout tone="warning" title="Nothing was removed">
                      {run.held.reason}
                      {run.held.sample.length > 0 ? (
                        <span className="small" style={{ display: 'block', marginTop: 6 }}>
                          Among them: {run.held.sample.slice(0, 8).map((item) => `${item.name} (${item.action})`).join(', ')}
                          {run.held.sample.length > 8 ? ', …' : ''}
                        </span>
                      ) : null}
                    </Callout>
                  ) : null}
                </li>
              ))}
            </ul>
          );
        }}
      </DataView>
    </div>
  );
}
