import type { Queryable } from './database.js';

// A pulled directory's source: settings, sealed credentials, schedule, status, and the lease
// that lets one node at a time sync it (see 012_pulled_directories.sql).

export type SourceStatus = 'not_connected' | 'active' | 'needs_review' | 'invalid_credentials' | 'error';

export interface DirectorySourceRow {
  directory_id: string;
  source: string;
  settings: Record<string, unknown>;
  credentials: string | null;
  credentials_kind: string | null;
  credentials_summary: Record<string, string> | null;
  credentials_updated_at: Date | null;
  sync_interval_seconds: number;
  safety_threshold_percent: number;
  status: SourceStatus;
  status_message: string | null;
  consecutive_failures: number;
  next_sync_at: Date | null;
  manual_requested_at: Date | null;
  last_success_at: Date | null;
  approved_run_id: string | null;
  lease_run_id: string | null;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  oauth_state_hash: string | null;
  oauth_session_id: string | null;
  oauth_state_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function insertDirectorySource(
  db: Queryable,
  source: { directoryId: string; source: string; settings: Record<string, unknown>; intervalSeconds: number; thresholdPercent: number },
): Promise<DirectorySourceRow> {
  const result = await db.query<DirectorySourceRow>(
    `INSERT INTO directory_sources (directory_id, source, settings, sync_interval_seconds, safety_threshold_percent)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [source.directoryId, source.source, JSON.stringify(source.settings), source.intervalSeconds, source.thresholdPercent],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findDirectorySource(db: Queryable, directoryId: string, options: { forUpdate?: boolean } = {}): Promise<DirectorySourceRow | undefined> {
  const lock = options.forUpdate ? ' FOR UPDATE' : '';
  const result = await db.query<DirectorySourceRow>(`SELECT * FROM directory_sources WHERE directory_id = $1${lock}`, [directoryId]);
  return result.rows[0];
}

/** The sources of several directories in one query; a SCIM directory has none. */
export async function listDirectorySources(db: Queryable, directoryIds: string[]): Promise<Map<string, DirectorySourceRow>> {
  if (directoryIds.length === 0) return new Map();
  const result = await db.query<DirectorySourceRow>('SELECT * FROM directory_sources WHERE directory_id = ANY($1::text[])', [directoryIds]);
  return new Map(result.rows.map((row) => [row.directory_id, row]));
}

/** How many stored credentials were sealed under each key id (`rsb1.<key id>.…`, secret-box.ts). */
export async function countSealedCredentialsByKey(db: Queryable): Promise<Map<string, number>> {
  const result = await db.query<{ key_id: string; count: number }>(
    "SELECT split_part(credentials, '.', 2) AS key_id, count(*)::int AS count FROM directory_sources WHERE credentials IS NOT NULL GROUP BY 1",
  );
  return new Map(result.rows.map((row) => [row.key_id, row.count]));
}

export async function countDirectorySources(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM directory_sources');
  return result.rows[0]?.count ?? 0;
}

/** Changes what is given; the caller holds the row lock. */
export async function updateDirectorySource(
  db: Queryable,
  directoryId: string,
  changes: { settings?: Record<string, unknown>; intervalSeconds?: number; thresholdPercent?: number; nextSyncAt?: Date | null },
): Promise<DirectorySourceRow> {
  const result = await db.query<DirectorySourceRow>(
    `UPDATE directory_sources SET settings = coalesce($2::jsonb, settings),
            sync_interval_seconds = coalesce($3, sync_interval_seconds),
            safety_threshold_percent = coalesce($4, safety_threshold_percent),
            next_sync_at = CASE WHEN $5 THEN $6::timestamptz ELSE next_sync_at END,
            updated_at = now()
      WHERE directory_id = $1 RETURNING *`,
    [
      directoryId,
      changes.settings === undefined ? null : JSON.stringify(changes.settings),
      changes.intervalSeconds ?? null,
      changes.thresholdPercent ?? null,
      changes.nextSyncAt !== undefined,
      changes.nextSyncAt ?? null,
    ],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`source of ${directoryId} vanished while locked`);
  return row;
}

/**
 * New credentials: the directory is connected again, its failures forgotten, a pending consent
 * used up, and a run due at once.
 */
export async function storeSourceCredentials(db: Queryable, directoryId: string, sealed: string, summary: { kind: string } & Record<string, string>): Promise<DirectorySourceRow> {
  const result = await db.query<DirectorySourceRow>(
    `UPDATE directory_sources SET credentials = $2, credentials_kind = $3, credentials_summary = $4, credentials_updated_at = now(),
            status = CASE WHEN status = 'needs_review' THEN status ELSE 'active' END,
            status_message = CASE WHEN status = 'needs_review' THEN status_message END,
            consecutive_failures = 0, next_sync_at = CASE WHEN status = 'needs_review' THEN next_sync_at ELSE now() END,
            oauth_state_hash = NULL, oauth_session_id = NULL, oauth_state_expires_at = NULL, updated_at = now()
      WHERE directory_id = $1 RETURNING *`,
    [directoryId, sealed, summary.kind, JSON.stringify(summary)],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`source of ${directoryId} vanished`);
  return row;
}

/** Remembers a consent in progress (only its hash), replacing any earlier one. */
export async function storeOAuthState(db: Queryable, directoryId: string, stateHash: string, sessionId: string, expiresAt: Date): Promise<void> {
  await db.query(
    'UPDATE directory_sources SET oauth_state_hash = $2, oauth_session_id = $3, oauth_state_expires_at = $4, updated_at = now() WHERE directory_id = $1',
    [directoryId, stateHash, sessionId, expiresAt],
  );
}

/** Takes a pending consent by its state hash, once: a replayed callback finds nothing. */
export async function takeOAuthState(db: Queryable, stateHash: string): Promise<{ directory_id: string; oauth_session_id: string; expired: boolean } | undefined> {
  const result = await db.query<{ directory_id: string; oauth_session_id: string; expired: boolean }>(
    `UPDATE directory_sources s SET oauth_state_hash = NULL, oauth_session_id = NULL, oauth_state_expires_at = NULL
       FROM (SELECT directory_id, oauth_session_id, oauth_state_expires_at < now() AS expired FROM directory_sources WHERE oauth_state_hash = $1 FOR UPDATE) taken
      WHERE s.directory_id = taken.directory_id
      RETURNING taken.directory_id, taken.oauth_session_id, taken.expired`,
    [stateHash],
  );
  return result.rows[0];
}

/** "Sync now": due at once, unless nothing can run (no credentials). */
export async function requestSourceSync(db: Queryable, directoryId: string): Promise<DirectorySourceRow | undefined> {
  const result = await db.query<DirectorySourceRow>(
    `UPDATE directory_sources SET next_sync_at = now(), manual_requested_at = now(), updated_at = now()
      WHERE directory_id = $1 AND credentials IS NOT NULL RETURNING *`,
    [directoryId],
  );
  return result.rows[0];
}

export interface ClaimedSource extends DirectorySourceRow {
  organization_id: string;
  /** The run that held the lease before it lapsed (its node died): to be marked interrupted. */
  previous_run_id: string | null;
  /** Someone asked for this run ("Sync now"). */
  manual: boolean;
}

/**
 * Leases the directory most overdue for a sync whose lease is free or lapsed, for `runId` on
 * `node`. SKIP LOCKED: nodes polling together each get a different directory, or none.
 */
export async function claimDueSource(db: Queryable, node: string, runId: string, leaseSeconds: number): Promise<ClaimedSource | undefined> {
  const result = await db.query<ClaimedSource>(
    `WITH due AS (
       SELECT s.directory_id, s.lease_run_id AS previous_run_id, s.manual_requested_at IS NOT NULL AS manual, d.organization_id
         FROM directory_sources s JOIN directories d ON d.id = s.directory_id
        WHERE s.next_sync_at <= now() AND s.credentials IS NOT NULL AND d.enabled
          AND (s.lease_expires_at IS NULL OR s.lease_expires_at < now())
        ORDER BY s.next_sync_at
        LIMIT 1
        FOR UPDATE OF s SKIP LOCKED)
     UPDATE directory_sources s SET lease_run_id = $1, lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3), manual_requested_at = NULL
       FROM due WHERE s.directory_id = due.directory_id
     RETURNING s.*, due.previous_run_id, due.manual, due.organization_id`,
    [runId, node, leaseSeconds],
  );
  return result.rows[0];
}

/** Extends the lease of a run still holding it; false when it was lost (lapsed and taken). */
export async function renewLease(db: Queryable, directoryId: string, runId: string, leaseSeconds: number): Promise<boolean> {
  const result = await db.query(
    `UPDATE directory_sources SET lease_expires_at = now() + make_interval(secs => $3) WHERE directory_id = $1 AND lease_run_id = $2`,
    [directoryId, runId, leaseSeconds],
  );
  return (result.rowCount ?? 0) > 0;
}

export interface RunOutcome {
  status: SourceStatus;
  message: string | null;
  failures: number;
  nextSyncAt: Date | null;
  succeeded: boolean;
  /** The approval this run used up. */
  consumedApproval: boolean;
}

/** Records where the directory stands after a run, and frees the lease; false when the run no longer held it. */
export async function releaseLease(db: Queryable, directoryId: string, runId: string, outcome: RunOutcome): Promise<boolean> {
  const result = await db.query(
    `UPDATE directory_sources SET status = $3, status_message = $4, consecutive_failures = $5,
            next_sync_at = CASE WHEN manual_requested_at IS NOT NULL THEN now() ELSE $6::timestamptz END,
            last_success_at = CASE WHEN $7 THEN now() ELSE last_success_at END,
            approved_run_id = CASE WHEN $8 THEN NULL ELSE approved_run_id END,
            lease_run_id = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
      WHERE directory_id = $1 AND lease_run_id = $2`,
    [directoryId, runId, outcome.status, outcome.message, outcome.failures, outcome.nextSyncAt, outcome.succeeded, outcome.consumedApproval],
  );
  return (result.rowCount ?? 0) > 0;
}

/** An approved held run: the directory is active again and a run is due at once. */
export async function approveHeldRun(db: Queryable, directoryId: string, runId: string): Promise<void> {
  await db.query(
    `UPDATE directory_sources SET approved_run_id = $2, status = 'active', status_message = NULL, next_sync_at = now(), updated_at = now()
      WHERE directory_id = $1`,
    [directoryId, runId],
  );
}
