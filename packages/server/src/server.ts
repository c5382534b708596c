import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { SyncScheduler } from './connectors/sync-scheduler.js';
import { ActivityRecorder } from './directory/request-log/activity-recorder.js';
import { bootstrapApiClient, type BootstrapResult } from './directory/access/credentials.js';
import { issueSetupCode } from './directory/access/first-run-setup.js';
import { checkSourceCredentialsKey } from './directory/management/pulled-directories.js';
import { DeliveryWorker } from './events/delivery-worker.js';
import { ExpansionWorker } from './events/expansion-worker.js';
import { expandChanges } from './directory/changes/change-expansion.js';
import { loadEventsConfig, type EventsConfig } from './events/events-config.js';
import { PagePositions } from './directory/scim/page-positions.js';
import { ScimAccess } from './directory/scim/scim-access.js';
import { ProcessRateLimit, type ScimRateLimit } from './directory/scim/scim-rate-limit.js';
import { SharedRateLimit } from './directory/scim/shared-rate-limit.js';
import type { Services } from './directory/services.js';
import { buildApp } from './http/app.js';
import { Metrics } from './http/metrics.js';
import { newId } from './ids.js';
import { SecretBox, parseEncryptionKey } from './secret-box.js';
import { prepareWebhookSecrets } from './events/webhook-secrets.js';
import { ensureEnvironment } from './store/api-clients.js';
import { openDatabase, type Database } from './store/database.js';
import { migrate } from './store/migrate.js';
import { keepStatisticsCurrent } from './store/statistics.js';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  bootstrap: BootstrapResult | undefined;
  /** The one-time code that creates the first dashboard administrator, when none existed at start (directory/access/first-run-setup.ts). */
  setupCode: string | undefined;
  /** Delivers webhooks from the outbox in the background (events/delivery-worker.ts). */
  deliveryWorker: DeliveryWorker;
  /** Composes user events from change records in the background (events/expansion-worker.ts). */
  expansionWorker: ExpansionWorker;
  /** Syncs pulled directories (Google Workspace, BambooHR) on their schedules (connectors/). */
  syncScheduler: SyncScheduler;
  /**
   * Stops accepting connections, finishes the requests in flight (closing each keep-alive
   * connection once it is idle), stops the delivery worker, flushes the request log and closes the
   * store. With `graceMs`, requests still running after that long are cut off (and `forced` is
   * true); the rest of the shutdown happens either way.
   */
  close(options?: { graceMs?: number }): Promise<{ forced: boolean }>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Overrides the embedded data directory (tests use memory://). */
  dataDir?: string;
  listen?: boolean;
  /** Events and webhooks settings; read from the environment when not given. */
  eventsConfig?: EventsConfig;
}

// How often, while closing, connections that have become idle are closed.
const IDLE_SWEEP_MILLIS = 100;

/**
 * Closes the HTTP server: no new connections; a request in flight finishes, its response says
 * `Connection: close` (http/app.ts), and its connection is closed as soon as it is idle, so a
 * client holding a keep-alive connection cannot keep the process up. True when `graceMs` ran out
 * and the remaining connections were cut.
 */
async function closeConnections(app: FastifyInstance, graceMs: number | undefined): Promise<boolean> {
  let forced = false;
  const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MILLIS);
  const deadline =
    graceMs === undefined
      ? undefined
      : setTimeout(() => {
          forced = true;
          app.server.closeAllConnections();
        }, graceMs);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
  return forced;
}

/** Opens the store, migrates it, ensures the bootstrap API client, and serves. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const eventsConfig = options.eventsConfig ?? loadEventsConfig();
  const db: Database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: options.dataDir ?? config.ROSTER_DATA_DIR,
    poolSize: config.ROSTER_DB_POOL_SIZE,
    onLockTakeover: (message) => logger.warn(message),
  });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ migrations: applied, store: db.kind }, 'applied migrations');
    const environmentId = await ensureEnvironment(db.pool, newId('env'));
    const bootstrap = await bootstrapApiClient(db, config.ROSTER_CLIENT_ID, config.ROSTER_CLIENT_SECRET);
    const secretBox = config.ROSTER_ENCRYPTION_KEY === undefined ? undefined : new SecretBox(parseEncryptionKey(config.ROSTER_ENCRYPTION_KEY));
    // Before webhook secrets are sealed: a wrong key must not seal anything.
    await checkSourceCredentialsKey(db.pool, secretBox);
    const sealed = await prepareWebhookSecrets(db.pool, secretBox);
    if (!secretBox) logger.warn('ROSTER_ENCRYPTION_KEY is not set: webhook signing secrets are stored in plain text (README, Configuration)');
    else if (sealed > 0) logger.info({ count: sealed, key_id: secretBox.keyId }, 'encrypted the webhook signing secrets stored in plain text');

    // Events written by an expansion round are fanned out to webhooks at once (the delivery worker is created below).
    const expansion = new ExpansionWorker(() => expandChanges(db), () => deliveryWorker.eventsWritten(), logger);
    const services: Services = {
      db,
      config,
      environmentId,
      publicUrl: config.PUBLIC_URL,
      pagePositions: new PagePositions(),
      scimAccess: new ScimAccess({ db }),
      changesRecorded: () => expansion.wake(),
      secretBox,
    };
    const metrics = new Metrics();
    const recorder = new ActivityRecorder(services, logger);
    // The embedded store is one process; processes on one PostgreSQL share each directory's budget.
    const rateLimit: ScimRateLimit =
      db.kind === 'postgres'
        ? new SharedRateLimit(db.pool, config.ROSTER_SCIM_RATE_LIMIT, config.ROSTER_SCIM_RATE_BURST, (error) =>
            logger.warn({ err: error }, 'the shared SCIM rate budget is unreachable: limiting per process for a few seconds'),
          )
        : new ProcessRateLimit(config.ROSTER_SCIM_RATE_LIMIT, config.ROSTER_SCIM_RATE_BURST);
    const app = await buildApp({ services, logger, metrics, rateLimit, recorder, eventsConfig });
    recorder.start();
    const stopStatistics = keepStatisticsCurrent(db, (error) => logger.warn({ err: error }, 'ANALYZE of the embedded store failed'));
    const deliveryWorker = new DeliveryWorker({ db, environmentId, config: eventsConfig, logger, secretBox });
    const syncScheduler = new SyncScheduler({ services, recorder, logger });
    services.wakeSync = () => syncScheduler.wake();

    let url = '';
    if (options.listen !== false) url = await app.listen({ port: config.PORT, host: config.HOST });
    else await app.ready();
    // After ready: ROSTER_ADMIN_EMAIL's administrator, if any, has been created by then.
    const setupCode = await issueSetupCode(db);
    expansion.start();
    deliveryWorker.start();
    syncScheduler.start();
    return {
      app,
      services,
      url: url.replace('0.0.0.0', '127.0.0.1'),
      bootstrap,
      setupCode,
      deliveryWorker,
      expansionWorker: expansion,
      syncScheduler,
      async close(closeOptions = {}) {
        const forced = await closeConnections(app, closeOptions.graceMs);
        await syncScheduler.stop();
        await expansion.stop();
        await deliveryWorker.stop();
        await recorder.stop();
        stopStatistics();
        await db.close();
        return { forced };
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
