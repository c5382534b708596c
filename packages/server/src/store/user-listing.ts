import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

// Reads of directory users for the management API: keyset pages of ids, counts, and the columns
// a management user is built from. SCIM writes stay in users.ts.

export interface UserListFilter {
  /** Only direct members of this group. */
  groupId?: string | undefined;
  /** Only users changed strictly after this time. */
  updatedAfter?: Date | undefined;
}

function filtered(filter: UserListFilter, params: SqlParams, page?: KeysetPage) {
  const conditions = ['u.directory_id = $1'];
  let from = 'directory_users u';
  // Members are walked in the membership key's order, so a page of a big group reads only its rows.
  let key = 'u.id';
  if (filter.groupId !== undefined) {
    from = `group_members m JOIN directory_users u ON u.directory_id = m.directory_id AND u.id = m.member_id`;
    conditions.push(`m.directory_id = $1`, `m.group_id = ${params.add(filter.groupId)}`, `m.member_type = 'User'`);
    key = 'm.member_id';
  }
  if (filter.updatedAfter !== undefined) conditions.push(`u.updated_at > ${params.add(filter.updatedAfter)}`);
  if (!page) return { from, where: conditions.join(' AND '), order: '', limit: '' };
  const clauses = keysetClauses(key, page, params);
  conditions.push(clauses.condition);
  return { from, where: conditions.join(' AND '), order: `ORDER BY ${clauses.order}`, limit: `LIMIT ${clauses.limit}` };
}

export async function listUserIds(db: Queryable, directoryId: string, filter: UserListFilter, page: KeysetPage): Promise<{ rows: string[]; more: boolean }> {
  const params = new SqlParams([directoryId]);
  const { from, where, order, limit } = filtered(filter, params, page);
  const result = await db.query<{ id: string }>(`SELECT u.id FROM ${from} WHERE ${where} ${order} ${limit}`, params.values);
  const { rows, more } = keysetRows(result.rows, page);
  return { rows: rows.map((row) => row.id), more };
}

export async function countUsers(db: Queryable, directoryId: string, filter: UserListFilter): Promise<number> {
  const params = new SqlParams([directoryId]);
  const { from, where } = filtered(filter, params);
  const result = await db.query<{ count: number }>(`SELECT count(*)::bigint AS count FROM ${from} WHERE ${where}`, params.values);
  return result.rows[0]?.count ?? 0;
}

/** What a management user is built from. */
export interface UserViewRow {
  id: string;
  user_name: string;
  display_name: string | null;
  given_name: string | null;
  family_name: string | null;
  primary_email: string | null;
  active: boolean;
  resource: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  sample: boolean;
}

export async function findUserViewRows(db: Queryable, directoryId: string, ids: string[]): Promise<UserViewRow[]> {
  if (ids.length === 0) return [];
  const result = await db.query<UserViewRow>(
    `SELECT id, user_name, display_name, given_name, family_name, primary_email, active, resource, created_at, updated_at, sample
       FROM directory_users WHERE directory_id = $1 AND id = ANY($2::text[])`,
    [directoryId, ids],
  );
  return result.rows;
}

/** The settings every user view of a directory needs: its attribute mappings and the default role. */
export interface UserViewSettings {
  attribute_mappings: { key: string; map_to: string }[];
  default_role: string | null;
  default_permissions: string[] | null;
}

export async function userViewSettings(db: Queryable, directoryId: string): Promise<UserViewSettings> {
  const result = await db.query<UserViewSettings>(
    `SELECT d.attribute_mappings, r.name AS default_role, r.permissions AS default_permissions
       FROM directories d LEFT JOIN roles r ON r.is_default WHERE d.id = $1`,
    [directoryId],
  );
  return result.rows[0] ?? { attribute_mappings: [], default_role: null, default_permissions: null };
}
