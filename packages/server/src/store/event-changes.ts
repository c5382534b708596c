import type pg from 'pg';
import type { Queryable } from './database.js';
import type { LogPosition } from './events.js';
import { prepared } from './prepared.js';

// Change records (010_change_records.sql): what a write changed, recorded in its own statement,
// from which the expansion worker composes the user events later, in log order. Each record
// holds its log position's block; its events take the positions of that block (and of the
// extra blocks in `blocks`, for changes reaching more users than one block holds).

/** Positions of the log a record's events may use per block (ALTER SEQUENCE in 010). */
export const BLOCK_SIZE = 65_536;

/** A user's stored state in a change record: the SCIM resource as written and its lastModified. */
export interface RecordedUser {
  resource: Record<string, unknown>;
  updated_at: string;
  /** Sample data ("Send sample data"): set at creation, never changed. */
  sample?: true;
}

/** The directory settings a user's view depends on, as recorded before and after a change of them. */
export interface RecordedSettings {
  attribute_mappings?: { key: string; map_to: string }[];
  deactivation_as_deletion?: boolean;
  /** [group id, role name] pairs. */
  assignments?: [string, string][];
  /** The environment's roles: name -> permissions and whether it is the default. */
  roles?: Record<string, { permissions: string[]; is_default: boolean }>;
}

export type ChangeData =
  | { kind: 'user_created'; after: RecordedUser }
  | { kind: 'user_updated'; before: RecordedUser; after: RecordedUser }
  | { kind: 'user_deleted'; before: RecordedUser; groups: string[] }
  | {
      kind: 'group';
      /** The group's display name before and after (null: the group did not, or no longer, exist). */
      name?: { before: string | null; after: string | null };
      users_added: string[];
      users_removed: string[];
    }
  /** Nested groups changed: [child, parent] edges, and role assignments that went with a deleted group. */
  | { kind: 'graph'; edges_added: [string, string][]; edges_removed: [string, string][]; assignments_removed: [string, string][] }
  | { kind: 'settings'; before: RecordedSettings; after: RecordedSettings }
  /**
   * An event composed when its change was written, waiting only for its id: the worker names it
   * at its place in the log, after the events of every earlier change (directory-events.ts).
   */
  | { kind: 'event'; event: RecordedEvent };

/** An event as recorded, without its id (its directory and organization are the record's). */
export interface RecordedEvent {
  type: string;
  object: string;
  data: unknown;
}

export type ChangeKind = ChangeData['kind'];

/** Kinds whose events may reach every user of the directory: expanded alone, in chunks. */
export const DIRECTORY_WIDE_KINDS: readonly ChangeKind[] = ['graph', 'settings'];

export interface ChangeRow {
  directory_id: string;
  organization_id: string;
  txid: string;
  seq: number;
  kind: ChangeKind;
  subject_id: string | null;
  data: ChangeData;
  occurred_at: Date;
  resume_after: string | null;
  used: number;
  blocks: number[] | null;
}

// Qualified: ORDER BY txid would name the text output column and order 1003 before 985.
const CHANGE_COLUMNS = `c.directory_id, c.organization_id, c.txid::text AS txid, c.seq, c.kind, c.subject_id, c.data, c.occurred_at, c.resume_after, c.used, c.blocks`;

// node-postgres reads bigint[] as strings; positions are below 2^53 (010_change_records.sql).
const parsed = (rows: ChangeRow[]): ChangeRow[] => rows.map((row) => (row.blocks ? { ...row, blocks: row.blocks.map(Number) } : row));

/** A change to record: what it is about, and how many position blocks it reserves (one by default). */
export interface NewChange {
  directoryId: string;
  organizationId: string;
  subjectId?: string | null;
  /** Group records are written by the group's own statement (group-writes.ts), with the users they touch. */
  data: Exclude<ChangeData, { kind: 'group' }>;
  blocks?: number;
}

/**
 * Records changes in the caller's transaction, in one statement, their positions in the given
 * order (management use cases, and the events a SCIM write adds after its own statement; SCIM
 * writes inline their records in that statement).
 */
export async function insertChanges(db: Queryable, changes: NewChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    prepared(`INSERT INTO event_changes (directory_id, organization_id, seq, blocks, kind, subject_id, data)
     SELECT c.directory_id, c.organization_id, b.b[1], CASE WHEN cardinality(b.b) > 1 THEN b.b END, c.data->>'kind', c.subject_id, c.data
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (directory_id text, organization_id text, subject_id text, data jsonb, blocks int))
            WITH ORDINALITY AS c(directory_id, organization_id, subject_id, data, blocks, n),
            LATERAL (SELECT ARRAY(SELECT nextval('events_seq_seq') FROM generate_series(1, c.blocks)) AS b) b
      ORDER BY c.n`,
    [
      JSON.stringify(
        changes.map((change) => ({
          directory_id: change.directoryId,
          organization_id: change.organizationId,
          subject_id: change.subjectId ?? null,
          data: change.data,
          blocks: change.blocks ?? 1,
        })),
      ),
    ]),
  );
}

/** How many position blocks a change reaching up to `users` users needs. */
export function blocksFor(users: number): number {
  return Math.max(1, Math.ceil(users / BLOCK_SIZE));
}

export async function countPendingChanges(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM event_changes');
  return result.rows[0]?.count ?? 0;
}

export async function hasPendingChanges(db: Queryable): Promise<boolean> {
  const result = await db.query<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM event_changes) AS pending');
  return result.rows[0]?.pending ?? false;
}

/** The oldest settled records, in log order. */
export async function readChangeBatch(db: Queryable, horizon: string, limit: number): Promise<ChangeRow[]> {
  const result = await db.query<ChangeRow>(
    prepared(`SELECT ${CHANGE_COLUMNS} FROM event_changes c WHERE c.txid < $1::xid8 ORDER BY c.txid, c.seq LIMIT $2`,
    [horizon, limit]),
  );
  return parsed(result.rows);
}

/** A later change as the expansion steps back over it (change-state.ts, undo): where it is, and what it changed. */
export type LaterChange = Pick<ChangeRow, 'txid' | 'seq' | 'kind' | 'subject_id' | 'data'>;

/**
 * The directory's changes after `after` that can alter what these users' views were, newest
 * first: their own records, renames, every directory-wide change, and the membership changes of
 * theirs. A membership change comes as a group change naming only these users (from
 * event_change_users): undoing it for them needs no more, and the whole record names every user
 * the change touched, which rounds re-reading a long backlog would pay for again and again.
 */
export async function readLaterChanges(db: Queryable, directoryId: string, after: LogPosition, userIds: string[]): Promise<LaterChange[]> {
  // Indexed reads only (013_change_scan_indexes.sql): the backlog can be long when writes outpace
  // the worker, and a round must not cost more for it than its users' own changes.
  const result = await db.query<{ txid: string; seq: number; kind: ChangeKind; subject_id: string | null; data: ChangeData | null; user_id: string | null; added: boolean | null }>(
    prepared(
      `WITH whole AS (
         SELECT txid, seq FROM event_changes
          WHERE directory_id = $1 AND (txid, seq) > ($2::xid8, $3::bigint)
            AND (kind IN ('graph', 'settings') OR (kind = 'group' AND data ? 'name'))
         UNION
         SELECT txid, seq FROM event_changes
          WHERE directory_id = $1 AND subject_id = ANY($4::text[]) AND (txid, seq) > ($2::xid8, $3::bigint))
       SELECT later.txid::text AS txid, later.seq, later.kind, later.subject_id, later.data, later.user_id, later.added
         FROM (SELECT c.txid, c.seq, c.kind, c.subject_id, c.data, NULL::text AS user_id, NULL::boolean AS added
                 FROM whole JOIN event_changes c ON c.directory_id = $1 AND c.txid = whole.txid AND c.seq = whole.seq
               UNION ALL
               SELECT t.txid, t.seq, 'group', t.group_id, NULL, t.user_id, t.added
                 FROM event_change_users t
                WHERE t.directory_id = $1 AND t.user_id = ANY($4::text[]) AND (t.txid, t.seq) > ($2::xid8, $3::bigint)
                  AND NOT EXISTS (SELECT 1 FROM whole w WHERE w.txid = t.txid AND w.seq = t.seq)) later
        ORDER BY later.txid DESC, later.seq DESC`,
      [directoryId, after.txid, after.seq, userIds],
    ),
  );
  const changes: LaterChange[] = [];
  for (const row of result.rows) {
    if (row.data !== null) {
      changes.push({ txid: row.txid, seq: row.seq, kind: row.kind, subject_id: row.subject_id, data: row.data });
      continue;
    }
    // A membership change's rows for these users, one per user, next to each other in log order.
    let change = changes.at(-1);
    if (!change || change.txid !== row.txid || change.seq !== row.seq || change.data.kind !== 'group') {
      change = { txid: row.txid, seq: row.seq, kind: 'group', subject_id: row.subject_id, data: { kind: 'group', users_added: [], users_removed: [] } };
      changes.push(change);
    }
    if (change.data.kind === 'group' && row.user_id !== null) (row.added ? change.data.users_added : change.data.users_removed).push(row.user_id);
  }
  return changes;
}

/** Users deleted by records after `after` with ids in (from, to]: they existed then, and are gone from the live table. */
export async function readLaterDeletedUserIds(db: Queryable, directoryId: string, after: LogPosition, from: string, to: string | null): Promise<string[]> {
  const result = await db.query<{ subject_id: string }>(
    prepared(`SELECT DISTINCT subject_id FROM event_changes
      WHERE directory_id = $1 AND (txid, seq) > ($2::xid8, $3::bigint) AND kind = 'user_deleted'
        AND subject_id > $4 AND ($5::text IS NULL OR subject_id <= $5)`,
    [directoryId, after.txid, after.seq, from, to]),
  );
  return result.rows.map((row) => row.subject_id);
}

/** Removes fully expanded records (their events were written in the same transaction), with the users they touched. */
export async function deleteChanges(db: Queryable, records: Pick<ChangeRow, 'directory_id' | 'txid' | 'seq' | 'data'>[]): Promise<void> {
  if (records.length === 0) return;
  const touched = records.flatMap((record) =>
    record.data.kind === 'group' ? [...new Set([...record.data.users_added, ...record.data.users_removed])].map((userId) => ({ ...record, userId })) : [],
  );
  await db.query(
    prepared(`WITH touched AS (
       DELETE FROM event_change_users t USING unnest($4::text[], $5::text[], $6::xid8[], $7::bigint[]) AS d(directory_id, user_id, txid, seq)
        WHERE t.directory_id = d.directory_id AND t.user_id = d.user_id AND t.txid = d.txid AND t.seq = d.seq)
     DELETE FROM event_changes c USING unnest($1::text[], $2::xid8[], $3::bigint[]) AS d(directory_id, txid, seq)
      WHERE c.directory_id = d.directory_id AND c.txid = d.txid AND c.seq = d.seq`,
    [
      records.map((record) => record.directory_id),
      records.map((record) => record.txid),
      records.map((record) => record.seq),
      touched.map((row) => row.directory_id),
      touched.map((row) => row.userId),
      touched.map((row) => row.txid),
      touched.map((row) => row.seq),
    ]),
  );
}

/** Records how far a chunked expansion got. */
export async function advanceChange(db: Queryable, record: { directory_id: string; txid: string; seq: number }, resumeAfter: string, used: number): Promise<void> {
  await db.query(prepared('UPDATE event_changes SET resume_after = $4, used = $5 WHERE directory_id = $1 AND txid = $2::xid8 AND seq = $3', [
    record.directory_id,
    record.txid,
    record.seq,
    resumeAfter,
    used,
  ]));
}

/** The log position of a record's `n`th event (counting from 0). */
export function positionOf(record: Pick<ChangeRow, 'txid' | 'seq' | 'blocks'>, n: number): LogPosition {
  const blocks = record.blocks ?? [record.seq];
  const block = blocks[Math.floor(n / BLOCK_SIZE)];
  if (block === undefined) throw new Error(`change ${record.txid}.${record.seq} has no room for event ${n}`);
  return { txid: record.txid, seq: block + (n % BLOCK_SIZE) };
}

export function capacityOf(record: Pick<ChangeRow, 'blocks'>): number {
  return (record.blocks?.length ?? 1) * BLOCK_SIZE;
}

/**
 * Opens the expansion's transaction: one REPEATABLE READ snapshot, so the live state it reads and
 * the change records still to come agree, holding the expansion lease (one expander at a time
 * across processes). False, with the transaction rolled back, when another process holds it.
 */
export async function beginExpansion(client: pg.PoolClient): Promise<boolean> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  const lease = await client.query(`SELECT 1 FROM event_log_state WHERE name = 'expansion' FOR UPDATE SKIP LOCKED`);
  if (lease.rowCount !== 0) return true;
  await client.query('ROLLBACK');
  return false;
}

export async function endExpansion(client: pg.PoolClient, outcome: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  await client.query(outcome);
}
