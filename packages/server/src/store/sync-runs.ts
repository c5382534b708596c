import type { Queryable } from './database.js';
import type { KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

// The record of a pulled directory's sync runs (012_pulled_directories.sql).

export type SyncRunStatus = 'running' | 'succeeded' | 'held' | 'failed' | 'interrupted';
export type SyncTrigger = 'schedule' | 'manual' | 'approval';

export interface SyncRunRow {
  directory_id: string;
  id: string;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  node: string | null;
  started_at: Date;
  finished_at: Date | null;
  counts: Record<string, number>;
  error_code: string | null;
  error: string | null;
  held: Record<string, unknown> | null;
  approved_at: Date | null;
}

export async function insertSyncRun(db: Queryable, run: { directoryId: string; id: string; trigger: SyncTrigger; node: string }): Promise<SyncRunRow> {
  const result = await db.query<SyncRunRow>(
    `INSERT INTO sync_runs (directory_id, id, trigger, status, node) VALUES ($1, $2, $3, 'running', $4) RETURNING *`,
    [run.directoryId, run.id, run.trigger, run.node],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Progress so far, written as the run goes: a run that dies leaves what it had done. */
export async function recordRunCounts(db: Queryable, directoryId: string, id: string, counts: Record<string, number>): Promise<void> {
  await db.query(`UPDATE sync_runs SET counts = $3 WHERE directory_id = $1 AND id = $2 AND status = 'running'`, [directoryId, id, JSON.stringify(counts)]);
}

export async function finishSyncRun(
  db: Queryable,
  run: {
    directoryId: string;
    id: string;
    status: Exclude<SyncRunStatus, 'running'>;
    counts: Record<string, number>;
    errorCode?: string | null;
    error?: string | null;
    held?: Record<string, unknown> | null;
  },
): Promise<SyncRunRow | undefined> {
  const result = await db.query<SyncRunRow>(
    `UPDATE sync_runs SET status = $3, counts = $4, error_code = $5, error = $6, held = $7, finished_at = now()
      WHERE directory_id = $1 AND id = $2 AND status = 'running' RETURNING *`,
    [run.directoryId, run.id, run.status, JSON.stringify(run.counts), run.errorCode ?? null, run.error ?? null, run.held ? JSON.stringify(run.held) : null],
  );
  return result.rows[0];
}

/** A run whose node died holding the lease. */
export async function markRunInterrupted(db: Queryable, directoryId: string, id: string): Promise<void> {
  await db.query(
    `UPDATE sync_runs SET status = 'interrupted', finished_at = now(), error = 'the node running it stopped before it finished; the next run took over'
      WHERE directory_id = $1 AND id = $2 AND status = 'running'`,
    [directoryId, id],
  );
}

export async function findSyncRun(db: Queryable, directoryId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<SyncRunRow | undefined> {
  const lock = options.forUpdate ? ' FOR UPDATE' : '';
  const result = await db.query<SyncRunRow>(`SELECT * FROM sync_runs WHERE directory_id = $1 AND id = $2${lock}`, [directoryId, id]);
  return result.rows[0];
}

export async function markRunApproved(db: Queryable, directoryId: string, id: string): Promise<SyncRunRow | undefined> {
  const result = await db.query<SyncRunRow>(
    `UPDATE sync_runs SET approved_at = now() WHERE directory_id = $1 AND id = $2 AND status = 'held' AND approved_at IS NULL RETURNING *`,
    [directoryId, id],
  );
  return result.rows[0];
}

/** The newest run of each directory, for directory listings. */
export async function latestSyncRuns(db: Queryable, directoryIds: string[]): Promise<Map<string, SyncRunRow>> {
  if (directoryIds.length === 0) return new Map();
  const result = await db.query<SyncRunRow>(
    `SELECT r.* FROM unnest($1::text[]) AS d(id)
       CROSS JOIN LATERAL (SELECT * FROM sync_runs WHERE directory_id = d.id ORDER BY id DESC LIMIT 1) r`,
    [directoryIds],
  );
  return new Map(result.rows.map((row) => [row.directory_id, row]));
}

/**
 * Newest first. Run ids sort by time, so `after` walks to older runs and `before` back to newer
 * ones (the keyset helpers' tokens, read in descending order).
 */
export async function listSyncRunsPage(db: Queryable, directoryId: string, page: KeysetPage): Promise<{ rows: SyncRunRow[]; more: boolean }> {
  const params = new SqlParams([directoryId]);
  const limit = params.add(page.limit + 1);
  let sql: string;
  if (page.before !== undefined) {
    sql = `SELECT * FROM sync_runs WHERE directory_id = $1 AND id > ${params.add(page.before)} ORDER BY id ASC LIMIT ${limit}`;
  } else {
    const condition = page.after !== undefined ? `id < ${params.add(page.after)}` : 'true';
    sql = `SELECT * FROM sync_runs WHERE directory_id = $1 AND ${condition} ORDER BY id DESC LIMIT ${limit}`;
  }
  const result = await db.query<SyncRunRow>(sql, params.values);
  const taken = result.rows.slice(0, page.limit);
  return { rows: page.before !== undefined ? taken.reverse() : taken, more: result.rows.length > page.limit };
}

export async function countSyncRuns(db: Queryable, directoryId: string): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM sync_runs WHERE directory_id = $1', [directoryId]);
  return result.rows[0]?.count ?? 0;
}
