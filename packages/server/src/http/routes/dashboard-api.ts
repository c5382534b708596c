import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getAllowedOrigins, originsFromEnvironment, setAllowedOrigins } from '../../directory/access/allowed-origins.js';
import type { Services } from '../../directory/services.js';
import { listRecentEvents } from '../../directory/changes/events-feed.js';
import { loadEventsConfig, type EventsConfig } from '../../events/events-config.js';
import { fastifyPath } from '../openapi-route.js';
import { sendTestWebhook } from '../../directory/management/webhook-test-send.js';
import { loadWebConfig, type WebConfig } from '../../directory/access/web-config.js';
import { idParameter, parseInput } from '../parse-body.js';
import { requireDashboardSession } from '../web-session-auth.js';
import { sharedDirectoryRoutes } from './shared-directory-routes.js';

// What the dashboard needs besides the management API (which it calls with its session cookie):
// the portal's allowed origins, directory search, the SCIM request log, the sample push, the
// newest events first, and a webhook test send.

const recentQuery = z.object({
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(200).default(50),
  type: z.string().max(200).optional(),
  organization_id: z.string().max(200).optional(),
  page_token: z.string().max(500).optional(),
});
const originsBody = z.object({ origins: z.array(z.string().max(500)).max(200) });
const organizationOf = (request: FastifyRequest) => idParameter(request, 'organization_id');

export function dashboardApiRoutes(app: FastifyInstance, services: Services, config: WebConfig = loadWebConfig(), eventsConfig: EventsConfig = loadEventsConfig()): void {
  const environmentOrigins = originsFromEnvironment(config.ROSTER_PORTAL_ALLOWED_ORIGINS);
  app.register(async (dashboard) => {
    dashboard.addHook('preHandler', requireDashboardSession(services));
    dashboard.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    dashboard.get('/api/v1/dashboard/allowed_origins', async () => getAllowedOrigins(services, environmentOrigins));
    dashboard.put('/api/v1/dashboard/allowed_origins', async (request) => {
      const body = parseInput(originsBody, request.body);
      return setAllowedOrigins(services, body.origins, environmentOrigins);
    });

    dashboard.get('/api/v1/dashboard/events', async (request) => {
      const query = parseInput(recentQuery, request.query);
      return listRecentEvents(services, { limit: query.limit, type: query.type || undefined, organizationId: query.organization_id || undefined, pageToken: query.page_token });
    });

    dashboard.post(fastifyPath('/api/v1/dashboard/webhooks/{webhook_id}:test'), async (request) => {
      const { webhook_id: webhookId } = parseInput(z.object({ webhook_id: z.string().min(1).max(200) }), request.params);
      return { result: await sendTestWebhook(services, webhookId, eventsConfig) };
    });

    sharedDirectoryRoutes(dashboard, services, '/api/v1/dashboard/organizations/{organization_id}/directories/{directory_id}', organizationOf);
  });
}
