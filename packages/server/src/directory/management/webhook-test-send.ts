import type { EventsConfig } from '../../events/events-config.js';
import { webhookSender } from '../../events/http-sender.js';
import { readLiveWebhookSecrets } from '../../events/webhook-secrets.js';
import { newId } from '../../ids.js';
import { findWebhookEndpoint } from '../../store/webhook-endpoints.js';
import { ApiError, notFound } from '../api-error.js';
import type { Services } from '../services.js';

// The dashboard's "send test event": one signed POST of a `webhook.test` event to an endpoint,
// right away, answered with what the receiver said. It is a diagnostic the person waits for,
// not an event of the log: nothing is stored, retried or counted against the endpoint. It is
// signed and sent the way the delivery worker sends (events/http-sender.ts), over a connection
// of its own.

export interface TestSendResult {
  event_id: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export async function sendTestWebhook(services: Services, endpointId: string, config: EventsConfig): Promise<TestSendResult> {
  const endpoint = await findWebhookEndpoint(services.db.pool, endpointId);
  if (!endpoint) throw notFound('webhook', endpointId);
  const unreadable: unknown[] = [];
  const secrets = (await readLiveWebhookSecrets(services.db.pool, services.secretBox, [endpointId], (_endpoint, _secret, error) => unreadable.push(error))).map((row) => row.secret);
  if (secrets.length === 0) {
    throw new ApiError(409, 'secret_unreadable', `The endpoint's signing secret cannot be read (${String(unreadable[0])}); rotate it to get a new one`);
  }
  const id = newId('evt');
  const body = JSON.stringify({
    spec_version: '1',
    id,
    type: 'webhook.test',
    occurred_at: new Date().toISOString(),
    environment_id: services.environmentId,
    organization_id: endpoint.organization_id,
    directory_id: null,
    object: 'Test',
    data: { message: 'A test event sent from the Roster dashboard; it is not part of the event log.' },
  });
  const sender = webhookSender(config, 1);
  try {
    const result = await sender.sendSigned(endpoint.url, secrets, id, body, new Date());
    return { event_id: id, status_code: result.statusCode, latency_ms: Math.round(result.latencyMs), error: result.error, response_excerpt: result.responseExcerpt };
  } finally {
    sender.close();
  }
}
