import type { Queryable } from './database.js';

export interface AdminAccountRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
}

export async function insertAdminAccount(db: Queryable, account: { id: string; email: string; passwordHash: string }): Promise<AdminAccountRow> {
  const result = await db.query<AdminAccountRow>('INSERT INTO admin_accounts (id, email, password_hash) VALUES ($1, $2, $3) RETURNING *', [
    account.id,
    account.email,
    account.passwordHash,
  ]);
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Emails compare case-insensitively, as people type them. */
export async function findAdminByEmail(db: Queryable, email: string): Promise<AdminAccountRow | undefined> {
  const result = await db.query<AdminAccountRow>('SELECT * FROM admin_accounts WHERE lower(email) = lower($1)', [email]);
  return result.rows[0];
}

export async function findAdminAccount(db: Queryable, id: string): Promise<AdminAccountRow | undefined> {
  const result = await db.query<AdminAccountRow>('SELECT * FROM admin_accounts WHERE id = $1', [id]);
  return result.rows[0];
}

export async function listAdminAccounts(db: Queryable): Promise<AdminAccountRow[]> {
  const result = await db.query<AdminAccountRow>('SELECT * FROM admin_accounts ORDER BY id LIMIT 1000');
  return result.rows;
}

export async function countAdminAccounts(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM admin_accounts');
  return result.rows[0]?.count ?? 0;
}

export async function updateAdminPassword(db: Queryable, id: string, passwordHash: string): Promise<boolean> {
  const result = await db.query('UPDATE admin_accounts SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
  return (result.rowCount ?? 0) > 0;
}

export async function recordAdminLogin(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE admin_accounts SET last_login_at = now() WHERE id = $1', [id]);
}

export async function deleteAdminAccount(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM admin_accounts WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}
