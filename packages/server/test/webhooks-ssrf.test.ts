import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { isPrivateAddress } from '../src/events/ssrf-guard.js';
import { describeEachStore } from './support/each-store.js';
import { createWebhook, management } from './support/events-client.js';
import { USER_SCHEMA, createResource, waitFor } from './support/scim-fixtures.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

// With the default settings, webhooks never reach private, loopback or link-local addresses:
// literal ones are refused when the endpoint is saved, names that resolve to them when a
// delivery connects (so DNS cannot be used to get around the check).
delete process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS;
process.env.ROSTER_WEBHOOK_RETRY_BASE_MS = '100';
process.env.ROSTER_WEBHOOK_RETRY_WINDOW_SECONDS = '60';

const receivers: WebhookReceiver[] = [];
after(async () => {
  for (const receiver of receivers) await receiver.close();
});

describeEachStore('Webhook SSRF guard', (fixture) => {
  const base = () => fixture.server().baseUrl;
  const token = () => fixture.directory().accessToken;

  test('private, loopback and link-local URLs are refused when the endpoint is saved', async () => {
    const refused = [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hook',
      'http://192.168.1.10/hook',
      'http://172.20.0.1/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[fd00::1]/hook',
      'http://0.0.0.0/hook',
      'http://localhost:3000/hook',
    ];
    for (const url of refused) {
      const response = await management<{ code: string; message: string }>('POST', `${base()}/api/v1/webhooks`, token(), { url });
      assert.equal(response.status, 400, `${url}: ${response.text}`);
      assert.match(response.body.message, /ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS/);
    }
    const created = await createWebhook(base(), token(), { url: 'https://hooks.example.com/roster' });
    const moved = await management('PATCH', `${base()}/api/v1/webhooks/${created.webhook.id}`, token(), { url: 'http://127.0.0.1/hook' });
    assert.equal(moved.status, 400);
    await management('DELETE', `${base()}/api/v1/webhooks/${created.webhook.id}`, token());
  });

  test('a name that resolves to a private address is refused at delivery, and the attempt says why', async (context) => {
    const name = hostname();
    const resolved = await lookup(name).catch(() => undefined);
    if (!resolved || !isPrivateAddress(resolved.address)) return context.skip(`${name} does not resolve to a private address here`);
    const target = await WebhookReceiver.start(undefined, resolved.address);
    receivers.push(target);
    const url = target.url.replace(resolved.address, name);
    const created = await createWebhook(base(), token(), { url, event_types: ['organization.directory.user_created'] });
    await createResource(fixture.directory(), 'Users', { schemas: [USER_SCHEMA], userName: 'ssrf@example.com' });
    const attempt = await waitFor(async () => {
      const list = await management<{ deliveries: { event_id: string; last_error: string | null }[] }>('GET', `${base()}/api/v1/webhooks/${created.webhook.id}/deliveries`, token());
      return list.body.deliveries.find((delivery) => delivery.last_error !== null);
    }, 10_000);
    assert.match(attempt?.last_error ?? '', new RegExp(`refused: ${name} resolves to ${resolved.address}`));
    assert.equal(target.received.length, 0, 'nothing reached the private address');
    await management('DELETE', `${base()}/api/v1/webhooks/${created.webhook.id}`, token());
  });
});
