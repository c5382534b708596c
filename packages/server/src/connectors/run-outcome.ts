import type { FinishedRun } from '../directory/management/sync-runs.js';
import type { SourceStatus } from '../store/directory-sources.js';
import { SourceError } from './source.js';
import type { SyncResult } from './sync-directory.js';

// Where a directory stands after a run (pure): its status, message, failure count and when it
// syncs next. A source that fails backs off exponentially (one minute, two, four, ... up to six
// hours) so a broken source is not hammered; a success puts it back on its interval.

export const BACKOFF_START_SECONDS = 60;
export const BACKOFF_MAX_SECONDS = 6 * 3600;

export interface DirectoryState {
  status: SourceStatus;
  message: string | null;
  failures: number;
  intervalSeconds: number;
  approved: boolean;
}

/** Seconds to wait after the `failures`-th failure in a row, with ±10% jitter. */
export function backoffSeconds(failures: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_SECONDS, BACKOFF_START_SECONDS * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(base * (0.9 + 0.2 * random()));
}

const after = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

export function succeededRun(result: SyncResult, counts: Record<string, number>, state: DirectoryState, now = new Date()): FinishedRun {
  const partial = result.failures.length > 0 ? `${counts.objects_failed ?? result.failures.length} objects could not be applied: ${result.failures.join('; ')}` : null;
  if (result.status === 'held') {
    return {
      status: 'held',
      counts,
      errorCode: 'needs_review',
      error: result.held.reason,
      held: { ...result.held },
      outcome: { status: 'needs_review', message: result.held.reason, failures: 0, nextSyncAt: null, succeeded: false, consumedApproval: state.approved },
    };
  }
  return {
    status: 'succeeded',
    counts,
    errorCode: partial ? 'partial' : null,
    error: partial,
    outcome: { status: 'active', message: partial, failures: 0, nextSyncAt: after(now, state.intervalSeconds), succeeded: true, consumedApproval: state.approved },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function failedRun(error: unknown, counts: Record<string, number>, state: DirectoryState, now = new Date(), random: () => number = Math.random): FinishedRun {
  const failures = state.failures + 1;
  const nextSyncAt = after(now, backoffSeconds(failures, random));
  if (error instanceof SourceError && error.kind === 'invalid_credentials') {
    const message = `${error.message}. Nothing was removed; reconnect the source to resume syncing.`;
    return {
      status: 'failed',
      counts,
      errorCode: 'invalid_credentials',
      error: message,
      outcome: { status: 'invalid_credentials', message, failures, nextSyncAt, succeeded: false, consumedApproval: false },
    };
  }
  const message = error instanceof SourceError ? `${error.message}. Retrying with backoff.` : `The sync failed: ${describe(error)}. Retrying with backoff.`;
  return {
    status: 'failed',
    counts,
    errorCode: error instanceof SourceError ? 'source_error' : 'apply_error',
    error: message,
    outcome: { status: 'error', message, failures, nextSyncAt, succeeded: false, consumedApproval: false },
  };
}

/** A run stopped because this node is shutting down: the directory stays as it was and due at once, for any node. */
export function interruptedRun(counts: Record<string, number>, state: DirectoryState, now = new Date()): FinishedRun {
  return {
    status: 'interrupted',
    counts,
    error: 'Roster was shutting down; the next run takes over',
    outcome: { status: state.status, message: state.message, failures: state.failures, nextSyncAt: now, succeeded: false, consumedApproval: false },
  };
}
