import type { Queryable } from './database.js';

export async function listAllowedOrigins(db: Queryable): Promise<string[]> {
  const result = await db.query<{ origin: string }>('SELECT origin FROM portal_allowed_origins ORDER BY origin');
  return result.rows.map((row) => row.origin);
}

/** Replaces the stored list with `origins` (already normalized). */
export async function replaceAllowedOrigins(db: Queryable, origins: string[]): Promise<void> {
  await db.query('DELETE FROM portal_allowed_origins WHERE NOT (origin = ANY($1::text[]))', [origins]);
  await db.query('INSERT INTO portal_allowed_origins (origin) SELECT unnest($1::text[]) ON CONFLICT (origin) DO NOTHING', [origins]);
}
