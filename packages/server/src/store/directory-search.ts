import type { Queryable } from './database.js';
import type { EventRow } from './events.js';

// Reads the web UI needs beyond the management API: search over a directory's users and groups,
// and the SCIM request log with a failures-only filter.

/** LIKE pattern for a substring match, with the wildcards of the input escaped. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Ids of the directory's users whose userName, display name or any email contains `text` (case-insensitive). */
export async function searchUserIds(db: Queryable, directoryId: string, text: string, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id FROM directory_users
      WHERE directory_id = $1
        AND (lower(user_name) LIKE $2 OR lower(coalesce(display_name, '')) LIKE $2
             OR lower(coalesce(given_name, '') || ' ' || coalesce(family_name, '')) LIKE $2 OR lower(coalesce(primary_email, '')) LIKE $2)
      ORDER BY id LIMIT $3`,
    [directoryId, containing(text), limit],
  );
  return result.rows.map((row) => row.id);
}

export async function searchGroupIds(db: Queryable, directoryId: string, text: string, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    'SELECT id FROM directory_groups WHERE directory_id = $1 AND lower(display_name) LIKE $2 ORDER BY id LIMIT $3',
    [directoryId, containing(text), limit],
  );
  return result.rows.map((row) => row.id);
}

export interface RequestLogRecord {
  id: string;
  created_at: Date;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  user_agent: string | null;
  request_body: unknown;
  response_body: unknown;
}

/** The directory's SCIM requests, newest first, before `beforeId` when given; failures (status >= 400) only when asked. */
export async function readRequestLog(
  db: Queryable,
  directoryId: string,
  options: { failedOnly: boolean; beforeId?: string | undefined; limit: number },
): Promise<RequestLogRecord[]> {
  const result = await db.query<RequestLogRecord>(
    `SELECT id, created_at, method, path, status, duration_ms, user_agent, request_body, response_body
       FROM scim_request_log
      WHERE directory_id = $1 AND ($2::text IS NULL OR id < $2) AND (NOT $3 OR status >= 400)
      ORDER BY id DESC LIMIT $4`,
    [directoryId, options.beforeId ?? null, options.failedOnly, options.limit],
  );
  return result.rows;
}

export async function countRecentFailures(db: Queryable, directoryId: string, since: Date): Promise<number> {
  const result = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM scim_request_log WHERE directory_id = $1 AND status >= 400 AND created_at > $2',
    [directoryId, since],
  );
  return result.rows[0]?.count ?? 0;
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
