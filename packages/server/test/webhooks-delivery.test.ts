import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { createWebhook, management, type EventJson } from './support/events-client.js';
import { USER_SCHEMA, createResource, waitFor, type Json } from './support/scim-fixtures.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

// Webhook delivery end to end: a real server delivers to real receivers on loopback. Retries
// are made fast here (200 ms base, a 4 s window, 1 s timeout); the schedule itself is unit-tested.
process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
process.env.ROSTER_WEBHOOK_RETRY_BASE_MS = '200';
process.env.ROSTER_WEBHOOK_RETRY_WINDOW_SECONDS = '4';
process.env.ROSTER_WEBHOOK_TIMEOUT_SECONDS = '1';
process.env.ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS = '0';

const USER_CREATED = 'organization.directory.user_created';

interface Delivery {
  delivery: { status: string; attempts: number; last_status_code: number | null; last_error: string | null };
  attempt_log: { attempt: number; attempt_time: string; status_code: number | null; latency_ms: number; error: string | null; response_excerpt: string | null }[];
}

const receivers: WebhookReceiver[] = [];
after(async () => {
  for (const receiver of receivers) await receiver.close();
});

async function receiver(...args: Parameters<typeof WebhookReceiver.start>): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start(...args);
  receivers.push(started);
  return started;
}

describeEachStore('Webhook delivery', (fixture) => {
  const base = () => fixture.server().baseUrl;
  const token = () => fixture.directory().accessToken;
  const webhookUrl = (id: string) => `${base()}/api/v1/webhooks/${id}`;

  async function newUser(userName: string, directory = fixture.directory()): Promise<string> {
    return String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName })).id);
  }

  /** The id of the user_created event of this user, once the Events API serves it. */
  async function eventOfUser(userId: string): Promise<EventJson> {
    const found = await waitFor(async () => {
      const page = await http<{ events: EventJson[] }>('GET', `${base()}/api/v1/events?types=${USER_CREATED}&limit=1000&directory_id=${fixture.directory().directoryId}`, { token: token() });
      return page.body.events.find((event) => event.data.id === userId);
    }, 10_000);
    assert.ok(found, `no user_created event for ${userId}`);
    return found;
  }

  const receivedFor = (target: WebhookReceiver, userId: string) => target.received.filter((webhook) => (webhook.event.data as Json | undefined)?.id === userId);

  /** The delivery with its attempt log; a not-yet-fanned-out delivery (404) reads as no attempts. */
  async function delivery(webhookId: string, eventId: string): Promise<Delivery> {
    const response = await management<Delivery>('GET', `${webhookUrl(webhookId)}/deliveries/${eventId}`, token());
    if (response.status === 404) return { delivery: { status: 'not yet', attempts: 0, last_status_code: null, last_error: null }, attempt_log: [] };
    assert.equal(response.status, 200, response.text);
    return response.body;
  }

  test('the secret is shown once; deliveries are signed per Standard Webhooks and carry the event as the Events API shows it', async () => {
    const target = await receiver();
    const created = await createWebhook(base(), token(), { url: target.url, description: 'the app', event_types: [USER_CREATED] });
    assert.match(created.secret, /^whsec_[A-Za-z0-9+/=]{44}$/);
    assert.equal(created.webhook.enabled, true);
    assert.deepEqual(created.webhook.event_types, [USER_CREATED]);
    const fetched = await management<{ webhook: Json }>('GET', webhookUrl(created.webhook.id), token());
    assert.equal(JSON.stringify(fetched.body).includes(created.secret), false, 'the secret is never shown again');

    const userId = await newUser('signed@example.com');
    assert.ok(await waitFor(async () => (receivedFor(target, userId).length > 0 ? true : undefined), 10_000), 'delivered');
    const [webhook] = receivedFor(target, userId);
    assert.ok(webhook);
    const event = await eventOfUser(userId);
    assert.equal(webhook.id, event.id);
    assert.equal(webhook.headers['content-type'], 'application/json');
    assert.ok(Math.abs(Number(webhook.timestamp) - Date.now() / 1000) < 60);
    assert.deepEqual(new Webhook(created.secret).verify(webhook.body, { 'webhook-id': webhook.id, 'webhook-timestamp': webhook.timestamp, 'webhook-signature': webhook.signature }), event);
    assert.deepEqual(target.unverified([created.secret]), []);
    const other = await createWebhook(base(), token(), { url: target.url, event_types: ['organization.directory.group_deleted'] });
    assert.equal(target.unverified([other.secret]).length, target.received.length, 'another secret does not verify');

    const logged = await waitFor(async () => {
      const found = await delivery(created.webhook.id, event.id);
      return found.delivery.status === 'succeeded' ? found : undefined;
    }, 5_000);
    assert.equal(logged?.delivery.attempts, 1);
    assert.deepEqual(logged?.attempt_log.map((attempt) => attempt.status_code), [204]);
    await management('DELETE', webhookUrl(created.webhook.id), token());
    await management('DELETE', webhookUrl(other.webhook.id), token());
  });

  test('filters: an endpoint gets only its event types and its organization', async () => {
    const typed = await receiver();
    const scoped = await receiver();
    const otherDirectory = await fixture.newDirectory();
    const byType = await createWebhook(base(), token(), { url: typed.url, event_types: ['organization.directory.group_created'] });
    const byOrganization = await createWebhook(base(), token(), { url: scoped.url, organization_id: otherDirectory.organizationId });
    await newUser('not-for-typed@example.com');
    const group = await createResource(fixture.directory(), 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Filtered' });
    const otherUser = await newUser('other-org@example.com', otherDirectory);
    await waitFor(async () => (typed.received.length > 0 && scoped.received.length > 0 ? true : undefined), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(typed.received.map((webhook) => [webhook.event.type, (webhook.event.data as Json).id]), [['organization.directory.group_created', group.id]]);
    assert.deepEqual(scoped.received.map((webhook) => [webhook.event.type, (webhook.event.data as Json).id]), [[USER_CREATED, otherUser]]);
    await management('DELETE', webhookUrl(byType.webhook.id), token());
    await management('DELETE', webhookUrl(byOrganization.webhook.id), token());
  });

  test('a failing receiver is retried with growing delays until it recovers; every attempt is logged', async () => {
    const target = await receiver((_request, count) => (count <= 3 ? { status: 500, body: `boom ${count}` } : { status: 200, body: 'ok' }));
    const created = await createWebhook(base(), token(), { url: target.url, event_types: [USER_CREATED] });
    const userId = await newUser('retried@example.com');
    const event = await eventOfUser(userId);
    const done = await waitFor(async () => {
      const found = await delivery(created.webhook.id, event.id);
      return found.delivery.status === 'succeeded' ? found : undefined;
    }, 10_000);
    assert.ok(done, 'delivered after retries');
    assert.equal(done.delivery.attempts, 4);
    assert.deepEqual(done.attempt_log.map((attempt) => [attempt.attempt, attempt.status_code, attempt.response_excerpt]), [
      [1, 500, 'boom 1'],
      [2, 500, 'boom 2'],
      [3, 500, 'boom 3'],
      [4, 200, 'ok'],
    ]);
    assert.deepEqual(target.ids(), [event.id, event.id, event.id, event.id], 'the same webhook-id every time');
    const times = done.attempt_log.map((attempt) => Date.parse(attempt.attempt_time));
    const gaps = times.slice(1).map((time, index) => time - (times[index] ?? 0));
    // 200 ms doubling, +-20% jitter: at least 160, 320, 640 ms.
    assert.ok(gaps.every((gap, index) => gap >= 160 * 2 ** index), `backoff gaps ${gaps.join(', ')} ms`);
    const webhook = await management<{ webhook: Json }>('GET', webhookUrl(created.webhook.id), token());
    assert.equal(webhook.body.webhook.failing_since, null, 'a success ends the failing streak');
    assert.equal(webhook.body.webhook.enabled, true);
    await management('DELETE', webhookUrl(created.webhook.id), token());
  });

  test('when retries run out the delivery is dead and the endpoint disabled; re-enabled, a replay delivers it', async () => {
    let healthy = false;
    const target = await receiver(() => (healthy ? { status: 200 } : { status: 503, body: 'down' }));
    const created = await createWebhook(base(), token(), { url: target.url, event_types: [USER_CREATED] });
    const userId = await newUser('dead-letter@example.com');
    const event = await eventOfUser(userId);
    const dead = await waitFor(async () => {
      const found = await delivery(created.webhook.id, event.id);
      return found.delivery.status === 'dead' ? found : undefined;
    }, 15_000);
    assert.ok(dead, 'the delivery died');
    assert.ok(dead.delivery.attempts >= 3, `${dead.delivery.attempts} attempts`);
    assert.equal(dead.delivery.last_status_code, 503);
    const listed = await management<{ deliveries: { event_id: string; status: string }[] }>('GET', `${webhookUrl(created.webhook.id)}/deliveries?status=dead`, token());
    assert.deepEqual(listed.body.deliveries.map((each) => [each.event_id, each.status]), [[event.id, 'dead']]);
    const disabled = await waitFor(async () => {
      const found = await management<{ webhook: Json }>('GET', webhookUrl(created.webhook.id), token());
      return found.body.webhook.enabled === false ? found.body.webhook : undefined;
    }, 5_000);
    assert.equal(disabled?.disabled_reason, 'failing');
    assert.equal(typeof disabled?.failing_since, 'string');

    // Disabled: new events are not delivered to it.
    const received = target.received.length;
    await newUser('while-disabled@example.com');
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(target.received.length, received);

    healthy = true;
    const enabled = await management<{ webhook: Json }>('PATCH', webhookUrl(created.webhook.id), token(), { enabled: true });
    assert.deepEqual([enabled.body.webhook.enabled, enabled.body.webhook.disabled_reason, enabled.body.webhook.failing_since], [true, null, null]);
    const replay = await management<{ replayed: number }>('POST', `${webhookUrl(created.webhook.id)}:replay`, token(), { event_id: event.id });
    assert.deepEqual(replay.body, { replayed: 1 });
    const redelivered = await waitFor(async () => {
      const found = await delivery(created.webhook.id, event.id);
      return found.delivery.status === 'succeeded' ? found : undefined;
    }, 10_000);
    assert.ok(redelivered, 'replayed and delivered');
    assert.equal(redelivered.attempt_log.at(-1)?.status_code, 200);
    await management('DELETE', webhookUrl(created.webhook.id), token());
  });

  test('replay everything since a time sends those events again', async () => {
    const directory = await fixture.newDirectory();
    const target = await receiver();
    const created = await createWebhook(base(), token(), { url: target.url, event_types: [USER_CREATED], organization_id: directory.organizationId });
    const since = new Date(Date.now() - 1_000).toISOString();
    const users = [await newUser('r1@example.com', directory), await newUser('r2@example.com', directory), await newUser('r3@example.com', directory)];
    await waitFor(async () => (target.received.length >= 3 ? true : undefined), 10_000);
    const replay = await management<{ replayed: number }>('POST', `${webhookUrl(created.webhook.id)}:replay`, token(), { since });
    assert.deepEqual(replay.body, { replayed: 3 });
    await waitFor(async () => (target.received.length >= 6 ? true : undefined), 10_000);
    const perUser = users.map((userId) => receivedFor(target, userId).length);
    assert.deepEqual(perUser, [2, 2, 2]);
    const bad = await management('POST', `${webhookUrl(created.webhook.id)}:replay`, token(), {});
    assert.equal(bad.status, 400);
    const unknown = await management('POST', `${webhookUrl(created.webhook.id)}:replay`, token(), { event_id: 'evt_nope' });
    assert.equal(unknown.status, 404);
    await management('DELETE', webhookUrl(created.webhook.id), token());
  });

  test('after a rotation, deliveries are signed with both secrets until the grace period ends', async () => {
    const target = await receiver();
    const created = await createWebhook(base(), token(), { url: target.url, event_types: [USER_CREATED] });
    const rotated = await management<{ secret: string; previous_secrets_expire_time: string }>('POST', `${webhookUrl(created.webhook.id)}/secrets:rotate`, token(), { grace_period_seconds: 3600 });
    assert.equal(rotated.status, 200, rotated.text);
    assert.notEqual(rotated.body.secret, created.secret);
    assert.ok(Date.parse(rotated.body.previous_secrets_expire_time) > Date.now() + 3_500_000);
    // The worker picks up endpoint changes within a second.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const userId = await newUser('rotated@example.com');
    await waitFor(async () => (receivedFor(target, userId).length > 0 ? true : undefined), 10_000);
    const [webhook] = receivedFor(target, userId);
    assert.equal(webhook?.signature.split(' ').length, 2);
    assert.deepEqual(target.unverified([created.secret]).filter((each) => each === webhook), []);
    assert.deepEqual(target.unverified([rotated.body.secret]).filter((each) => each === webhook), []);
    await management('DELETE', webhookUrl(created.webhook.id), token());
  });

  test('a receiver that hangs times out; a slow endpoint does not hold up a fast one', async () => {
    const slow = await receiver(() => ({ status: 200, delayMs: 5_000 }));
    const fast = await receiver();
    const slowHook = await createWebhook(base(), token(), { url: slow.url, event_types: [USER_CREATED] });
    const fastHook = await createWebhook(base(), token(), { url: fast.url, event_types: [USER_CREATED] });
    const started = Date.now();
    const users: string[] = [];
    for (let index = 0; index < 40; index++) users.push(await newUser(`hurry-${index}@example.com`));
    const all = await waitFor(async () => (users.every((userId) => receivedFor(fast, userId).length > 0) ? true : undefined), 10_000);
    assert.ok(all, 'the fast endpoint got every event');
    assert.ok(Date.now() - started < 8_000, `took ${Date.now() - started} ms`);
    const event = await eventOfUser(users[0] ?? '');
    const timedOut = await waitFor(async () => {
      const found = await delivery(slowHook.webhook.id, event.id);
      return found.attempt_log.length > 0 ? found : undefined;
    }, 5_000);
    assert.equal(timedOut?.attempt_log[0]?.status_code, null);
    assert.match(timedOut?.attempt_log[0]?.error ?? '', /timed out after 1000 ms/);
    await management('DELETE', webhookUrl(slowHook.webhook.id), token());
    await management('DELETE', webhookUrl(fastHook.webhook.id), token());
  });

  test('mistakes: bad URL, unknown event type or organization are 400; an unknown webhook is 404', async () => {
    const cases: Json[] = [
      { url: 'not a url' },
      { url: 'ftp://example.com/hook' },
      { url: 'https://example.com/hook', event_types: ['user.created'] },
      { url: 'https://example.com/hook', organization_id: 'org_nope' },
      { description: 'no url' },
    ];
    for (const body of cases) {
      const response = await management('POST', `${base()}/api/v1/webhooks`, token(), body);
      assert.equal(response.status, 400, `${JSON.stringify(body)}: ${response.text}`);
    }
    assert.equal((await management('GET', webhookUrl('ep_nope'), token())).status, 404);
    assert.equal((await management('PATCH', webhookUrl('ep_nope'), token(), { enabled: false })).status, 404);
    assert.equal((await management('DELETE', webhookUrl('ep_nope'), token())).status, 404);
    assert.equal((await management('POST', `${webhookUrl('ep_nope')}/secrets:rotate`, token(), {})).status, 404);
    const list = await management<{ webhooks: Json[] }>('GET', `${base()}/api/v1/webhooks`, token());
    assert.equal(list.status, 200);
  });
});
