import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import { pendingChangeCount, storeReady } from '../../directory/store-health.js';
import type { Services } from '../../directory/services.js';
import type { Metrics } from '../metrics.js';
import { metricsRefusal } from '../metrics-access.js';

export function healthRoutes(app: FastifyInstance, services: Services, metrics: Metrics): void {
  // Liveness: the process answers.
  app.get('/healthz', async () => ({ status: 'ok' }));

  // Readiness: the store answers and this build's migrations are applied.
  app.get('/readyz', async (_request, reply) => {
    try {
      if (await storeReady(services)) return { status: 'ready', store: services.db.kind };
      return reply.status(503).send({ status: 'migrations pending', store: services.db.kind });
    } catch (error) {
      return reply.status(503).send({ status: 'store unreachable', store: services.db.kind, error: error instanceof Error ? error.message : String(error) });
    }
  });

  // How far user events lag their changes: change records committed and not yet composed into events.
  new Gauge({
    name: 'roster_event_changes_pending',
    help: 'Change records waiting to be expanded into user events (each holds back the Events API and webhooks at its position)',
    registers: [metrics.registry],
    async collect() {
      this.set(await pendingChangeCount(services));
    },
  });

  app.get('/metrics', async (request, reply) => {
    const refusal = metricsRefusal(request, services.config.ROSTER_METRICS_TOKEN);
    if (refusal) {
      if (refusal.status === 401) reply.header('www-authenticate', 'Bearer realm="metrics"');
      return reply.status(refusal.status).send({ code: refusal.code, message: refusal.message });
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
