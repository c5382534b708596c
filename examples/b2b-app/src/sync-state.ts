import type { Queryable } from './database.js';

// What the app remembers about its sync: the events it has applied (the webhook-id dedupe
// record) and where it stopped reading the Events API.

export type EventSource = 'webhook' | 'events-api';

/** Records the event; false when it was already processed (a redelivery, or seen by the other path). */
export async function markProcessed(db: Queryable, eventId: string, type: string, source: EventSource): Promise<boolean> {
  const result = await db.query('INSERT INTO processed_events (id, type, source) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [eventId, type, source]);
  return result.rows.length > 0;
}

/**
 * Forgets dedupe records older than Roster keeps events (30 days by default): a delivery that
 * old cannot come again, and the per-row versions still refuse anything stale.
 */
export async function pruneProcessed(db: Queryable, days = 30): Promise<void> {
  await db.query(`DELETE FROM processed_events WHERE processed_at < now() - make_interval(days => $1)`, [days]);
}

const CURSOR = 'events_cursor';

/** The Events API cursor after the last page applied; '' before the first read. */
export async function readCursor(db: Queryable): Promise<string> {
  const result = await db.query<{ value: string }>('SELECT value FROM sync_state WHERE name = $1', [CURSOR]);
  return result.rows[0]?.value ?? '';
}

export async function saveCursor(db: Queryable, cursor: string): Promise<void> {
  await db.query('INSERT INTO sync_state (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value', [CURSOR, cursor]);
}

export interface SyncCounts {
  bySource: Record<string, number>;
  cursor: string;
}

export async function syncCounts(db: Queryable): Promise<SyncCounts> {
  const result = await db.query<{ source: string; count: number }>('SELECT source, count(*)::int AS count FROM processed_events GROUP BY source');
  return { bySource: Object.fromEntries(result.rows.map((row) => [row.source, row.count])), cursor: await readCursor(db) };
}
