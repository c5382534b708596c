import { Command } from 'commander';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';
import { ensureWebBuild } from '../web-build.js';
import { configOrExit, exitWith } from './config-or-exit.js';
import { environmentHelp } from './environment-help.js';

export function startCommand(): Command {
  return new Command('start')
    .description('migrate the store, then serve the management API, the SCIM endpoints and the dashboard (configured by the environment variables below)')
    .addHelpText('after', environmentHelp)
    .action(async () => {
    const config = configOrExit();
    const logger = createLogger(config.LOG_LEVEL);
    // The dashboard and portal are served from packages/web/dist: build them when missing or stale.
    await ensureWebBuild({ info: (message) => logger.info(message), warn: (message) => logger.warn(message) });
    const server = await startServer({ config, logger }).catch((error: unknown) =>
      exitWith(`Roster could not start: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (server.bootstrap?.generatedSecret) {
      // Shown once, on the terminal only: never in the structured logs.
      process.stdout.write(
        `\nGenerated an API client (save the secret now; it is not shown again):\n  client_id:     ${server.bootstrap.clientId}\n  client_secret: ${server.bootstrap.generatedSecret}\n\n`,
      );
    }
    if (server.setupCode) {
      // Like the secret above: on the process's output once, stored only as a hash, never in a structured log line.
      const dashboard = `${(config.PUBLIC_URL ?? server.url).replace(/\/+$/, '')}/dashboard`;
      process.stdout.write(
        `\nFirst-run setup: no dashboard administrator yet. Open ${dashboard} and enter this one-time setup code\n` +
          `to create the first one (it works until an administrator exists):\n  ${server.setupCode}\n\n`,
      );
      logger.info({ dashboard }, 'no dashboard administrator yet: create the first one in the dashboard with the setup code printed above');
    }
    logger.info({ url: server.url, store: server.services.db.kind }, 'Roster is listening');
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      const graceMs = config.ROSTER_SHUTDOWN_GRACE_SECONDS * 1000;
      // Only if closing the worker or the store itself hangs: requests are cut at graceMs.
      const lastResort = setTimeout(() => exitWith('shutdown did not finish: exiting without closing the store'), graceMs + 15_000);
      lastResort.unref();
      server.close({ graceMs }).then(
        ({ forced }) => {
          logger.info({ duration_ms: Date.now() - started }, forced ? 'Roster stopped: requests still running after the grace period were cut off' : 'Roster stopped');
          process.exit(forced ? 1 : 0);
        },
        (error: unknown) => exitWith(`shutdown failed: ${String(error)}`),
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
