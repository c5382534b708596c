import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { ApiError } from '../directory/api-error.js';
import { createAdminAccountWith } from '../directory/access/admin-accounts.js';
import { migrate } from '../store/migrate.js';
import { configOrExit, exitWith } from './config-or-exit.js';
import { openStoreOrExit } from './open-store.js';

/** The password from ROSTER_ADMIN_PASSWORD, or asked on the terminal (not echoed), or read from piped standard input. */
async function readPassword(): Promise<string> {
  if (process.env.ROSTER_ADMIN_PASSWORD) return process.env.ROSTER_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: readline echoes through _writeToOutput.
  const muted = prompt as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write('Password (12 characters or more): ');
  muted._writeToOutput = () => undefined;
  const password = await prompt.question('');
  prompt.close();
  process.stdout.write('\n');
  return password;
}

/** `roster admin create --email you@example.com`: a dashboard administrator, in the configured store. */
export function adminCommand(): Command {
  const admin = new Command('admin').description('manage the dashboard’s administrator accounts');
  admin
    .command('create')
    .description('create a dashboard administrator (password from ROSTER_ADMIN_PASSWORD, standard input, or a prompt)')
    .requiredOption('--email <email>', 'the administrator’s email, used to sign in')
    .action(async (options: { email: string }) => {
      const config = configOrExit();
      const password = await readPassword();
      const db = await openStoreOrExit(
        config,
        'While Roster runs, create the first administrator in its dashboard with the one-time setup code it printed when it started, or an administrator creates others there.',
      );
      let refused: string | undefined;
      try {
        await migrate(db);
        const created = await createAdminAccountWith(db.pool, options.email, password);
        process.stdout.write(`created administrator ${created.email} (${created.id}); sign in at /dashboard\n`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        refused = error.message;
      } finally {
        // Before exiting: closing releases the embedded store's lock.
        await db.close();
      }
      if (refused !== undefined) exitWith(refused);
    });
  return admin;
}
