import { eventIdBefore } from '../../events/event-ids.js';
import { isEventType, EVENT_TYPES } from '../../events/event-types.js';
import { newWebhookSecret } from '../../events/signing.js';
import { storedWebhookSecret } from '../../events/webhook-secrets.js';
import { isPrivateAddress, literalAddress } from '../../events/ssrf-guard.js';
import { newId } from '../../ids.js';
import { findOrganization } from '../../store/organizations.js';
import { withTransaction } from '../../store/transaction.js';
import {
  findDelivery,
  listAttempts,
  listDeliveries,
  replayEvent,
  replayEventsSince,
  type AttemptRow,
  type DeliveryRow,
  type DeliveryStatus,
} from '../../store/webhook-deliveries.js';
import {
  deleteWebhookEndpoint,
  expireWebhookSecrets,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  insertWebhookSecret,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  type EndpointInput,
  type WebhookEndpointRow,
} from '../../store/webhook-endpoints.js';
import { invalidArgument, notFound } from '../api-error.js';
import type { Services } from '../services.js';

export interface WebhookInput {
  url: string;
  description?: string | undefined;
  enabled?: boolean | undefined;
  eventTypes?: string[] | undefined;
  organizationId?: string | null | undefined;
}

export interface WebhookPolicy {
  /** ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS */
  allowPrivateNetworks: boolean;
}

/** The URL's checks that need no network: scheme, and no literal private address unless allowed (DNS is checked per delivery). */
function checkUrl(value: string, policy: WebhookPolicy): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidArgument('url', 'must be an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidArgument('url', 'must be an http:// or https:// URL');
  if (!policy.allowPrivateNetworks) {
    const literal = literalAddress(url.hostname);
    const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
    if (local || (literal !== undefined && isPrivateAddress(literal))) {
      throw invalidArgument('url', `${url.hostname} is a private or loopback address; webhooks to private networks are refused unless ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`);
    }
  }
  return url.toString();
}

function checkEventTypes(types: string[]): string[] {
  const unknown = types.filter((type) => !isEventType(type));
  if (unknown.length > 0) throw invalidArgument('event_types', `unknown event types ${unknown.join(', ')}; known: ${EVENT_TYPES.join(', ')}`);
  return [...new Set(types)];
}

async function checkOrganization(services: Services, organizationId: string | null): Promise<string | null> {
  if (organizationId !== null && !(await findOrganization(services.db.pool, organizationId))) {
    throw invalidArgument('organization_id', `organization ${organizationId} was not found`);
  }
  return organizationId;
}

async function endpointInput(services: Services, input: WebhookInput, current: WebhookEndpointRow | undefined, policy: WebhookPolicy): Promise<EndpointInput> {
  return {
    url: checkUrl(input.url, policy),
    description: input.description ?? current?.description ?? '',
    enabled: input.enabled ?? current?.enabled ?? true,
    eventTypes: input.eventTypes === undefined ? (current?.event_types ?? []) : checkEventTypes(input.eventTypes),
    organizationId: input.organizationId === undefined ? (current?.organization_id ?? null) : await checkOrganization(services, input.organizationId),
  };
}

export async function getWebhook(services: Services, id: string): Promise<WebhookEndpointRow> {
  const row = await findWebhookEndpoint(services.db.pool, id);
  if (!row) throw notFound('webhook', id);
  return row;
}

/** A new endpoint and its signing secret, which is only ever shown here (and at rotation). */
export async function createWebhook(services: Services, input: WebhookInput, policy: WebhookPolicy): Promise<{ webhook: WebhookEndpointRow; secret: string }> {
  const values = await endpointInput(services, input, undefined, policy);
  const secret = newWebhookSecret();
  const webhook = await withTransaction(services.db, async (client) => {
    const row = await insertWebhookEndpoint(client, newId('ep'), values);
    const secretId = newId('whsec');
    await insertWebhookSecret(client, row.id, secretId, storedWebhookSecret(services.secretBox, row.id, secretId, secret));
    return row;
  });
  return { webhook, secret };
}

export function listWebhooks(services: Services): Promise<WebhookEndpointRow[]> {
  return listWebhookEndpoints(services.db.pool);
}

/** Changes the given fields. Re-enabling an endpoint clears its failure record. */
export async function updateWebhook(services: Services, id: string, input: Partial<WebhookInput>, policy: WebhookPolicy): Promise<WebhookEndpointRow> {
  const current = await getWebhook(services, id);
  const values = await endpointInput(services, { ...input, url: input.url ?? current.url }, current, policy);
  const row = await updateWebhookEndpoint(services.db.pool, id, values);
  if (!row) throw notFound('webhook', id);
  return row;
}

export async function deleteWebhook(services: Services, id: string): Promise<void> {
  if (!(await deleteWebhookEndpoint(services.db.pool, id))) throw notFound('webhook', id);
}

export const DEFAULT_SECRET_GRACE_SECONDS = 24 * 3600;

/** A new signing secret; the old ones keep signing (both signatures are sent) until the grace period ends. */
export async function rotateWebhookSecret(services: Services, id: string, graceSeconds = DEFAULT_SECRET_GRACE_SECONDS): Promise<{ secret: string; previousExpireAt: Date }> {
  await getWebhook(services, id);
  const secret = newWebhookSecret();
  const previousExpireAt = new Date(Date.now() + graceSeconds * 1000);
  await withTransaction(services.db, async (client) => {
    await expireWebhookSecrets(client, id, previousExpireAt);
    const secretId = newId('whsec');
    await insertWebhookSecret(client, id, secretId, storedWebhookSecret(services.secretBox, id, secretId, secret));
  });
  return { secret, previousExpireAt };
}

/** Sends one event again, or every event since a time that the endpoint's filters want. Returns how many. */
export async function replayWebhook(services: Services, id: string, request: { eventId?: string | undefined; since?: Date | undefined }): Promise<number> {
  await getWebhook(services, id);
  const db = services.db.pool;
  if (request.eventId !== undefined) {
    if (!(await replayEvent(db, id, request.eventId))) throw notFound('event', request.eventId);
    return 1;
  }
  if (request.since === undefined) throw invalidArgument('body', 'name an event_id or a since time');
  return replayEventsSince(db, id, eventIdBefore(request.since), request.since);
}

export async function listWebhookDeliveries(
  services: Services,
  id: string,
  options: { status?: DeliveryStatus | undefined; beforeEventId?: string | undefined; limit: number },
): Promise<DeliveryRow[]> {
  await getWebhook(services, id);
  return listDeliveries(services.db.pool, id, options);
}

export async function getWebhookDelivery(services: Services, id: string, eventId: string): Promise<{ delivery: DeliveryRow; attempts: AttemptRow[] }> {
  await getWebhook(services, id);
  const delivery = await findDelivery(services.db.pool, id, eventId);
  if (!delivery) throw notFound('delivery', eventId);
  return { delivery, attempts: await listAttempts(services.db.pool, id, eventId) };
}
