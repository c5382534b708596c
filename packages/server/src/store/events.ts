import type { Queryable } from './database.js';
import { prepared } from './prepared.js';

export interface NewEvent {
  id: string;
  type: string;
  organizationId: string | null;
  directoryId: string | null;
  object: string;
  data: unknown;
}

/** Writes events in the caller's transaction (the outbox): they commit or vanish with the change. */
export async function insertEvents(db: Queryable, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  // One JSON document, parsed once by PostgreSQL: a 10k-member PATCH writes 10k events with
  // whole users in them, and a jsonb[] parameter of that size costs several times more to
  // escape and parse. txid and seq come from their column defaults (the writing transaction,
  // and insertion order).
  await db.query(
    `INSERT INTO events (id, type, organization_id, directory_id, object, data)
     SELECT e.id, e.type, e.organization_id, e.directory_id, e.object, e.data
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, type text, organization_id text, directory_id text, object text, data jsonb))
            WITH ORDINALITY AS e(id, type, organization_id, directory_id, object, data, n)
      ORDER BY e.n`,
    [JSON.stringify(events.map((event) => ({ id: event.id, type: event.type, organization_id: event.organizationId, directory_id: event.directoryId, object: event.object, data: event.data })))],
  );
}

/** An event composed from a change record, at a position of the record's block (store/event-changes.ts). */
export interface PositionedEvent extends NewEvent {
  position: LogPosition;
  occurredAt: Date;
}

/** Writes events composed after their change committed, at the positions their change holds in the log. */
export async function insertEventsAt(db: Queryable, events: PositionedEvent[]): Promise<void> {
  // A statement per slice: each serializes a few MB at most, between turns of the event loop.
  for (let start = 0; start < events.length; start += INSERT_SLICE) await insertSlice(db, events.slice(start, start + INSERT_SLICE));
}

const INSERT_SLICE = 1_000;

async function insertSlice(db: Queryable, events: PositionedEvent[]): Promise<void> {
  await db.query(
    prepared(`INSERT INTO events (id, type, organization_id, directory_id, object, data, occurred_at, txid, seq)
     SELECT e.id, e.type, e.organization_id, e.directory_id, e.object, e.data, e.occurred_at, e.txid::xid8, e.seq
       FROM jsonb_to_recordset($1::jsonb) AS e(id text, type text, organization_id text, directory_id text, object text, data jsonb, occurred_at timestamptz, txid text, seq bigint)`,
    [
      JSON.stringify(
        events.map((event) => ({
          id: event.id,
          type: event.type,
          organization_id: event.organizationId,
          directory_id: event.directoryId,
          object: event.object,
          data: event.data,
          occurred_at: event.occurredAt.toISOString(),
          txid: event.position.txid,
          seq: event.position.seq,
        })),
      ),
    ]),
  );
}

/** Where an event sits in the log: its transaction's id (xid8, as text), then its order within it. */
export interface LogPosition {
  txid: string;
  seq: number;
}

export const LOG_START: LogPosition = { txid: '0', seq: 0 };

export interface EventRow {
  id: string;
  type: string;
  organization_id: string | null;
  directory_id: string | null;
  object: string;
  data: unknown;
  occurred_at: Date;
  txid: string;
  seq: number;
}

const RAW_EVENT_COLUMNS = 'id, type, organization_id, directory_id, object, data, occurred_at, txid, seq';
/** As read: xid8 has no JavaScript type, so the position's transaction id comes back as text. */
const EVENT_COLUMNS = 'id, type, organization_id, directory_id, object, data, occurred_at, txid::text AS txid, seq';

/**
 * The settled horizon: every event whose transaction id is below it is final, because every
 * transaction of this database below it has ended, and every later one gets a higher id.
 * Only this database's transactions count (pg_stat_activity, plus prepared ones), so a long
 * transaction in another database on the same server does not hold events back.
 *
 * It must be read in a statement of its own, before the read that uses it: the activity is
 * read after this statement's snapshot, and the reader's snapshot is taken later still, so a
 * transaction that ended in between is visible to the reader.
 *
 * A change record not yet expanded (event_changes) holds the horizon at its transaction: its
 * events will be written at its position, so nothing from there on is final. With a directory,
 * only that directory's records count (another directory's events never land among its own).
 */
export function settledHorizon(db: Queryable, directoryId?: string): Promise<string> {
  return horizon(db, directoryId === undefined ? { changes: 'all' } : { changes: 'directory', directoryId });
}

/** The horizon of transactions alone, for the expansion worker: every record below it is committed. */
export function transactionHorizon(db: Queryable): Promise<string> {
  return horizon(db, { changes: 'none' });
}

async function horizon(db: Queryable, scope: { changes: 'all' | 'none' } | { changes: 'directory'; directoryId: string }): Promise<string> {
  const params = scope.changes === 'directory' ? [scope.directoryId] : [];
  const pending = {
    all: 'SELECT min(txid) FROM event_changes',
    directory: 'SELECT min(txid) FROM event_changes WHERE directory_id = $1',
    none: 'SELECT NULL::xid8',
  }[scope.changes];
  const result = await db.query<{ horizon: string }>(
    prepared(`WITH snap AS (SELECT pg_current_snapshot() AS s),
          running AS (
            SELECT backend_xid::text AS xid FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL
            UNION ALL
            SELECT transaction::text FROM pg_prepared_xacts WHERE database = current_database())
     SELECT least(
              coalesce(
                (SELECT min(x) FROM snap, pg_snapshot_xip(snap.s) AS x WHERE (x::text::numeric % 4294967296)::text IN (SELECT xid FROM running)),
                (SELECT pg_snapshot_xmax(s) FROM snap)),
              (${pending}))::text AS horizon`,
    params),
  );
  const horizon = result.rows[0]?.horizon;
  if (horizon === undefined) throw new Error('no settled horizon');
  return horizon;
}

export interface EventFilter {
  types?: string[] | undefined;
  organizationId?: string | undefined;
  directoryId?: string | undefined;
}

export interface EventWindow {
  rows: EventRow[];
  /** The last position examined: the next read starts after it. */
  end: LogPosition;
  /** False when the window reached the settled end of the log. */
  more: boolean;
}

/**
 * Reads settled events after `after`, in log order, examining at most `scan` of them: filters
 * that match rarely cost a bounded window per page (the cursor moves past what was examined),
 * never a scan of the whole log. With a directory filter the window is that directory's events.
 */
export async function readEventWindow(db: Queryable, after: LogPosition, filter: EventFilter, limit: number, scan: number): Promise<EventWindow> {
  const horizon = await settledHorizon(db, filter.directoryId);
  const params: unknown[] = [after.txid, after.seq, scan, horizon];
  const directoryCondition = filter.directoryId === undefined ? '' : `AND directory_id = $${params.push(filter.directoryId)}`;
  // Positions are compared and ordered as xid8 everywhere in this statement; only the output
  // turns them into text (as text, '99999' sorts after '100000', and a page spanning both
  // would skip events for good and repeat others).
  const window = `SELECT ${RAW_EVENT_COLUMNS} FROM events
                   WHERE (txid, seq) > ($1::xid8, $2::bigint) AND txid < $4::xid8 ${directoryCondition}
                   ORDER BY txid, seq LIMIT $3`;
  const conditions: string[] = [];
  if (filter.types !== undefined) conditions.push(`type = ANY($${params.push(filter.types)}::text[])`);
  if (filter.organizationId !== undefined) conditions.push(`organization_id = $${params.push(filter.organizationId)}`);
  const limitParam = `$${params.push(limit)}`;
  // One statement: the matching rows, then a marker row for the window's last position and size.
  const result = await db.query<EventRow & { marker: boolean; examined: number }>(
    `WITH w AS MATERIALIZED (${window}),
          hits AS (SELECT * FROM w ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY txid, seq LIMIT ${limitParam}),
          last AS (SELECT * FROM w ORDER BY txid DESC, seq DESC LIMIT 1),
          answer AS (
            SELECT false AS marker, 0 AS examined, hits.* FROM hits
            UNION ALL
            SELECT true, (SELECT count(*)::int FROM w), last.* FROM last)
     SELECT marker, examined, ${EVENT_COLUMNS} FROM answer ORDER BY answer.marker, answer.txid, answer.seq`,
    params,
  );
  const rows = result.rows.filter((row) => !row.marker);
  const marker = result.rows.find((row) => row.marker);
  if (!marker) return { rows, end: after, more: false };
  const last = rows.at(-1);
  if (last && rows.length === limit) {
    // The page is full: continue right after its last event, even if the window went further.
    return { rows, end: { txid: last.txid, seq: last.seq }, more: true };
  }
  return { rows, end: { txid: marker.txid, seq: marker.seq }, more: marker.examined === scan };
}

export async function findEvent(db: Queryable, id: string): Promise<EventRow | undefined> {
  const result = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1`, [id]);
  return result.rows[0];
}

export async function readLogState(db: Queryable, name: 'fanout' | 'pruned'): Promise<LogPosition> {
  const result = await db.query<LogPosition>('SELECT txid::text AS txid, seq FROM event_log_state WHERE name = $1', [name]);
  return result.rows[0] ?? LOG_START;
}

/** Orders positions: negative when a is before b. xid8 values are 64-bit, so compared as BigInt. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  const byTxid = BigInt(a.txid) - BigInt(b.txid);
  if (byTxid !== 0n) return byTxid < 0n ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * Deletes the oldest events, in log order, while they are older than `cutoff` and already
 * fanned out to webhooks; records the last one deleted so older cursors can be told so (410).
 * One process at a time (the 'pruned' row's lock); returns how many went.
 */
export async function pruneEvents(db: Queryable, cutoff: Date, batch: number): Promise<number> {
  const result = await db.query<{ deleted: number }>(
    `WITH state AS (SELECT txid, seq FROM event_log_state WHERE name = 'pruned' FOR UPDATE SKIP LOCKED),
          fanout AS (SELECT txid, seq FROM event_log_state WHERE name = 'fanout'),
          oldest AS (
            -- Positions as scalar subqueries, so they bound the index scan (webhook-deliveries.ts, fanOutEvents).
            SELECT e.txid, e.seq, e.occurred_at FROM events e
             WHERE (e.txid, e.seq) > ((SELECT txid FROM state), (SELECT seq FROM state))
               AND (e.txid, e.seq) <= ((SELECT txid FROM fanout), (SELECT seq FROM fanout))
             ORDER BY e.txid, e.seq LIMIT $2),
          -- The prefix of the oldest events that are all past retention: up to the first one that is not.
          stop AS (SELECT txid, seq FROM oldest WHERE occurred_at >= $1 ORDER BY txid, seq LIMIT 1),
          doomed AS (SELECT o.txid, o.seq FROM oldest o LEFT JOIN stop ON true WHERE stop.txid IS NULL OR (o.txid, o.seq) < (stop.txid, stop.seq)),
          last AS (SELECT txid, seq FROM doomed ORDER BY txid DESC, seq DESC LIMIT 1),
          gone AS (DELETE FROM events e USING doomed d WHERE e.txid = d.txid AND e.seq = d.seq RETURNING 1),
          moved AS (UPDATE event_log_state s SET txid = last.txid, seq = last.seq, updated_at = now() FROM last WHERE s.name = 'pruned' RETURNING 1)
     SELECT (SELECT count(*)::int FROM gone) AS deleted, (SELECT count(*) FROM moved) AS moved`,
    [cutoff, batch],
  );
  return result.rows[0]?.deleted ?? 0;
}

/** The newest events first (the Events API reads oldest first, in commit order), for the dashboard's stream. */
export async function readRecentEvents(
  db: Queryable,
  options: { limit: number; type?: string | undefined; organizationId?: string | undefined; beforeId?: string | undefined },
): Promise<EventRow[]> {
  const result = await db.query<EventRow>(
    `SELECT id, type, organization_id, directory_id, object, data, occurred_at, txid::text AS txid, seq FROM events
      WHERE ($1::text IS NULL OR type = $1) AND ($2::text IS NULL OR organization_id = $2) AND ($3::text IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
    [options.type ?? null, options.organizationId ?? null, options.beforeId ?? null, options.limit],
  );
  return result.rows;
}
