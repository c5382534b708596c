import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { ActivityRecorder } from '../directory/activity-recorder.js';
import type { Services } from '../directory/services.js';
import { managementErrorHandler } from './management-errors.js';
import { requireAccessToken } from './management-auth.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './rate-limiter.js';
import { directoryRoutes } from './routes/directories.js';
import { healthRoutes } from './routes/health.js';
import { oauthRoutes } from './routes/oauth.js';
import { organizationRoutes } from './routes/organizations.js';
import { SCIM_PREFIX, scimPlugin } from './scim/scim-plugin.js';

export interface AppDependencies {
  services: Services;
  logger: FastifyBaseLogger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  recorder: ActivityRecorder;
}

export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { services, metrics } = dependencies;
  const app = Fastify({
    loggerInstance: dependencies.logger,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // Clients write `/Users/?filter=` and `/users`; parameters keep their case either way.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
    return503OnClosing: true,
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.duration.observe(labels, reply.elapsedTime / 1000);
  });

  // The client_credentials grant is often sent as a form (RFC 6749 section 4.4.2).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  healthRoutes(app, services, metrics);

  await app.register(async (management) => {
    management.setErrorHandler(managementErrorHandler);
    oauthRoutes(management, services);
    await management.register(async (authenticated) => {
      authenticated.addHook('preHandler', requireAccessToken(services));
      organizationRoutes(authenticated, services);
      directoryRoutes(authenticated, services);
    });
  });

  await app.register(scimPlugin, { prefix: SCIM_PREFIX, ...dependencies });
  return app;
}
