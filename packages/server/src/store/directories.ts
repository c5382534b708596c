import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

/** A SCIM attribute path mapped to a field of the management user (see directory/management/attribute-mapping.ts). */
export interface AttributeMappingRow {
  key: string;
  map_to: string;
}

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
  attribute_mappings: AttributeMappingRow[];
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

export async function findDirectory(db: Queryable, organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<DirectoryRow | undefined> {
  const lock = options.forUpdate ? ' FOR UPDATE' : '';
  const result = await db.query<DirectoryRow>(`SELECT * FROM directories WHERE organization_id = $1 AND id = $2${lock}`, [organizationId, id]);
  return result.rows[0];
}

export async function listDirectories(db: Queryable, organizationId: string): Promise<DirectoryRow[]> {
  const result = await db.query<DirectoryRow>('SELECT * FROM directories WHERE organization_id = $1 ORDER BY id', [organizationId]);
  return result.rows;
}

export async function listDirectoriesPage(db: Queryable, organizationId: string, page: KeysetPage): Promise<{ rows: DirectoryRow[]; more: boolean }> {
  const params = new SqlParams([organizationId]);
  const { condition, order, limit } = keysetClauses('id', page, params);
  const result = await db.query<DirectoryRow>(
    `SELECT * FROM directories WHERE organization_id = $1 AND ${condition} ORDER BY ${order} LIMIT ${limit}`,
    params.values,
  );
  return keysetRows(result.rows, page);
}

export async function countDirectories(db: Queryable, organizationId: string): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM directories WHERE organization_id = $1', [organizationId]);
  return result.rows[0]?.count ?? 0;
}

export async function updateDirectory(
  db: Queryable,
  organizationId: string,
  id: string,
  changes: { name?: string | undefined; provider?: string | undefined; enabled?: boolean | undefined; attributeMappings?: AttributeMappingRow[] | undefined },
): Promise<DirectoryRow | undefined> {
  const result = await db.query<DirectoryRow>(
    `UPDATE directories SET name = coalesce($3, name), directory_provider = coalesce($4, directory_provider),
            enabled = coalesce($5, enabled), attribute_mappings = coalesce($6::jsonb, attribute_mappings), updated_at = now()
      WHERE organization_id = $1 AND id = $2 RETURNING *`,
    [
      organizationId,
      id,
      changes.name ?? null,
      changes.provider ?? null,
      changes.enabled ?? null,
      changes.attributeMappings ? JSON.stringify(changes.attributeMappings) : null,
    ],
  );
  return result.rows[0];
}

/** Deletes the directory; its users, groups, memberships, secrets, assignments and request log go with it. */
export async function deleteDirectory(db: Queryable, organizationId: string, id: string): Promise<DirectoryRow | undefined> {
  // The request log has no foreign key (002_management.sql): its lines go explicitly.
  await db.query('DELETE FROM scim_request_log WHERE directory_id = (SELECT id FROM directories WHERE organization_id = $1 AND id = $2)', [organizationId, id]);
  const result = await db.query<DirectoryRow>('DELETE FROM directories WHERE organization_id = $1 AND id = $2 RETURNING *', [organizationId, id]);
  return result.rows[0];
}

/** Counts and last-change times, summed over the counter shards (see 001_initial.sql). */
export async function directoryStats(db: Queryable, directoryId: string): Promise<DirectoryStats> {
  const stats = await directoryStatsOf(db, [directoryId]);
  return stats.get(directoryId) ?? { total_users: 0, total_groups: 0, user_updated_at: null, group_updated_at: null };
}

/** Stats of several directories in one query; a directory with no counter rows is absent. */
export async function directoryStatsOf(db: Queryable, directoryIds: string[]): Promise<Map<string, DirectoryStats>> {
  if (directoryIds.length === 0) return new Map();
  const result = await db.query<DirectoryStats & { directory_id: string }>(
    `SELECT directory_id, coalesce(sum(users), 0)::bigint AS total_users, coalesce(sum(groups), 0)::bigint AS total_groups,
            max(user_updated_at) AS user_updated_at, max(group_updated_at) AS group_updated_at
       FROM directory_counters WHERE directory_id = ANY($1::text[]) GROUP BY directory_id`,
    [directoryIds],
  );
  return new Map(result.rows.map(({ directory_id, ...stats }) => [directory_id, stats]));
}

/** Records that the directory's IdP was heard from; called by a throttled writer, never per request. */
export interface FirstContact {
  id: string;
  organization_id: string;
  directory_provider: string;
}

/**
 * Records when each directory's IdP last called; returns the directories called for the first
 * time. The first statement claims those (the row lock makes a second process re-check
 * `last_request_at IS NULL` and find it set), so each is reported by one process only.
 */
export async function touchDirectories(db: Queryable, seen: { directoryId: string; at: Date }[]): Promise<FirstContact[]> {
  if (seen.length === 0) return [];
  const ids = seen.map((entry) => entry.directoryId);
  const times = seen.map((entry) => entry.at);
  const first = await db.query<FirstContact>(
    `UPDATE directories d SET last_request_at = s.at
       FROM unnest($1::text[], $2::timestamptz[]) AS s(id, at) WHERE d.id = s.id AND d.last_request_at IS NULL
     RETURNING d.id, d.organization_id, d.directory_provider`,
    [ids, times],
  );
  await db.query(
    `UPDATE directories d SET last_request_at = greatest(d.last_request_at, s.at)
       FROM unnest($1::text[], $2::timestamptz[]) AS s(id, at) WHERE d.id = s.id`,
    [ids, times],
  );
  return first.rows;
}
