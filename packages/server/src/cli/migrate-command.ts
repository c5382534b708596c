import { Command } from 'commander';
import { migrate } from '../store/migrate.js';
import { configOrExit } from './config-or-exit.js';
import { openStoreOrExit } from './open-store.js';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply pending migrations to the store (DATABASE_URL or ROSTER_DATA_DIR) and exit').action(async () => {
    const config = configOrExit();
    const db = await openStoreOrExit(config);
    try {
      const applied = await migrate(db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the store is up to date\n');
    } finally {
      await db.close();
    }
  });
}
