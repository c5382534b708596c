import { ApiError, notFound } from '../directory/api-error.js';
import type { Services } from '../directory/services.js';
import type { EventsConfig } from '../events/events-config.js';
import { WebhookSender } from '../events/http-sender.js';
import { webhookHeaders } from '../events/signing.js';
import { newId } from '../ids.js';
import { findWebhookEndpoint } from '../store/webhook-endpoints.js';
import { readLiveWebhookSecrets } from '../events/webhook-secrets.js';

// The dashboard's "send test event": one signed POST of a `webhook.test` event to an endpoint,
// right away, answered with what the receiver said. It is a diagnostic the person waits for,
// not an event of the log: nothing is stored, retried or counted against the endpoint.

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
  const sender = new WebhookSender({
    timeoutMs: config.ROSTER_WEBHOOK_TIMEOUT_SECONDS * 1000,
    allowPrivateNetworks: config.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    maxSocketsPerOrigin: 1,
  });
  try {
    const headers = { 'content-type': 'application/json', 'user-agent': 'Roster-Webhooks/1', ...webhookHeaders(secrets, id, Math.floor(Date.now() / 1000), body) };
    const result = await sender.send(endpoint.url, headers, body);
    return { event_id: id, status_code: result.statusCode, latency_ms: Math.round(result.latencyMs), error: result.error, response_excerpt: result.responseExcerpt };
  } finally {
    sender.close();
  }
}
