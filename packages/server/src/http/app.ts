import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { ActivityRecorder } from '../directory/request-log/activity-recorder.js';
import type { ScimRateLimit } from '../directory/scim/scim-rate-limit.js';
import { ApiError } from '../directory/api-error.js';
import type { Services } from '../directory/services.js';
import { loadEventsConfig, type EventsConfig } from '../events/events-config.js';
import { MAX_JSON_DEPTH, tooDeepMessage } from '../json-depth.js';
import { AccessLog } from './access-log.js';
import { managementErrorHandler, managementNotFound } from './management-errors.js';
import { requireAccessToken } from './management-auth.js';
import type { Metrics } from './metrics.js';
import { collectOperations } from './openapi-document.js';
import { registerBodyParsers } from './parse-body.js';
import { apiClientRoutes } from './routes/api-clients.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { dashboardApiRoutes } from './routes/dashboard-api.js';
import { dashboardAuthRoutes } from './routes/dashboard-auth.js';
import { dashboardSetupRoutes } from './routes/dashboard-setup.js';
import { directoryRoutes } from './routes/directories.js';
import { directoryMappingRoutes } from './routes/directory-mappings.js';
import { directorySourceRoutes } from './routes/directory-sources.js';
import { directorySecretRoutes } from './routes/directory-secrets.js';
import { directoryUserRoutes } from './routes/directory-users.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { oauthRoutes } from './routes/oauth.js';
import { organizationRoutes } from './routes/organizations.js';
import { portalApiRoutes } from './routes/portal-api.js';
import { portalLinkRoutes } from './routes/portal-links.js';
import { portalSessionRoutes } from './routes/portal-session.js';
import { googleConsentRoutes } from './routes/portal-sources.js';
import { roleRoutes } from './routes/roles.js';
import { sampleDataRoutes } from './routes/sample-data.js';
import { webAppRoutes } from './routes/web-app.js';
import { webhookRoutes } from './routes/webhooks.js';
import { SCIM_PREFIX, scimPlugin } from './scim/scim-plugin.js';

export interface AppDependencies {
  services: Services;
  logger: FastifyBaseLogger;
  metrics: Metrics;
  /** The per-directory SCIM rate limit (directory/scim/scim-rate-limit.ts). */
  rateLimit: ScimRateLimit;
  recorder: ActivityRecorder;
  /** Events and webhooks settings (events-config.ts); read from the environment when not given. */
  eventsConfig?: EventsConfig;
}

export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { services, metrics } = dependencies;
  const app = Fastify({
    loggerInstance: dependencies.logger,
    // X-Forwarded-* are believed only from the configured proxies (ROSTER_TRUSTED_PROXIES):
    // from anyone else they would let a client choose its own address (and protocol and host).
    trustProxy: services.config.ROSTER_TRUSTED_PROXIES.length > 0 ? services.config.ROSTER_TRUSTED_PROXIES : false,
    // One line per request (access-log.ts).
    logController: new AccessLog(),
    bodyLimit: 1024 * 1024,
    // Clients write `/Users/?filter=` and `/users`; parameters keep their case either way.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
    return503OnClosing: true,
    // Keep-alive connections with nothing in flight are closed at once when the server closes.
    forceCloseConnections: 'idle',
  });

  // A response finished while the server is closing ends its connection, so a keep-alive client
  // does not hold the process until its idle timeout (requests that arrive then get 503 from fastify).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.duration.observe(labels, reply.elapsedTime / 1000);
  });

  // JSON, forms (the client_credentials grant) and text; an empty body is no body whatever its
  // type, and JSON nested past MAX_JSON_DEPTH is refused before parsing.
  registerBodyParsers(app, {
    everyTypeIsJson: false,
    tooDeep: () => new ApiError(400, 'invalid_argument', tooDeepMessage(), { parameter: 'body', max_depth: MAX_JSON_DEPTH }),
  });

  healthRoutes(app, services, metrics);
  // Every route declared with defineRoute, for the OpenAPI document.
  const operations = collectOperations(app);

  await app.register(async (management) => {
    management.setErrorHandler(managementErrorHandler);
    management.setNotFoundHandler(managementNotFound);
    oauthRoutes(management, services);
    apiDocsRoutes(management, services, operations);
    // The web UI: dashboard sign-in and extras, the portal's session and API, the built app (issue 5).
    dashboardAuthRoutes(management, services, metrics);
    dashboardSetupRoutes(management, services);
    dashboardApiRoutes(management, services, undefined, dependencies.eventsConfig);
    portalSessionRoutes(management, services);
    googleConsentRoutes(management, services);
    portalApiRoutes(management, services);
    webAppRoutes(management, services);
    await management.register(async (authenticated) => {
      authenticated.addHook('preHandler', requireAccessToken(services));
      organizationRoutes(authenticated, services);
      directoryRoutes(authenticated, services);
      sampleDataRoutes(authenticated, services);
      directorySecretRoutes(authenticated, services);
      directoryUserRoutes(authenticated, services);
      directoryMappingRoutes(authenticated, services);
      directorySourceRoutes(authenticated, services);
      roleRoutes(authenticated, services);
      portalLinkRoutes(authenticated, services);
      apiClientRoutes(authenticated, services);
      eventRoutes(authenticated, services, dependencies.eventsConfig ?? loadEventsConfig());
      webhookRoutes(authenticated, services, dependencies.eventsConfig ?? loadEventsConfig());
    });
  });

  await app.register(scimPlugin, { prefix: SCIM_PREFIX, ...dependencies });
  return app;
}
