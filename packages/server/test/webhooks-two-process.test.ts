import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http, provisionDirectory } from './support/api-client.js';
import { createWebhook, readEvents } from './support/events-client.js';
import { expansionIdleAt } from './support/expansion.js';
import { createTestDatabase, startRoster, type RosterProcess } from './support/roster-process.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, sleep, waitFor, type Json } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

// Two Roster processes on one PostgreSQL, both taking SCIM writes and both delivering: each
// event reaches the receiver exactly once (no process crashed, so not even at-least-once
// duplicates), and every event arrives.

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

test('two processes on one PostgreSQL deliver every event once', { skip: !storesUnderTest().includes('postgres') && 'PostgreSQL is not under test' }, async () => {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  const credentials = { id: `twoproc_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
  const env = {
    DATABASE_URL: database.url,
    ROSTER_CLIENT_ID: credentials.id,
    ROSTER_CLIENT_SECRET: credentials.secret,
    ROSTER_SCIM_RATE_LIMIT: '100000',
    ROSTER_SCIM_RATE_BURST: '100000',
    ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ROSTER_WEBHOOK_CONCURRENCY: '4',
  };
  const receiver = await WebhookReceiver.start(() => ({ status: 200, delayMs: 2 }));
  cleanup.push(() => receiver.close());
  const processes: RosterProcess[] = await Promise.all([startRoster(env), startRoster(env)]);
  for (const roster of processes) cleanup.push(() => roster.stop());
  const [first, second] = processes as [RosterProcess, RosterProcess];

  const directory = await provisionDirectory(first.url, credentials.id, credentials.secret);
  const hook = await createWebhook(first.url, directory.accessToken, { url: receiver.url });
  const scimOf = (roster: RosterProcess) => directory.scim.replace(/^http:\/\/127\.0\.0\.1:\d+/, roster.url);
  const group = await http<Json>('POST', `${scimOf(second)}/Groups`, { token: directory.token, body: { schemas: [GROUP_SCHEMA], displayName: 'Both' } });

  // Writers alternate between the processes; memberships make bursts of user_updated events.
  await Promise.all(
    Array.from({ length: 4 }, async (_, worker) => {
      const mine: string[] = [];
      for (let index = 0; index < 60; index++) {
        const roster = processes[(worker + index) % 2] as RosterProcess;
        const created = await http<Json>('POST', `${scimOf(roster)}/Users`, { token: directory.token, body: { schemas: [USER_SCHEMA], userName: `both-${worker}-${index}@example.com` } });
        assert.equal(created.status, 201, created.text);
        mine.push(String(created.body.id));
        if (mine.length === 15) {
          const members = mine.splice(0).map((value) => ({ value }));
          const patched = await http('PATCH', `${scimOf(roster)}/Groups/${String(group.body.id)}`, { token: directory.token, body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'members', value: members }] } });
          assert.equal(patched.status, 204, patched.text);
        }
      }
    }),
  );

  await expansionIdleAt(first.url);
  const { events } = await readEvents(first.url, directory.accessToken, { limit: 1_000 });
  const expected = events.filter((event) => event.occurred_at >= String(hook.webhook.create_time)).map((event) => event.id);
  assert.ok(expected.length >= 480, `${expected.length} events`);
  const all = await waitFor(async () => {
    const received = new Set(receiver.ids());
    return expected.every((id) => received.has(id)) ? true : undefined;
  }, 60_000);
  assert.ok(all, 'every event delivered');
  await sleep(1_000); // Anything delivered twice would have arrived by now.
  const counts = new Map<string, number>();
  for (const id of receiver.ids()) counts.set(id, (counts.get(id) ?? 0) + 1);
  assert.deepEqual([...counts].filter(([, count]) => count > 1), [], 'no event delivered twice');
  assert.equal(receiver.received.length, expected.length);
  assert.deepEqual(receiver.unverified([hook.secret]), []);
});
