import { newId } from '../../ids.js';
import { claimDueSource, releaseLease, renewLease, approveHeldRun, findDirectorySource, type ClaimedSource, type RunOutcome } from '../../store/directory-sources.js';
import { insertEvents } from '../../store/events.js';
import {
  countSyncRuns,
  findSyncRun,
  finishSyncRun,
  insertSyncRun,
  latestSyncRuns,
  listSyncRunsPage,
  markRunApproved,
  markRunInterrupted,
  type SyncRunRow,
  type SyncRunStatus,
} from '../../store/sync-runs.js';
import { withTransaction } from '../../store/transaction.js';
import { failedPrecondition, notFound } from '../api-error.js';
import { getDirectorySource } from './pulled-directories.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import { directoryEvent as scopedEvent } from '../scim/scim-events.js';
import type { Services } from '../services.js';

// The life of a sync run as the store records it: claimed under a lease, finished with the
// directory's new status (and, for a run held for review, its event, in the same transaction),
// listed, approved.

export interface StartedRun {
  source: ClaimedSource;
  run: SyncRunRow;
}

/**
 * Claims the most overdue directory whose lease is free, and records the run, in one
 * transaction: a run whose node died holding the lease is marked interrupted as it is taken over.
 */
export async function startDueRun(services: Services, node: string, leaseSeconds: number): Promise<StartedRun | undefined> {
  const runId = newId('syncrun');
  return withTransaction(services.db, async (client) => {
    const source = await claimDueSource(client, node, runId, leaseSeconds);
    if (!source) return undefined;
    if (source.previous_run_id) await markRunInterrupted(client, source.directory_id, source.previous_run_id);
    const trigger = source.approved_run_id ? 'approval' : source.manual ? 'manual' : 'schedule';
    const run = await insertSyncRun(client, { directoryId: source.directory_id, id: runId, trigger, node });
    return { source, run };
  });
}

export function renewRunLease(services: Services, directoryId: string, runId: string, leaseSeconds: number): Promise<boolean> {
  return renewLease(services.db.pool, directoryId, runId, leaseSeconds);
}

export interface FinishedRun {
  status: Exclude<SyncRunStatus, 'running'>;
  counts: Record<string, number>;
  errorCode?: string | null;
  error?: string | null;
  held?: Record<string, unknown> | null;
  outcome: RunOutcome;
}

/**
 * Records how the run ended and where the directory stands, and frees the lease. A held run's
 * event is written in the same transaction. False when the run had lost its lease (another
 * node took the directory over): then nothing is written.
 */
export async function finishRun(services: Services, started: StartedRun, finished: FinishedRun): Promise<boolean> {
  const { source, run } = started;
  return withTransaction(services.db, async (client) => {
    if (!(await releaseLease(client, source.directory_id, run.id, finished.outcome))) return false;
    const row = await finishSyncRun(client, {
      directoryId: source.directory_id,
      id: run.id,
      status: finished.status,
      counts: finished.counts,
      errorCode: finished.errorCode ?? null,
      error: finished.error ?? null,
      held: finished.held ?? null,
    });
    if (finished.status === 'held' && row) {
      await insertEvents(client, [
        scopedEvent({ organizationId: source.organization_id, directoryId: source.directory_id }, 'organization.directory.sync_needs_review', 'Directory', {
          directory_id: source.directory_id,
          organization_id: source.organization_id,
          directory_type: source.source,
          sync_run_id: run.id,
          ...finished.held,
        }),
      ]);
    }
    return true;
  });
}

export async function listSyncRuns(services: Services, organizationId: string, directoryId: string, request: PageRequest = {}): Promise<Page<SyncRunRow>> {
  await getDirectorySource(services, organizationId, directoryId);
  const scope = `sync_runs:${directoryId}`;
  const page = keysetPage(scope, request);
  const db = services.db.pool;
  const [read, total] = await Promise.all([listSyncRunsPage(db, directoryId, page), countSyncRuns(db, directoryId)]);
  return pageOf(scope, page, read, (row) => row.id, read.rows, total);
}

export async function getSyncRun(services: Services, organizationId: string, directoryId: string, runId: string): Promise<SyncRunRow> {
  await getDirectorySource(services, organizationId, directoryId);
  const run = await findSyncRun(services.db.pool, directoryId, runId);
  if (!run) throw notFound('sync run', runId);
  return run;
}

/** The newest run of each of these directories. */
export function latestRunsOf(services: Services, directoryIds: string[]): Promise<Map<string, SyncRunRow>> {
  return latestSyncRuns(services.db.pool, directoryIds);
}

/**
 * An administrator approves a held run: the next run (due at once) may deactivate and delete
 * up to what the held run would have. Only the newest run, held, of a directory waiting for
 * review can be approved.
 */
export async function approveSyncRun(services: Services, organizationId: string, directoryId: string, runId: string): Promise<SyncRunRow> {
  await getDirectorySource(services, organizationId, directoryId);
  return withTransaction(services.db, async (client) => {
    const source = await findDirectorySource(client, directoryId, { forUpdate: true });
    const run = await findSyncRun(client, directoryId, runId, { forUpdate: true });
    if (!source || !run) throw notFound('sync run', runId);
    const newest = (await latestSyncRuns(client, [directoryId])).get(directoryId);
    if (run.status !== 'held' || run.approved_at !== null || source.status !== 'needs_review' || newest?.id !== run.id) {
      throw failedPrecondition(`Sync run ${runId} is not waiting for review (it is ${run.approved_at ? 'approved already' : run.status}; only the newest held run of a directory that needs review can be approved)`, {
        sync_run_id: runId,
        status: run.status,
      });
    }
    const approved = await markRunApproved(client, directoryId, runId);
    if (!approved) throw notFound('sync run', runId);
    await approveHeldRun(client, directoryId, runId);
    return approved;
  });
}

export async function approvedRemovals(services: Services, directoryId: string, runId: string): Promise<{ usersDeactivated: number; usersDeleted: number; groupsDeleted: number } | undefined> {
  const run = await findSyncRun(services.db.pool, directoryId, runId);
  const held = run?.held;
  if (!held) return undefined;
  const count = (name: string) => (typeof held[name] === 'number' ? held[name] : 0);
  return { usersDeactivated: count('users_deactivated'), usersDeleted: count('users_deleted'), groupsDeleted: count('groups_deleted') };
}
