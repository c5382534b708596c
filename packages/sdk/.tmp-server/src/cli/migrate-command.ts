import { Command } from 'commander';
import { openDatabase } from '../store/database.js';
import { migrate } from '../store/migrate.js';
import { configOrExit } from './config-or-exit.js';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply pending migrations to the store (DATABASE_URL or ROSTER_DATA_DIR) and exit').action(async () => {
    const config = configOrExit();
    const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ROSTER_DATA_DIR, poolSize: 1 });
    try {
      const applied = await migrate(db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the store is up to date\n');
    } finally {
      await db.close();
    }
  });
}
