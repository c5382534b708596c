import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getEventSettings, updateEventSettings } from '../../directory/management/event-settings.js';
import type { Services } from '../../directory/services.js';
import {
  DEFAULT_SECRET_GRACE_SECONDS,
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhook,
  rotateWebhookSecret,
  updateWebhook,
} from '../../directory/management/webhooks.js';
import { EVENT_TYPES } from '../../events/event-types.js';
import type { EventsConfig } from '../../events/events-config.js';
import { defineRoute } from '../openapi-route.js';
import {
  createdWebhookResponse,
  deliveryListResponse,
  deliveryResponse,
  eventSettingsResponse,
  replayResponse,
  rotatedWebhookSecretResponse,
  serializeAttempt,
  serializeDelivery,
  serializeWebhook,
  webhookListResponse,
  webhookResponse,
} from '../serializers/webhook.js';
import { EXAMPLE_IDS, exampleDelivery, exampleWebhook, exampleWebhookSecret } from '../serializers/examples.js';
import { directoryParams } from './common-schemas.js';

const MAX_GRACE_SECONDS = 7 * 86_400;
const MAX_DELIVERY_PAGE = 200;

const webhookFields = {
  url: z.string().max(2000).describe('Where events are POSTed (https:// in production).'),
  description: z.string().max(500).optional(),
  enabled: z.boolean().optional().describe('Default true. Enabling clears the failure record.'),
  event_types: z.array(z.string().max(200)).max(EVENT_TYPES.length).optional().describe(`Types to receive (default all): ${EVENT_TYPES.join(', ')}.`),
  organization_id: z.string().min(1).max(200).nullable().optional().describe("Only this organization's events (default all)."),
};
const createBody = z.object(webhookFields);
const updateBody = z.object({ ...webhookFields, url: webhookFields.url.optional() });
const rotateBody = z
  .object({
    grace_period_seconds: z
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must not be negative')
      .max(MAX_GRACE_SECONDS, `must be at most ${MAX_GRACE_SECONDS} (7 days)`)
      .optional()
      .describe(`How long the previous secrets keep signing (default ${DEFAULT_SECRET_GRACE_SECONDS}, 24 hours).`),
  })
  .optional();
const replayBody = z
  .object({
    event_id: z.string().min(1).max(200).optional().describe('Send this event again.'),
    since: z.iso
      .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
      .transform((value) => new Date(value))
      .optional()
      .describe('Send every event since this time again (those the endpoint subscribes to).'),
  })
  .refine((body) => (body.event_id === undefined) !== (body.since === undefined), { message: 'name exactly one of event_id and since' });
const webhookParams = z.object({ webhook_id: z.string().min(1).max(200) });
const deliveriesQuery = z.object({
  status: z.enum(['pending', 'succeeded', 'dead'], { error: 'must be pending, succeeded or dead' }).optional(),
  page_size: z.coerce.number({ error: 'must be a number' }).int().min(1).max(MAX_DELIVERY_PAGE).default(50).describe(`1 to ${MAX_DELIVERY_PAGE} (default 50).`),
  page_token: z.string().max(200).optional().describe('next_page_token of the previous page.'),
});
const settingsBody = z.object({ deactivation_as_deletion: z.boolean() });

const TAG = 'Webhooks';
const base = '/api/v1/webhooks';

export function webhookRoutes(app: FastifyInstance, services: Services, config: EventsConfig): void {
  const policy = { allowPrivateNetworks: config.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS };
  defineRoute(
    app,
    {
      method: 'POST',
      path: base,
      operationId: 'createWebhook',
      tag: TAG,
      summary: 'Create a webhook endpoint',
      description:
        'Events are POSTed signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); the signing secret is in ' +
        'this response only. URLs on private or loopback addresses are refused unless ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true. ' +
        'The endpoint receives events that occur after its creation; each type and its payload is in the webhooks section of this document.',
      examples: {
        request: { url: exampleWebhook.url, description: exampleWebhook.description, event_types: exampleWebhook.event_types },
        response: { webhook: { ...exampleWebhook, last_success_time: null }, secret: exampleWebhookSecret },
      },
      body: createBody,
      status: 201,
      response: createdWebhookResponse,
    },
    async ({ body }, _request, reply) => {
      const created = await createWebhook(
        services,
        { url: body.url, description: body.description, enabled: body.enabled, eventTypes: body.event_types, organizationId: body.organization_id },
        policy,
      );
      reply.header('cache-control', 'no-store');
      return { webhook: serializeWebhook(created.webhook), secret: created.secret };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: base,
      operationId: 'listWebhooks',
      tag: TAG,
      summary: 'List webhook endpoints',
      description: "The environment's endpoints with their health: when they last succeeded or failed, and whether Roster disabled one for failing.",
      examples: { response: { webhooks: [exampleWebhook] } },
      status: 200,
      response: webhookListResponse,
    },
    async () => ({ webhooks: (await listWebhooks(services)).map(serializeWebhook) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/{webhook_id}`,
      operationId: 'getWebhook',
      tag: TAG,
      summary: 'Get a webhook endpoint',
      description: 'One endpoint with its subscription and health (never its secret).',
      examples: { response: { webhook: exampleWebhook } },
      params: webhookParams,
      status: 200,
      response: webhookResponse,
      errors: [404],
    },
    async ({ params }) => ({ webhook: serializeWebhook(await getWebhook(services, params.webhook_id)) }),
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      path: `${base}/{webhook_id}`,
      operationId: 'updateWebhook',
      tag: TAG,
      summary: 'Change a webhook endpoint',
      description: 'Fields not sent keep their value. Setting enabled to true re-enables an endpoint Roster disabled for failing.',
      examples: { request: { enabled: true, event_types: [] }, response: { webhook: { ...exampleWebhook, event_types: [] } } },
      params: webhookParams,
      body: updateBody,
      status: 200,
      response: webhookResponse,
      errors: [404],
    },
    async ({ params, body }) => ({
      webhook: serializeWebhook(
        await updateWebhook(
          services,
          params.webhook_id,
          { url: body.url, description: body.description, enabled: body.enabled, eventTypes: body.event_types, organizationId: body.organization_id },
          policy,
        ),
      ),
    }),
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      path: `${base}/{webhook_id}`,
      operationId: 'deleteWebhook',
      tag: TAG,
      summary: 'Delete a webhook endpoint and its delivery log',
      description: 'No more deliveries are made to it, pending ones included; the events stay readable from the Events API.',
      params: webhookParams,
      status: 204,
      errors: [404],
    },
    async ({ params }) => {
      await deleteWebhook(services, params.webhook_id);
      return undefined;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: `${base}/{webhook_id}/secrets:rotate`,
      operationId: 'rotateWebhookSecret',
      tag: TAG,
      summary: 'Rotate the signing secret',
      description:
        'A new signing secret, shown only in this response. Until the grace period ends (24 hours unless grace_period_seconds says ' +
        'otherwise), deliveries carry one signature per secret, so receivers can switch without losing events.',
      examples: { request: { grace_period_seconds: 86400 }, response: { secret: 'whsec_2b7KqV9xN4mZ8cT1wL6dR3sF5jY0gAhE', previous_secrets_expire_time: '2026-03-03T09:14:07.512Z' } },
      params: webhookParams,
      body: rotateBody,
      status: 200,
      response: rotatedWebhookSecretResponse,
      errors: [404],
    },
    async ({ params, body }, _request, reply) => {
      const rotated = await rotateWebhookSecret(services, params.webhook_id, body?.grace_period_seconds);
      reply.header('cache-control', 'no-store');
      return { secret: rotated.secret, previous_secrets_expire_time: rotated.previousExpireAt.toISOString() };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: `${base}/{webhook_id}:replay`,
      operationId: 'replayWebhook',
      tag: TAG,
      summary: 'Send one event, or every event since a time, again',
      description:
        'Name one event (event_id) or a time (since): the deliveries become due now with a fresh retry window, whatever their state ' +
        '(succeeded or dead). replayed counts them. Receivers dedupe on webhook-id, so a replay of a delivered event is harmless.',
      examples: { request: { event_id: EXAMPLE_IDS.event }, response: { replayed: 1 } },
      params: webhookParams,
      body: replayBody,
      status: 200,
      response: replayResponse,
      errors: [404],
    },
    async ({ params, body }) => ({ replayed: await replayWebhook(services, params.webhook_id, { eventId: body.event_id, since: body.since }) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/{webhook_id}/deliveries`,
      operationId: 'listWebhookDeliveries',
      tag: TAG,
      summary: "List an endpoint's deliveries, newest event first",
      description: 'One delivery per event sent to the endpoint, with its state (pending, succeeded, dead), attempts and last response; status narrows the list.',
      examples: { response: { deliveries: [exampleDelivery], next_page_token: '' } },
      params: webhookParams,
      query: deliveriesQuery,
      status: 200,
      response: deliveryListResponse,
      errors: [404],
    },
    async ({ params, query }) => {
      const rows = await listWebhookDeliveries(services, params.webhook_id, { status: query.status, beforeEventId: query.page_token, limit: query.page_size });
      const last = rows.at(-1);
      return { deliveries: rows.map(serializeDelivery), next_page_token: rows.length === query.page_size && last ? last.event_id : '' };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/{webhook_id}/deliveries/{event_id}`,
      operationId: 'getWebhookDelivery',
      tag: TAG,
      summary: 'Get one delivery with its attempt log',
      description: 'Every attempt to deliver one event: when, the status code (or the error when there was no response), latency and the start of the response body.',
      examples: {
        response: {
          delivery: exampleDelivery,
          attempt_log: [{ attempt: 1, attempt_time: exampleDelivery.create_time, status_code: 204, latency_ms: 84, error: null, response_excerpt: '' }],
        },
      },
      params: webhookParams.extend({ event_id: z.string().min(1).max(200) }),
      status: 200,
      response: deliveryResponse,
      errors: [404],
    },
    async ({ params }) => {
      const { delivery, attempts } = await getWebhookDelivery(services, params.webhook_id, params.event_id);
      return { delivery: serializeDelivery(delivery), attempt_log: attempts.map(serializeAttempt) };
    },
  );

  const settingsPath = '/api/v1/organizations/{organization_id}/directories/{directory_id}/event_settings';
  defineRoute(
    app,
    {
      method: 'GET',
      path: settingsPath,
      operationId: 'getDirectoryEventSettings',
      tag: TAG,
      summary: "A directory's event settings",
      description: 'How events report this directory: whether a deactivated user is reported as deleted.',
      examples: { response: { event_settings: { deactivation_as_deletion: false } } },
      params: directoryParams,
      status: 200,
      response: eventSettingsResponse,
      errors: [404],
    },
    async ({ params }) => {
      const settings = await getEventSettings(services, params.organization_id, params.directory_id);
      return { event_settings: { deactivation_as_deletion: settings.deactivationAsDeletion } };
    },
  );
  defineRoute(
    app,
    {
      method: 'PATCH',
      path: settingsPath,
      operationId: 'updateDirectoryEventSettings',
      tag: TAG,
      summary: "Change a directory's event settings",
      description:
        'deactivation_as_deletion true: a user the IdP deactivates (active: false, as Okta does instead of deleting) is reported as ' +
        'user_deleted, its reactivation as user_created, and nothing while it is inactive. Applies to changes from now on.',
      examples: { request: { deactivation_as_deletion: true }, response: { event_settings: { deactivation_as_deletion: true } } },
      params: directoryParams,
      body: settingsBody,
      status: 200,
      response: eventSettingsResponse,
      errors: [404],
    },
    async ({ params, body }) => {
      const settings = await updateEventSettings(services, params.organization_id, params.directory_id, { deactivationAsDeletion: body.deactivation_as_deletion });
      return { event_settings: { deactivation_as_deletion: settings.deactivationAsDeletion } };
    },
  );
}
