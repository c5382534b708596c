import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getEvent, listEvents } from '../../directory/changes/events-feed.js';
import type { Services } from '../../directory/services.js';
import { EVENT_TYPES, isEventType } from '../../events/event-types.js';
import type { EventsConfig } from '../../events/events-config.js';
import { defineRoute } from '../openapi-route.js';
import { eventListResponse, eventResponse, serializeEvent } from '../serializers/event.js';
import { EVENT_CATALOGUE } from '../serializers/event-catalogue.js';

const exampleEvent = EVENT_CATALOGUE['organization.directory.user_created'].example as z.output<typeof eventResponse>['event'];

const MAX_LIMIT = 1_000;

const listQuery = z.object({
  after: z.string().max(200).optional().describe('next_cursor of the previous page; omit to start at the oldest event kept.'),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
    .default(100)
    .describe(`Events per page, 1 to ${MAX_LIMIT} (default 100).`),
  types: z
    .string()
    .max(4000)
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return undefined;
      const types = value.split(',').map((type) => type.trim());
      const unknown = types.filter((type) => !isEventType(type));
      if (unknown.length > 0) context.addIssue({ code: 'custom', message: `unknown event types ${unknown.join(', ')}` });
      return types;
    })
    .describe(`Comma-separated event types: ${EVENT_TYPES.join(', ')}.`),
  organization_id: z.string().min(1).max(200).optional(),
  directory_id: z.string().min(1).max(200).optional(),
});

const TAG = 'Events';

export function eventRoutes(app: FastifyInstance, services: Services, config: EventsConfig): void {
  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/events',
      operationId: 'listEvents',
      tag: TAG,
      summary: 'Read the event log in commit order',
      description:
        'Follow next_cursor page by page (also from an empty page, to poll): no event is ever skipped, including one written by a ' +
        'transaction that began earlier and committed later. A cursor older than the retention period ' +
        '(ROSTER_EVENT_RETENTION_DAYS, 30 days by default) gets 410 cursor_expired. Pages with a types or organization_id filter ' +
        'examine a bounded stretch of the log, so one may be empty with has_more true: keep following the cursor. The event types, ' +
        'their data and examples are in the webhooks section of this document.',
      examples: { response: { events: [exampleEvent], next_cursor: 'ec1_MTg0My4w', has_more: false } },
      query: listQuery,
      status: 200,
      response: eventListResponse,
      errors: [410],
    },
    async ({ query }) => {
      const page = await listEvents(
        services,
        { after: query.after, limit: query.limit, types: query.types, organizationId: query.organization_id, directoryId: query.directory_id },
        config.ROSTER_EVENT_RETENTION_DAYS,
      );
      return { events: page.events.map(serializeEvent), next_cursor: page.nextCursor, has_more: page.hasMore };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/events/{event_id}',
      operationId: 'getEvent',
      tag: TAG,
      summary: 'Get one event',
      description: 'One event by its id (the webhook-id header of its deliveries), while it is kept (ROSTER_EVENT_RETENTION_DAYS).',
      examples: { response: { event: exampleEvent } },
      params: z.object({ event_id: z.string().min(1).max(200) }),
      status: 200,
      response: eventResponse,
      errors: [404],
    },
    async ({ params }) => ({ event: serializeEvent(await getEvent(services, params.event_id)) }),
  );
}
