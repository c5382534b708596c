import { z } from 'zod';
import type { AttemptRow, DeliveryRow } from '../../store/webhook-deliveries.js';
import type { WebhookEndpointRow } from '../../store/webhook-endpoints.js';
import { iso, isoOrNull, timestamp } from './common.js';

export const webhookSchema = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    enabled: z.boolean(),
    disabled_reason: z
      .enum(['manual', 'failing'])
      .nullable()
      .describe('"failing": Roster disabled it after it failed without a success for ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS and a delivery died.'),
    event_types: z.array(z.string()).describe('The event types it receives; empty: all.'),
    organization_id: z.string().nullable().describe("Only this organization's events; null: all."),
    failing_since: timestamp.nullable().describe('The first failed attempt since the last success.'),
    last_success_time: timestamp.nullable(),
    last_failure_time: timestamp.nullable(),
    create_time: timestamp,
    update_time: timestamp,
  })
  .meta({ id: 'Webhook', description: 'An endpoint that receives events, signed per Standard Webhooks.' });

type WebhookJson = z.infer<typeof webhookSchema>;

export function serializeWebhook(row: WebhookEndpointRow): WebhookJson {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    enabled: row.enabled,
    disabled_reason: row.disabled_reason,
    event_types: row.event_types,
    organization_id: row.organization_id,
    failing_since: isoOrNull(row.failing_since),
    last_success_time: isoOrNull(row.last_success_at),
    last_failure_time: isoOrNull(row.last_failure_at),
    create_time: iso(row.created_at),
    update_time: iso(row.updated_at),
  };
}

export const webhookResponse = z.strictObject({ webhook: webhookSchema }).meta({ id: 'WebhookResponse' });
export const webhookListResponse = z.strictObject({ webhooks: z.array(webhookSchema) }).meta({ id: 'ListWebhooksResponse' });
export const createdWebhookResponse = z
  .strictObject({ webhook: webhookSchema, secret: z.string().describe('whsec_...: the signing secret, shown only now.') })
  .meta({ id: 'CreateWebhookResponse' });
export const rotatedWebhookSecretResponse = z
  .strictObject({
    secret: z.string().describe('The new whsec_... secret, shown only now.'),
    previous_secrets_expire_time: timestamp.describe('Until then deliveries carry a signature for each secret.'),
  })
  .meta({ id: 'RotateWebhookSecretResponse' });
export const replayResponse = z.strictObject({ replayed: z.number().int().min(0).describe('Deliveries made due now.') }).meta({ id: 'ReplayWebhookResponse' });

export const deliverySchema = z
  .strictObject({
    webhook_id: z.string(),
    event_id: z.string(),
    status: z.enum(['pending', 'succeeded', 'dead']).describe('dead: its retries (about three days) ran out.'),
    attempts: z.number().int().min(0),
    next_attempt_time: timestamp.nullable().describe('While pending: when it is tried next (or when an attempt in flight times out).'),
    last_attempt_time: timestamp.nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    create_time: timestamp,
    complete_time: timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export function serializeDelivery(row: DeliveryRow): z.infer<typeof deliverySchema> {
  return {
    webhook_id: row.endpoint_id,
    event_id: row.event_id,
    status: row.status,
    attempts: row.attempts,
    next_attempt_time: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    last_attempt_time: isoOrNull(row.last_attempt_at),
    last_status_code: row.last_status,
    last_error: row.last_error,
    create_time: iso(row.created_at),
    complete_time: isoOrNull(row.completed_at),
  };
}

const attemptSchema = z.strictObject({
  attempt: z.number().int(),
  attempt_time: timestamp,
  status_code: z.number().int().nullable().describe('null: no response (refused, timed out, connection failed).'),
  latency_ms: z.number().int(),
  error: z.string().nullable(),
  response_excerpt: z.string().nullable().describe('The first 1,000 characters of the response body.'),
});

export function serializeAttempt(row: AttemptRow): z.infer<typeof attemptSchema> {
  return {
    attempt: row.attempt,
    attempt_time: iso(row.attempted_at),
    status_code: row.status_code,
    latency_ms: row.latency_ms,
    error: row.error,
    response_excerpt: row.response_excerpt,
  };
}

export const deliveryResponse = z
  .strictObject({ delivery: deliverySchema, attempt_log: z.array(attemptSchema).describe('Every attempt, oldest first.') })
  .meta({ id: 'WebhookDeliveryResponse' });
export const deliveryListResponse = z
  .strictObject({ deliveries: z.array(deliverySchema), next_page_token: z.string().describe('Pass as page_token for the next page; empty on the last page.') })
  .meta({ id: 'ListWebhookDeliveriesResponse' });

export const eventSettingsResponse = z
  .strictObject({
    event_settings: z.strictObject({
      deactivation_as_deletion: z
        .boolean()
        .describe('When true, a deactivated user (active: false) is reported as user_deleted, its reactivation as user_created, and nothing in between.'),
    }),
  })
  .meta({ id: 'DirectoryEventSettingsResponse' });
