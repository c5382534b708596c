import { data, defined, noContent, timestamp, type RosterApi } from '../api.js';

export interface WebhookFields {
  /** Where events are POSTed (https:// in production). */
  url: string;
  description?: string;
  /** Default true. Enabling clears the failure record. */
  enabled?: boolean;
  /** Types to receive; all when left out or empty. */
  eventTypes?: string[];
  /** Only this organization's events; all when left out (null clears it on update). */
  organizationId?: string | null;
}

const WEBHOOK = '/api/v1/webhooks/{webhook_id}';

const body = (fields: Partial<WebhookFields>) =>
  defined({ url: fields.url, description: fields.description, enabled: fields.enabled, event_types: fields.eventTypes, organization_id: fields.organizationId });

/** `roster.webhooks`: endpoints that receive events signed per Standard Webhooks (check them with verifyWebhookPayload). */
export class WebhookClient {
  constructor(private readonly api: RosterApi) {}

  /** The signing secret (`whsec_...`) is in this answer only. */
  create(webhook: WebhookFields) {
    return data(this.api.POST('/api/v1/webhooks', { body: { ...body(webhook), url: webhook.url } }));
  }

  list() {
    return data(this.api.GET('/api/v1/webhooks'));
  }

  get(webhookId: string) {
    return data(this.api.GET(WEBHOOK, { params: { path: { webhook_id: webhookId } } }));
  }

  /** Fields left out keep their value. */
  update(webhookId: string, update: Partial<WebhookFields>) {
    return data(this.api.PATCH(WEBHOOK, { params: { path: { webhook_id: webhookId } }, body: body(update) }));
  }

  delete(webhookId: string): Promise<void> {
    return noContent(this.api.DELETE(WEBHOOK, { params: { path: { webhook_id: webhookId } } }));
  }

  /** A new signing secret; deliveries carry a signature for each secret until the grace period (24 hours by default) ends. */
  rotateSecret(webhookId: string, options: { gracePeriodSeconds?: number } = {}) {
    return data(
      this.api.POST(`${WEBHOOK}/secrets:rotate`, { params: { path: { webhook_id: webhookId } }, body: defined({ grace_period_seconds: options.gracePeriodSeconds }) }),
    );
  }

  /** Sends one event, or every event since a time, again. */
  replay(webhookId: string, what: { eventId: string } | { since: string | Date }) {
    const replayBody = 'eventId' in what ? { event_id: what.eventId } : { since: timestamp(what.since) };
    return data(this.api.POST(`${WEBHOOK}:replay`, { params: { path: { webhook_id: webhookId } }, body: replayBody }));
  }

  /** Deliveries, newest event first. */
  listDeliveries(webhookId: string, options: { status?: 'pending' | 'succeeded' | 'dead'; pageSize?: number; pageToken?: string } = {}) {
    return data(
      this.api.GET(`${WEBHOOK}/deliveries`, {
        params: { path: { webhook_id: webhookId }, query: defined({ status: options.status, page_size: options.pageSize, page_token: options.pageToken }) },
      }),
    );
  }

  /** One delivery with its attempt log. */
  getDelivery(webhookId: string, eventId: string) {
    return data(this.api.GET(`${WEBHOOK}/deliveries/{event_id}`, { params: { path: { webhook_id: webhookId, event_id: eventId } } }));
  }
}
