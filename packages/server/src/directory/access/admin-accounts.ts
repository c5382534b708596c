import { newId } from '../../ids.js';
import type { Queryable } from '../../store/database.js';
import {
  countAdminAccounts,
  deleteAdminAccount as deleteAdminRow,
  findAdminByEmail,
  insertAdminAccount,
  listAdminAccounts as listAdminRows,
  recordAdminLogin,
  type AdminAccountRow,
} from '../../store/admin-accounts.js';
import { deleteAdminSessions } from '../../store/web-sessions.js';
import { isUniqueViolation } from '../../store/errors.js';
import { ApiError, conflict, invalidArgument, notFound } from '../api-error.js';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.js';
import type { Services } from '../services.js';
import type { WebConfig } from './web-config.js';

// Administrators of the dashboard: the app's own team. The first one comes from
// ROSTER_ADMIN_EMAIL / ROSTER_ADMIN_PASSWORD or `roster admin create`; others are added in
// the dashboard by an administrator.

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AdminAccount {
  id: string;
  email: string;
  created_at: Date;
  last_login_at: Date | null;
}

const account = (row: AdminAccountRow): AdminAccount => ({ id: row.id, email: row.email, created_at: row.created_at, last_login_at: row.last_login_at });

function checkCredentials(email: string, password: string): void {
  if (!EMAIL.test(email) || email.length > 320) throw invalidArgument('email', 'must be an email address');
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidArgument('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw invalidArgument('password', 'must be at most 1024 characters');
}

/** Creates an administrator (the dashboard's "add administrator"). An email already taken is a 409. */
export async function createAdminAccount(services: Services, email: string, password: string): Promise<AdminAccount> {
  return createAdminAccountWith(services.db.pool, email, password);
}

/** Creates an administrator through `db` (a transaction's client, or the CLI's `roster admin create`). */
export async function createAdminAccountWith(db: Queryable, email: string, password: string): Promise<AdminAccount> {
  const trimmed = email.trim();
  checkCredentials(trimmed, password);
  try {
    return account(await insertAdminAccount(db, { id: newId('adm'), email: trimmed, passwordHash: await hashPassword(password) }));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`an administrator with email ${trimmed} already exists`, { parameter: 'email' });
    throw error;
  }
}

/** At start: creates the administrator named by the environment unless that email already has an account (its password is then left alone). */
export async function ensureBootstrapAdmin(services: Services, config: WebConfig): Promise<AdminAccount | undefined> {
  if (!config.ROSTER_ADMIN_EMAIL || !config.ROSTER_ADMIN_PASSWORD) return undefined;
  if (await findAdminByEmail(services.db.pool, config.ROSTER_ADMIN_EMAIL)) return undefined;
  try {
    return await createAdminAccount(services, config.ROSTER_ADMIN_EMAIL, config.ROSTER_ADMIN_PASSWORD);
  } catch (error) {
    // Another Roster process on the same database created it first.
    if (error instanceof ApiError && error.status === 409) return undefined;
    throw error;
  }
}

/** The administrator these credentials belong to, or undefined; takes the same time whether or not the email is known. */
export async function verifyAdminLogin(services: Services, email: string, password: string): Promise<AdminAccount | undefined> {
  const row = await findAdminByEmail(services.db.pool, email.trim());
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  if (!row || !matches) return undefined;
  await recordAdminLogin(services.db.pool, row.id);
  return account(row);
}

export async function listAdminAccounts(services: Services): Promise<AdminAccount[]> {
  return (await listAdminRows(services.db.pool)).map(account);
}

export async function hasAdminAccounts(services: Services): Promise<boolean> {
  return (await countAdminAccounts(services.db.pool)) > 0;
}

/** Removes an administrator and ends their sessions; the last one cannot be removed (nobody could sign in). */
export async function deleteAdminAccount(services: Services, id: string): Promise<void> {
  if ((await countAdminAccounts(services.db.pool)) <= 1) {
    throw new ApiError(409, 'failed_precondition', 'the last administrator cannot be removed');
  }
  await deleteAdminSessions(services.db.pool, id);
  if (!(await deleteAdminRow(services.db.pool, id))) throw notFound('administrator', id);
}
