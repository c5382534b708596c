import type { Config } from '../config.js';
import { DataDirLockedError } from '../store/data-dir-lock.js';
import { openDatabase, type Database } from '../store/database.js';
import { exitWith } from './config-or-exit.js';

/**
 * The configured store for a one-off command (`migrate`, `admin create`): the same store
 * `roster start` uses (config.ts resolves ROSTER_DATA_DIR one way for every command), or an exit
 * with one sentence saying why it cannot be opened, and `whenLocked` after it when another
 * Roster process holds the embedded store.
 */
export async function openStoreOrExit(config: Config, whenLocked = ''): Promise<Database> {
  try {
    return await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.ROSTER_DATA_DIR,
      poolSize: 1,
      onLockTakeover: (message) => process.stderr.write(`${message}\n`),
    });
  } catch (error) {
    if (error instanceof DataDirLockedError) exitWith(whenLocked ? `${error.message} ${whenLocked}` : error.message);
    const where = config.DATABASE_URL ? 'the PostgreSQL database in DATABASE_URL' : `the embedded store at ${config.ROSTER_DATA_DIR}`;
    exitWith(`Roster could not open ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
