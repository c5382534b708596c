import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { ActivityRecorder } from './directory/activity-recorder.js';
import { bootstrapApiClient, type BootstrapResult } from './directory/credentials.js';
import { DeliveryWorker } from './events/delivery-worker.js';
import { ExpansionWorker } from './events/expansion-worker.js';
import { expandChanges } from './directory/change-expansion.js';
import { loadEventsConfig, type EventsConfig } from './events/events-config.js';
import { PagePositions } from './directory/page-positions.js';
import { ScimAccess } from './directory/scim-access.js';
import type { Services } from './directory/services.js';
import { buildApp } from './http/app.js';
import { Metrics } from './http/metrics.js';
import { RateLimiter } from './http/rate-limiter.js';
import { newId } from './ids.js';
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
  /** Delivers webhooks from the outbox in the background (events/delivery-worker.ts). */
  deliveryWorker: DeliveryWorker;
  /** Composes user events from change records in the background (events/expansion-worker.ts). */
  expansionWorker: ExpansionWorker;
  /** Stops accepting requests, finishes those in flight, flushes logs, closes the store. */
  close(): Promise<void>;
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

/** Opens the store, migrates it, ensures the bootstrap API client, and serves. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const eventsConfig = options.eventsConfig ?? loadEventsConfig();
  const db: Database = await openDatabase({ url: config.DATABASE_URL, dataDir: options.dataDir ?? config.ROSTER_DATA_DIR, poolSize: config.ROSTER_DB_POOL_SIZE });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ migrations: applied, store: db.kind }, 'applied migrations');
    const environmentId = await ensureEnvironment(db.pool, newId('env'));
    const bootstrap = await bootstrapApiClient(db, config.ROSTER_CLIENT_ID, config.ROSTER_CLIENT_SECRET);

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
    };
    const metrics = new Metrics();
    const recorder = new ActivityRecorder(services, logger);
    const rateLimiter = new RateLimiter(config.ROSTER_SCIM_RATE_LIMIT, config.ROSTER_SCIM_RATE_BURST);
    const app = await buildApp({ services, logger, metrics, rateLimiter, recorder, eventsConfig });
    recorder.start();
    const stopStatistics = keepStatisticsCurrent(db, (error) => logger.warn({ err: error }, 'ANALYZE of the embedded store failed'));
    const deliveryWorker = new DeliveryWorker({ db, environmentId, config: eventsConfig, logger });

    let url = '';
    if (options.listen !== false) url = await app.listen({ port: config.PORT, host: config.HOST });
    expansion.start();
    deliveryWorker.start();
    return {
      app,
      services,
      url: url.replace('0.0.0.0', '127.0.0.1'),
      bootstrap,
      deliveryWorker,
      expansionWorker: expansion,
      async close() {
        await app.close();
        await expansion.stop();
        await deliveryWorker.stop();
        await recorder.stop();
        stopStatistics();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
