import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LOGGED_BODY_BYTES, type ActivityRecorder } from '../../directory/request-log/activity-recorder.js';
import type { Services } from '../../directory/services.js';
import { tooDeepMessage } from '../../json-depth.js';
import { ScimError, badRequest } from '../../scim/scim-error.js';
import { baseUrlOf } from '../base-url.js';
import { registerBodyParsers } from '../parse-body.js';
import type { Metrics } from '../metrics.js';
import type { ScimRateLimit } from '../../directory/scim/scim-rate-limit.js';
import { RateLimiter } from '../rate-limiter.js';
import { bulkRoutes } from './bulk-routes.js';
import { discoveryRoutes } from './discovery-routes.js';
import { groupRoutes } from './group-routes.js';
import { rateLimitPolicy, rateLimitState } from './rate-limit-headers.js';
import { scimErrorHandler } from './scim-errors.js';
import { searchRoutes } from './search-routes.js';
import { sendScim } from './scim-request.js';
import { userRoutes } from './user-routes.js';

export const SCIM_PREFIX = '/api/v1/directories/:directoryId/scim/v2';

// Refused (429) requests logged per directory and second at most: enough for the portal to show
// them, while a client hammering past its limit cannot fill the log (or push other directories'
// entries out of the recorder's buffer). roster_scim_rate_limited_total counts every one.
const LOGGED_REFUSALS_PER_SECOND = 20;

export interface ScimDependencies {
  services: Services;
  metrics: Metrics;
  rateLimit: ScimRateLimit;
  recorder: ActivityRecorder;
}

function loggable(body: unknown, bytes: number): unknown {
  if (body === undefined || body === null) return undefined;
  // Known to be too large from its length: not copied at all (the recorder checks the rest).
  if (bytes > LOGGED_BODY_BYTES) return { truncated: true, bytes };
  return summarizeList(body);
}

/**
 * A list response is logged as its counts and ids, not its resources: an import pages through the
 * whole directory, and copying every page into the log would cost more than serving it.
 */
function summarizeList(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('Resources' in body) || !Array.isArray(body.Resources)) return body;
  const ids = body.Resources.map((resource: unknown) => (typeof resource === 'object' && resource !== null && 'id' in resource ? resource.id : null));
  return { ...body, Resources: undefined, resourceIds: ids };
}

/** Which SCIM operation a request is, for metrics: `Users.create`, `Groups.patch`, ... */
function operationOf(request: FastifyRequest): { resource: string; operation: string } {
  const url = request.routeOptions.url ?? '';
  const resource = /\/(Users|Groups|Bulk|Schemas|ResourceTypes|ServiceProviderConfig|Me)/.exec(url)?.[1] ?? (url.endsWith('/.search') ? 'Root' : 'unknown');
  const hasId = /:id$/.test(url);
  const operations: Record<string, string> = { POST: url.endsWith('.search') ? 'search' : 'create', GET: hasId ? 'get' : 'list', PUT: 'replace', PATCH: 'patch', DELETE: 'delete' };
  return { resource, operation: operations[request.method] ?? request.method.toLowerCase() };
}

/**
 * The SCIM 2.0 endpoint of every directory. Encapsulated: its own body parsers, bearer-token
 * authentication, per-directory rate limit, error bodies and request log.
 */
export async function scimPlugin(app: FastifyInstance, dependencies: ScimDependencies): Promise<void> {
  const { services, metrics, rateLimit, recorder } = dependencies;
  const policy = rateLimitPolicy(rateLimit.rate, rateLimit.burst);
  const loggedRefusals = new RateLimiter(LOGGED_REFUSALS_PER_SECOND, LOGGED_REFUSALS_PER_SECOND);
  const unloggedRefusals = new WeakSet<FastifyRequest>();
  app.decorateRequest('scim', null);
  app.decorateRequest('scimResponseBody', undefined);

  // IdPs send application/scim+json, application/json, or nothing useful at all (docs/providers.md):
  // every body is JSON, an empty one is no body, and one nested past MAX_JSON_DEPTH is refused
  // before parsing (json-depth.ts).
  registerBodyParsers(app, {
    everyTypeIsJson: true,
    bodyLimit: services.config.ROSTER_SCIM_MAX_PAYLOAD_BYTES,
    tooDeep: () => badRequest('invalidValue', tooDeepMessage()),
  });

  app.setErrorHandler(scimErrorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendScim(request, reply, 404, new ScimError(404, `No SCIM endpoint at ${request.method} ${request.url.split('?')[0]}`).toBody()),
  );

  app.addHook('onRequest', async (request, reply) => {
    const { directoryId } = request.params as { directoryId?: string };
    if (!directoryId) return;
    const grant = await services.scimAccess.authorize(request.headers.authorization, directoryId);
    // Set before the rate limit is applied, so that a refused request is in the request log too.
    request.scim = {
      secretId: grant.secret_id,
      context: {
        services,
        directoryId,
        organizationId: grant.organization_id,
        baseUrl: `${baseUrlOf(services, request)}/api/v1/directories/${directoryId}/scim/v2`,
        writesSampleData: grant.sample,
      },
    };
    // Every authorized response says the policy and what is left, so a client can pace itself.
    const decision = await rateLimit.admit(directoryId);
    reply.header('ratelimit-policy', policy);
    reply.header('ratelimit', rateLimitState(decision));
    if (!decision.allowed) {
      metrics.rateLimited.inc({ directory_id: directoryId });
      if (loggedRefusals.take(directoryId) > 0) unloggedRefusals.add(request);
      reply.header('retry-after', String(decision.retryAfterSeconds));
      throw new ScimError(
        429,
        `Too many requests for this directory: the limit is ${rateLimit.rate} requests a second (bursts of ${rateLimit.burst}); retry after ${decision.retryAfterSeconds} s`,
        'tooMany',
      );
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const { directoryId } = request.params as { directoryId?: string };
    if (!directoryId || !request.scim) return;
    const { resource, operation } = operationOf(request);
    metrics.scimOperations.inc({ directory_id: directoryId, resource, operation, status: String(reply.statusCode) });
    if (unloggedRefusals.has(request)) return;
    const requestBytes = Number(request.headers['content-length'] ?? 0);
    const responseBytes = Number(reply.getHeader('content-length') ?? 0);
    recorder.record({
      directoryId,
      secretId: request.scim.secretId,
      method: request.method,
      path: request.url,
      status: reply.statusCode,
      durationMs: reply.elapsedTime,
      userAgent: request.headers['user-agent'] ?? null,
      requestBody: loggable(request.body, requestBytes),
      responseBody: loggable(request.scimResponseBody, responseBytes),
    });
  });

  userRoutes(app);
  groupRoutes(app);
  discoveryRoutes(app, services);
  bulkRoutes(app);
  searchRoutes(app);
  app.all('/Me', async () => {
    throw new ScimError(501, 'The /Me endpoint is not supported: Roster provisions users, it does not authenticate them');
  });
}
