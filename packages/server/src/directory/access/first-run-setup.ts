import { randomInt } from 'node:crypto';
import { hashSecret } from '../../secrets.js';
import { countAdminAccounts } from '../../store/admin-accounts.js';
import type { Database } from '../../store/database.js';
import { deleteSetupCodes, insertSetupCode, lockFirstAdminCreation, setupCodeExists } from '../../store/setup-codes.js';
import { withTransaction } from '../../store/transaction.js';
import { createAdminAccountWith, type AdminAccount } from './admin-accounts.js';
import { ApiError } from '../api-error.js';

// First-run setup in the browser. While no administrator exists, each start prints a one-time
// setup code (cli/start-command.ts; never in the structured log, and stored only as a hash);
// whoever has it, i.e. whoever can read the server's output, creates the first administrator in
// the dashboard without a restart. Once an administrator exists every code stops working.

// Crockford's base32: no I, L, O or U, so a code read off a screen is typed back right.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/** 100 random bits, as XXXXX-XXXXX-XXXXX-XXXXX. */
export function newSetupCode(): string {
  const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/** The code as typed, compared as generated: case, spaces and dashes do not matter; O, I and L read as 0, 1 and 1. */
export function normalizeSetupCode(typed: string): string {
  const characters = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const groups = characters.match(new RegExp(`.{1,${GROUP_LENGTH}}`, 'g')) ?? [];
  return groups.join('-');
}

/** A new setup code when no administrator exists (its hash is stored), else undefined. */
export async function issueSetupCode(db: Database): Promise<string | undefined> {
  if ((await countAdminAccounts(db.pool)) > 0) return undefined;
  const code = newSetupCode();
  await insertSetupCode(db.pool, hashSecret(code));
  return code;
}

/**
 * Creates the first administrator for the holder of a setup code: one at a time, only while
 * none exists, and then every setup code is deleted. Bad credentials leave the code usable.
 */
export async function createFirstAdmin(db: Database, setupCode: string, email: string, password: string): Promise<AdminAccount> {
  return withTransaction(db, async (client) => {
    await lockFirstAdminCreation(client);
    if ((await countAdminAccounts(client)) > 0) {
      throw new ApiError(409, 'setup_complete', 'An administrator already exists, so setup codes no longer work: sign in, or ask an administrator to add you');
    }
    if (!(await setupCodeExists(client, hashSecret(normalizeSetupCode(setupCode))))) {
      throw new ApiError(401, 'invalid_setup_code', 'That setup code is not right: use the one Roster printed when it started');
    }
    const admin = await createAdminAccountWith(client, email, password);
    await deleteSetupCodes(client);
    return admin;
  });
}
