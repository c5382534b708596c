import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';
import { prepared } from './prepared.js';

// Reads of directory groups and their members for the management API. SCIM writes stay in
// groups.ts and memberships.ts.

export async function listGroupIds(db: Queryable, directoryId: string, updatedAfter: Date | undefined, page: KeysetPage): Promise<{ rows: string[]; more: boolean }> {
  const params = new SqlParams([directoryId]);
  const changed = updatedAfter ? ` AND g.updated_at > ${params.add(updatedAfter)}` : '';
  const { condition, order, limit } = keysetClauses('g.id', page, params);
  const result = await db.query<{ id: string }>(
    `SELECT g.id FROM directory_groups g WHERE g.directory_id = $1${changed} AND ${condition} ORDER BY ${order} LIMIT ${limit}`,
    params.values,
  );
  const { rows, more } = keysetRows(result.rows, page);
  return { rows: rows.map((row) => row.id), more };
}

export async function countGroupsChangedAfter(db: Queryable, directoryId: string, updatedAfter: Date): Promise<number> {
  const result = await db.query<{ count: number }>(
    'SELECT count(*)::bigint AS count FROM directory_groups WHERE directory_id = $1 AND updated_at > $2',
    [directoryId, updatedAfter],
  );
  return result.rows[0]?.count ?? 0;
}

export interface GroupViewRow {
  id: string;
  display_name: string;
  resource: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  total_users: number;
  sample: boolean;
}

/** The groups with their count of direct user members, in one query. */
export async function findGroupViewRows(db: Queryable, directoryId: string, ids: string[]): Promise<GroupViewRow[]> {
  if (ids.length === 0) return [];
  const result = await db.query<GroupViewRow>(
    prepared(`SELECT g.id, g.display_name, g.resource, g.created_at, g.updated_at, g.sample,
            (SELECT count(*) FROM group_members m
              WHERE m.directory_id = g.directory_id AND m.group_id = g.id AND m.member_type = 'User')::bigint AS total_users
       FROM directory_groups g WHERE g.directory_id = $1 AND g.id = ANY($2::text[])`,
    [directoryId, ids]),
  );
  return result.rows;
}

export interface GroupMemberRow {
  id: string;
  type: 'User' | 'Group';
  display_name: string | null;
}

/** A keyset page of a group's direct members, users and groups, by member id. */
export async function listGroupMembers(db: Queryable, directoryId: string, groupId: string, page: KeysetPage): Promise<{ rows: GroupMemberRow[]; more: boolean }> {
  const params = new SqlParams([directoryId, groupId]);
  const { condition, order, limit } = keysetClauses('m.member_id', page, params);
  const result = await db.query<GroupMemberRow>(
    prepared(`SELECT m.member_id AS id, m.member_type AS type, coalesce(u.display_name, u.user_name, g.display_name) AS display_name
       FROM group_members m
       LEFT JOIN directory_users u ON m.member_type = 'User' AND u.directory_id = m.directory_id AND u.id = m.member_id
       LEFT JOIN directory_groups g ON m.member_type = 'Group' AND g.directory_id = m.directory_id AND g.id = m.member_id
      WHERE m.directory_id = $1 AND m.group_id = $2 AND ${condition}
      ORDER BY ${order} LIMIT ${limit}`,
    params.values),
  );
  return keysetRows(result.rows, page);
}

export async function countGroupMembers(db: Queryable, directoryId: string, groupId: string): Promise<number> {
  const result = await db.query<{ count: number }>(
    'SELECT count(*)::bigint AS count FROM group_members WHERE directory_id = $1 AND group_id = $2',
    [directoryId, groupId],
  );
  return result.rows[0]?.count ?? 0;
}

/** Which of these ids are groups of the directory. */
export async function existingGroupIds(db: Queryable, directoryId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.query<{ id: string }>('SELECT id FROM directory_groups WHERE directory_id = $1 AND id = ANY($2::text[])', [directoryId, ids]);
  return new Set(result.rows.map((row) => row.id));
}
