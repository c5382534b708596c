import type { Queryable } from './database.js';

export interface DirectoryRow {
  id: string;
  organization_id: string;
  name: string;
  directory_type: string;
  directory_provider: string;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
  last_request_at: Date | null;
}

export interface DirectoryStats {
  total_users: number;
  total_groups: number;
  user_updated_at: Date | null;
  group_updated_at: Date | null;
}

export async function insertDirectory(
  db: Queryable,
  directory: { id: string; organizationId: string; name: string; type: string; provider: string },
): Promise<DirectoryRow> {
  const result = await db.query<DirectoryRow>(
    `INSERT INTO directories (id, organization_id, name, directory_type, directory_provider)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [directory.id, directory.organizationId, directory.name, directory.type, directory.provider],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findDirectory(db: Queryable, organizationId: string, id: string): Promise<DirectoryRow | undefined> {
  const result = await db.query<DirectoryRow>('SELECT * FROM directories WHERE organization_id = $1 AND id = $2', [
    organizationId,
    id,
  ]);
  return result.rows[0];
}

export async function listDirectories(db: Queryable, organizationId: string): Promise<DirectoryRow[]> {
  const result = await db.query<DirectoryRow>('SELECT * FROM directories WHERE organization_id = $1 ORDER BY id', [organizationId]);
  return result.rows;
}

/** Counts and last-change times, summed over the counter shards (see 001_initial.sql). */
export async function directoryStats(db: Queryable, directoryId: string): Promise<DirectoryStats> {
  const result = await db.query<DirectoryStats>(
    `SELECT coalesce(sum(users), 0)::bigint AS total_users, coalesce(sum(groups), 0)::bigint AS total_groups,
            max(user_updated_at) AS user_updated_at, max(group_updated_at) AS group_updated_at
       FROM directory_counters WHERE directory_id = $1`,
    [directoryId],
  );
  return result.rows[0] ?? { total_users: 0, total_groups: 0, user_updated_at: null, group_updated_at: null };
}

/** Records that the directory's IdP was heard from; called by a throttled writer, never per request. */
export async function touchDirectories(db: Queryable, seen: { directoryId: string; at: Date }[]): Promise<void> {
  if (seen.length === 0) return;
  await db.query(
    `UPDATE directories d SET last_request_at = greatest(d.last_request_at, s.at)
       FROM unnest($1::text[], $2::timestamptz[]) AS s(id, at) WHERE d.id = s.id`,
    [seen.map((entry) => entry.directoryId), seen.map((entry) => entry.at)],
  );
}
