import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLAIM_AHEAD } from '../src/events/delivery-worker.js';
import { http, provisionDirectory, type ProvisionedDirectory } from './support/api-client.js';
import { createWebhook, readEvents, type EventJson } from './support/events-client.js';
import { expansionIdleAt } from './support/expansion.js';
import { createTestDatabase, startRoster, type TestDatabase } from './support/roster-process.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, enumerateWithCursor, sleep, waitFor, type Json } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

// A real server process is killed with SIGKILL in the middle of a SCIM sync while webhooks
// flow. After a restart on the same store: every committed change has exactly its events,
// every event is delivered, and only deliveries in flight (or not yet recorded) at the kill arrive twice.

const CONCURRENCY = 4;
const PER_ENDPOINT = 8;
const MEMBER_BATCH = 10;

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

const credentials = { id: `crash_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };

interface Sync {
  acknowledgedUsers: Set<string>;
  stop(): Promise<void>;
}

/** An IdP's initial sync: users created one by one, and added to groups in batches. */
function startSync(directory: ProvisionedDirectory, groups: string[], tag: string): Sync {
  const acknowledgedUsers = new Set<string>();
  let running = true;
  const workers = Array.from({ length: CONCURRENCY }, async (_, worker) => {
    const pending: string[] = [];
    for (let index = 0; running; index++) {
      try {
        const created = await http<Json>('POST', `${directory.scim}/Users`, { token: directory.token, body: { schemas: [USER_SCHEMA], userName: `${tag}-${worker}-${index}@example.com` } });
        if (created.status !== 201) continue;
        acknowledgedUsers.add(String(created.body.id));
        pending.push(String(created.body.id));
        if (pending.length === MEMBER_BATCH) {
          const members = pending.splice(0).map((value) => ({ value }));
          await http('PATCH', `${directory.scim}/Groups/${groups[worker % groups.length]}`, {
            token: directory.token,
            body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'members', value: members }] },
          });
        }
      } catch {
        // The server was killed mid-request: that change may or may not have committed.
        await sleep(50);
      }
    }
  });
  return {
    acknowledgedUsers,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

for (const store of storesUnderTest()) {
  describe(`SIGKILL during a sync while webhooks flow [${store}]`, () => {
    test('after a restart every committed change has exactly its events and every event is delivered', async () => {
      let database: TestDatabase | undefined;
      const env: Record<string, string> = {
        ROSTER_CLIENT_ID: credentials.id,
        ROSTER_CLIENT_SECRET: credentials.secret,
        ROSTER_SCIM_RATE_LIMIT: '100000',
        ROSTER_SCIM_RATE_BURST: '100000',
        ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        ROSTER_WEBHOOK_TIMEOUT_SECONDS: '1',
        ROSTER_WEBHOOK_RETRY_BASE_MS: '200',
        ROSTER_WEBHOOK_CONCURRENCY: String(PER_ENDPOINT),
      };
      if (store === 'postgres') {
        database = await createTestDatabase();
        env.DATABASE_URL = database.url;
        cleanup.push(() => database?.drop() ?? Promise.resolve());
      } else {
        const parent = mkdtempSync(join(tmpdir(), 'roster-crash-'));
        env.ROSTER_DATA_DIR = join(parent, 'data');
        cleanup.push(async () => rmSync(parent, { recursive: true, force: true }));
      }
      const receiver = await WebhookReceiver.start(() => ({ status: 200, delayMs: Math.random() < 0.2 ? 5 : 0 }));
      cleanup.push(() => receiver.close());

      let roster = await startRoster(env);
      cleanup.push(() => roster.kill());
      const directory = await provisionDirectory(roster.url, credentials.id, credentials.secret);
      const hook = await createWebhook(roster.url, directory.accessToken, { url: receiver.url });
      const groups: string[] = [];
      for (let index = 0; index < CONCURRENCY; index++) {
        const group = await http<Json>('POST', `${directory.scim}/Groups`, { token: directory.token, body: { schemas: [GROUP_SCHEMA], displayName: `Crash group ${index}` } });
        groups.push(String(group.body.id));
      }

      // Sync until webhooks are flowing, then kill the server mid-flight.
      const before = startSync(directory, groups, 'before');
      await waitFor(async () => (receiver.received.length >= 150 && before.acknowledgedUsers.size >= 150 ? true : undefined), 60_000);
      await roster.kill();
      await before.stop();
      const deliveredAtKill = receiver.received.length;

      // The embedded store's lock names a dead owner: the new process takes it over at once.
      roster = await startRoster(env);
      if (store === 'embedded') assert.match(roster.output(), /took over the embedded store/);
      const rebased = { ...directory, scim: directory.scim.replace(/^http:\/\/127\.0\.0\.1:\d+/, roster.url) };
      const token = await http<{ access_token: string }>('POST', `${roster.url}/oauth/token`, {
        body: { grant_type: 'client_credentials', client_id: credentials.id, client_secret: credentials.secret },
        headers: { 'content-type': 'application/json' },
      });
      const accessToken = token.body.access_token;
      const afterward = startSync(rebased, groups, 'after');
      await sleep(1_000);
      await afterward.stop();

      // Exactly its events: one user_created per user; one user_updated per membership; a group's
      // group_updated events name exactly its members.
      const users = await enumerateWithCursor(rebased, 'Users', 500);
      await expansionIdleAt(roster.url);
      const { events } = await readEvents(roster.url, accessToken, { directory_id: directory.directoryId, limit: 1_000 });
      const ofType = (type: string) => events.filter((event) => event.type === `organization.directory.${type}`);
      const created = ofType('user_created').map((event) => String(event.data.id));
      assert.deepEqual([...created].sort(), [...users].sort(), 'one user_created per stored user, and none for a user that is not stored');
      for (const acknowledged of [...before.acknowledgedUsers, ...afterward.acknowledgedUsers]) assert.ok(users.includes(acknowledged), `acknowledged ${acknowledged} is stored`);
      let memberships = 0;
      const addedByGroup = new Map<string, Set<string>>();
      for (const event of ofType('group_updated')) {
        const added = addedByGroup.get(String(event.data.id)) ?? new Set<string>();
        for (const id of (event.data.members_added as string[] | undefined) ?? []) {
          assert.ok(!added.has(id), `${id} added to a group twice`);
          added.add(id);
        }
        addedByGroup.set(String(event.data.id), added);
      }
      for (const groupId of groups) {
        const group = await http<{ members?: { value: string }[] }>('GET', `${rebased.scim}/Groups/${groupId}`, { token: directory.token });
        const members = (group.body.members ?? []).map((member) => member.value).sort();
        memberships += members.length;
        assert.deepEqual([...(addedByGroup.get(groupId) ?? [])].sort(), members, `group_updated events of ${groupId} name exactly its members`);
      }
      assert.equal(ofType('user_updated').length, memberships, 'one user_updated per membership added');
      assert.ok(memberships > 0);

      // Every event is delivered; only what was in flight at the kill may arrive twice.
      const expected = events.filter((event: EventJson) => event.occurred_at >= String(hook.webhook.create_time)).map((event) => event.id);
      const delivered = await waitFor(async () => {
        const received = new Set(receiver.ids());
        return expected.every((id) => received.has(id)) ? received : undefined;
      }, 60_000);
      const missing = expected.filter((id) => !new Set(receiver.ids()).has(id));
      assert.ok(delivered, `${missing.length} of ${expected.length} events never delivered`);
      const counts = new Map<string, number>();
      for (const id of receiver.ids()) counts.set(id, (counts.get(id) ?? 0) + 1);
      // A worker has at most 2 x CLAIM_AHEAD x concurrency deliveries sent and unrecorded per
      // endpoint (delivery-worker.ts), so that bounds what a kill can make it deliver twice.
      const twice = [...counts.values()].filter((count) => count > 1).length;
      const bound = 2 * CLAIM_AHEAD * PER_ENDPOINT;
      assert.ok(twice <= bound, `${twice} events delivered twice; only those in flight or unrecorded at the kill (<= ${bound}) may be`);
      assert.deepEqual(receiver.unverified([hook.secret]), []);
      assert.ok(deliveredAtKill < expected.length, 'the kill happened while deliveries were still flowing');
      await roster.stop();
    });
  });
}
