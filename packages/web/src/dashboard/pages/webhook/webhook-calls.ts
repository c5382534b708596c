import type { ApiClient } from '../../../shared/api.js';

// The management API paths of one webhook endpoint, with its id filled in: every card of the
// endpoint's page calls through these.

export function webhookCalls(api: ApiClient, webhookId: string) {
  const path = { webhook_id: webhookId };
  const client = api.management;
  return {
    get: () => client.GET('/api/v1/webhooks/{webhook_id}', { params: { path } }),
    setEnabled: (enabled: boolean) => client.PATCH('/api/v1/webhooks/{webhook_id}', { params: { path }, body: { enabled } }),
    remove: () => client.DELETE('/api/v1/webhooks/{webhook_id}', { params: { path } }),
    rotateSecret: () => client.POST('/api/v1/webhooks/{webhook_id}/secrets:rotate', { params: { path } }),
    replay: (what: { event_id: string } | { since: string }) => client.POST('/api/v1/webhooks/{webhook_id}:replay', { params: { path }, body: what }),
    deliveries: (status: DeliveryStatus | '') =>
      client.GET('/api/v1/webhooks/{webhook_id}/deliveries', { params: { path, query: { page_size: 50, ...(status ? { status } : {}) } } }),
    delivery: (eventId: string) => client.GET('/api/v1/webhooks/{webhook_id}/deliveries/{event_id}', { params: { path: { ...path, event_id: eventId } } }),
  };
}

export type WebhookCalls = ReturnType<typeof webhookCalls>;
export type DeliveryStatus = 'pending' | 'succeeded' | 'dead';
