import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

export interface RoleRow {
  id: string;
  name: string;
  display_name: string;
  description: string | null;
  permissions: string[];
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface RoleChanges {
  displayName?: string | undefined;
  description?: string | null | undefined;
  permissions?: string[] | undefined;
  isDefault?: boolean | undefined;
}

/** Takes the default away from every role but `name`: there is at most one default role. */
async function clearOtherDefaults(db: Queryable, name: string): Promise<void> {
  await db.query('UPDATE roles SET is_default = false, updated_at = now() WHERE is_default AND name <> $1', [name]);
}

export async function insertRole(
  db: Queryable,
  role: { id: string; name: string; displayName: string; description: string | null; permissions: string[]; isDefault: boolean },
): Promise<RoleRow> {
  if (role.isDefault) await clearOtherDefaults(db, role.name);
  const result = await db.query<RoleRow>(
    `INSERT INTO roles (id, name, display_name, description, permissions, is_default) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [role.id, role.name, role.displayName, role.description, role.permissions, role.isDefault],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findRole(db: Queryable, name: string, options: { forUpdate?: boolean } = {}): Promise<RoleRow | undefined> {
  const result = await db.query<RoleRow>(`SELECT * FROM roles WHERE name = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [name]);
  return result.rows[0];
}

/** Which of these role names exist. */
export async function existingRoleNames(db: Queryable, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const result = await db.query<{ name: string }>('SELECT name FROM roles WHERE name = ANY($1::text[])', [names]);
  return new Set(result.rows.map((row) => row.name));
}

export async function listRoles(db: Queryable, page: KeysetPage): Promise<{ rows: RoleRow[]; more: boolean }> {
  const params = new SqlParams();
  const { condition, order, limit } = keysetClauses('name', page, params);
  const result = await db.query<RoleRow>(`SELECT * FROM roles WHERE ${condition} ORDER BY ${order} LIMIT ${limit}`, params.values);
  return keysetRows(result.rows, page);
}

export async function countRoles(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM roles');
  return result.rows[0]?.count ?? 0;
}

export async function updateRole(db: Queryable, name: string, changes: RoleChanges): Promise<RoleRow | undefined> {
  if (changes.isDefault === true) await clearOtherDefaults(db, name);
  const result = await db.query<RoleRow>(
    `UPDATE roles SET display_name = coalesce($2, display_name),
            description = CASE WHEN $3 THEN $4 ELSE description END,
            permissions = coalesce($5, permissions), is_default = coalesce($6, is_default), updated_at = now()
      WHERE name = $1 RETURNING *`,
    [name, changes.displayName ?? null, changes.description !== undefined, changes.description ?? null, changes.permissions ?? null, changes.isDefault ?? null],
  );
  return result.rows[0];
}

export async function deleteRole(db: Queryable, name: string): Promise<boolean> {
  const result = await db.query('DELETE FROM roles WHERE name = $1', [name]);
  return (result.rowCount ?? 0) > 0;
}
