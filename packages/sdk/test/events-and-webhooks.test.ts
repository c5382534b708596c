import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { WebhookReceiver, type ReceivedWebhook } from '../../server/test/support/webhook-receiver.js';
import { BadRequestError, NotFoundError, WebhookVerificationError, verifyWebhookPayload, type RosterEvent } from '../src/index.js';
import { GROUP_SCHEMA, USER_SCHEMA, collect, describeEachStore, provision, rejectsWith, scimCreate } from './support/sdk-server.js';

// Webhooks go to a receiver on loopback, which a server refuses unless told otherwise (SSRF).
process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';

const receivers: WebhookReceiver[] = [];
after(async () => {
  for (const receiver of receivers) await receiver.close();
});

async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeEachStore('SDK: roster.events and roster.webhooks', (fixture) => {
  const roster = () => fixture.roster();

  test('events list in order with filters, page by cursor, read one, and iterate to the newest', async () => {
    const { organizationId, directoryId, connection } = await provision(roster(), 'Evented');
    const userId = await scimCreate(connection, 'Users', { schemas: [USER_SCHEMA], userName: 'evented@example.com' });
    await scimCreate(connection, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Evented', members: [{ value: userId }] });

    // User events are composed in the background after their change commits: poll for them.
    let event: RosterEvent | undefined;
    let membership: RosterEvent | undefined;
    for (const deadline = Date.now() + 15_000; !(event && membership) && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const created = await roster().events.list({ types: ['organization.directory.user_created', 'organization.directory.user_updated'], directoryId, limit: 1000 });
      event = created.events.find((candidate) => candidate.type === 'organization.directory.user_created' && (candidate.data as { id?: string }).id === userId);
      membership = created.events.find((candidate) => candidate.type === 'organization.directory.user_updated');
    }
    assert.ok(event, 'the user_created event');
    assert.equal(event.organization_id, organizationId);
    assert.equal(event.object, 'DirectoryUser');
    assert.deepEqual((await roster().events.get(event.id)).event, event);

    const everything = await collect(roster().events.iterate({ organizationId, limit: 2 }));
    const types = everything.map((item) => item.type);
    assert.ok(types.includes('organization.directory.created') && types.includes('organization.directory.group_created'), types.join());
    assert.equal(new Set(everything.map((item) => item.id)).size, everything.length, 'each once');
    const byPages: RosterEvent[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await roster().events.list({ organizationId, limit: 2, ...(cursor ? { after: cursor } : {}) });
      byPages.push(...page.events);
      cursor = page.next_cursor;
      if (!page.has_more) break;
    }
    assert.deepEqual(byPages.map((item) => item.id), everything.map((item) => item.id));
    assert.deepEqual((await roster().events.list({ organizationId, after: cursor })).events, [], 'polling from the last cursor: nothing new');

    assert.equal((await rejectsWith(roster().events.list({ types: ['user.made_up'] }), BadRequestError)).parameter, 'types');
    assert.equal((await rejectsWith(roster().events.list({ limit: 0 }), BadRequestError)).parameter, 'limit');
    assert.equal((await rejectsWith(roster().events.list({ after: 'not-a-cursor' }), BadRequestError)).parameter, 'after');
    await rejectsWith(roster().events.get('evt_unknown'), NotFoundError);
  });

  test('webhooks: deliveries verify with verifyWebhookPayload, across a secret rotation; replay, deliveries, update, delete', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    const { organizationId, connection } = await provision(roster(), 'Hooked');
    const { webhook, secret } = await roster().webhooks.create({
      url: receiver.url,
      description: 'user changes',
      eventTypes: ['organization.directory.user_created'],
      organizationId,
    });
    assert.match(secret, /^whsec_/);
    assert.deepEqual(webhook.event_types, ['organization.directory.user_created']);
    assert.deepEqual((await roster().webhooks.get(webhook.id)).webhook, webhook);
    assert.ok((await roster().webhooks.list()).webhooks.some((item) => item.id === webhook.id));

    const userId = await scimCreate(connection, 'Users', { schemas: [USER_SCHEMA], userName: 'hooked@example.com' });
    const delivered = await waitFor(() => receiver.received[0], 'the first delivery');
    assert.equal(verifyWebhookPayload(secret, delivered.headers, delivered.body), true);
    assert.equal(roster().verifyWebhookPayload(secret, delivered.headers, Buffer.from(delivered.body)), true, 'raw bytes, through the client');
    assert.equal((delivered.event.data as { id: string }).id, userId);
    assert.throws(() => verifyWebhookPayload(secret, delivered.headers, delivered.body.replace('hooked', 'hacked')), WebhookVerificationError);

    // Rotation: until the grace period ends, each delivery is signed with both secrets.
    const rotated = await roster().webhooks.rotateSecret(webhook.id, { gracePeriodSeconds: 3_600 });
    assert.notEqual(rotated.secret, secret);
    // The delivery worker reloads endpoints and their secrets once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await scimCreate(connection, 'Users', { schemas: [USER_SCHEMA], userName: 'rotated@example.com' });
    const afterRotation = await waitFor(() => receiver.received[1], 'a delivery after the rotation');
    assert.equal(afterRotation.signature.split(' ').length, 2);
    for (const key of [secret, rotated.secret]) assert.equal(verifyWebhookPayload(key, afterRotation.headers, afterRotation.body), true);

    const replayed = await roster().webhooks.replay(webhook.id, { eventId: delivered.id });
    assert.equal(replayed.replayed, 1);
    const again: ReceivedWebhook = await waitFor(() => receiver.received.slice(2).find((item) => item.id === delivered.id), 'the replayed delivery');
    assert.equal(verifyWebhookPayload(rotated.secret, again.headers, again.body), true);
    assert.equal((await roster().webhooks.replay(webhook.id, { since: new Date(Date.now() - 3_600_000) })).replayed, 2);

    const deliveries = await roster().webhooks.listDeliveries(webhook.id, { pageSize: 1 });
    assert.equal(deliveries.deliveries.length, 1);
    assert.notEqual(deliveries.next_page_token, '');
    const { delivery, attempt_log } = await roster().webhooks.getDelivery(webhook.id, delivered.id);
    assert.equal(delivery.event_id, delivered.id);
    assert.ok(attempt_log.length >= 1);

    const paused = await roster().webhooks.update(webhook.id, { enabled: false, description: 'paused' });
    assert.equal(paused.webhook.enabled, false);
    assert.equal(paused.webhook.url, receiver.url, 'fields left out keep their value');
    assert.equal((await rejectsWith(roster().webhooks.create({ url: 'ftp://example.com/hooks' }), BadRequestError)).parameter, 'url');
    assert.equal((await rejectsWith(roster().webhooks.update(webhook.id, { eventTypes: ['nope'] }), BadRequestError)).parameter, 'event_types');
    await roster().webhooks.delete(webhook.id);
    await rejectsWith(roster().webhooks.get(webhook.id), NotFoundError);
  });
});
