import type { Queryable } from './database.js';

export async function insertSetupCode(db: Queryable, codeHash: string): Promise<void> {
  await db.query('INSERT INTO setup_codes (code_hash) VALUES ($1)', [codeHash]);
}

export async function setupCodeExists(db: Queryable, codeHash: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM setup_codes WHERE code_hash = $1', [codeHash]);
  return (result.rowCount ?? 0) > 0;
}

export async function deleteSetupCodes(db: Queryable): Promise<void> {
  await db.query('DELETE FROM setup_codes');
}

// Any fixed 64-bit key: two first-run setups at once (two browsers, two processes) take turns,
// so only one of them creates the first administrator.
const FIRST_ADMIN_LOCK_KEY = 72_417_310_046;

export async function lockFirstAdminCreation(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK_KEY]);
}
