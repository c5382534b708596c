import type { Queryable } from './database.js';

export interface RequestLogEntry {
  directoryId: string;
  id: string;
  createdAt: Date;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  userAgent: string | null;
  requestBody: unknown;
  responseBody: unknown;
}

/** Writes a batch of log entries in one statement. */
export async function insertRequestLog(db: Queryable, entries: RequestLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO scim_request_log (directory_id, id, created_at, method, path, status, duration_ms, user_agent, request_body, response_body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::int[], $7::real[], $8::text[], $9::jsonb[], $10::jsonb[])`,
    [
      entries.map((entry) => entry.directoryId),
      entries.map((entry) => entry.id),
      entries.map((entry) => entry.createdAt),
      entries.map((entry) => entry.method),
      entries.map((entry) => entry.path),
      entries.map((entry) => entry.status),
      entries.map((entry) => entry.durationMs),
      entries.map((entry) => entry.userAgent),
      entries.map((entry) => (entry.requestBody === undefined ? null : JSON.stringify(entry.requestBody))),
      entries.map((entry) => (entry.responseBody === undefined ? null : JSON.stringify(entry.responseBody))),
    ],
  );
}

export async function deleteRequestLogBefore(db: Queryable, cutoff: Date): Promise<number> {
  const result = await db.query('DELETE FROM scim_request_log WHERE created_at < $1', [cutoff]);
  return result.rowCount ?? 0;
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
