import { Command } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { openDatabase } from './store/database.js';
import { migrate } from './store/migrate.js';
import { startServer } from './server.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function configOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

const program = new Command('roster').description('Roster: self-hostable SCIM 2.0 directory sync').showHelpAfterError();

program
  .command('start')
  .description('migrate the store and serve the API, the SCIM endpoints and the UI')
  .action(async () => {
    const config = configOrExit();
    const logger = createLogger(config.LOG_LEVEL);
    const server = await startServer({ config, logger }).catch((error: unknown) => fail(`Roster could not start: ${error instanceof Error ? error.message : String(error)}`));
    if (server.bootstrap?.generatedSecret) {
      // Shown once, on the terminal only: never in the structured logs.
      process.stdout.write(
        `\nGenerated an API client (save the secret now; it is not shown again):\n  client_id:     ${server.bootstrap.clientId}\n  client_secret: ${server.bootstrap.generatedSecret}\n\n`,
      );
    }
    logger.info({ url: server.url, store: server.services.db.kind }, 'Roster is listening');
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      const grace = setTimeout(() => fail('shutdown grace period ran out'), config.ROSTER_SHUTDOWN_GRACE_SECONDS * 1000);
      grace.unref();
      server.close().then(
        () => process.exit(0),
        (error: unknown) => fail(`shutdown failed: ${String(error)}`),
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });

program
  .command('migrate')
  .description('apply pending migrations to the store and exit')
  .action(async () => {
    const config = configOrExit();
    const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ROSTER_DATA_DIR, poolSize: 1 });
    const applied = await migrate(db);
    await db.close();
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the store is up to date\n');
  });

await program.parseAsync(process.argv);
