import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Roster } from '@roster/sdk';
import { startTestServer, storesUnderTest, type StoreKind, type TestServer } from '../../../packages/server/test/support/test-server.js';
import { runSimulation, type SimulationSummary } from '../../../packages/server/src/simulator/run-simulation.js';
import type { DirectoryState } from '../../../packages/server/src/simulator/directory-state.js';
import { startApp, type RunningApp } from '../src/app.js';
import type { AppConfig } from '../src/config.js';
import { listUsers } from '../src/directory-tables.js';
import { rosterClient } from '../src/roster-client.js';
import { assignRoleToGroup, setupRoster, type SetupResult } from '../src/setup-roster.js';

// The sample app against a real Roster: a simulated IdP provisions a directory, and the app's
// users table follows through signed webhooks; then the app is stopped, the directory changes,
// and on its next start the app catches up through the Events API alone.

// Loopback webhooks are allowed (the app listens on 127.0.0.1), and a failed delivery is retried
// only after ten minutes: while the app is down its deliveries fail, and nothing but the Events
// API can bring those changes once it is back.
process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
process.env.ROSTER_WEBHOOK_RETRY_BASE_MS = '600000';

const ADMIN_URL = process.env.ROSTER_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The app's own database: a PGlite directory next to the embedded Roster, a fresh database next to PostgreSQL. */
async function appStorage(store: StoreKind): Promise<{ settings: Pick<AppConfig, 'dataDir' | 'databaseUrl'>; remove(): Promise<void> }> {
  if (store === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'b2b-app-'));
    return { settings: { dataDir }, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `b2b_app_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { settings: { dataDir: 'unused', databaseUrl: url.toString() }, remove: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface ComparableUser {
  id: string;
  email: string | null;
  username: string;
  name: string | null;
  active: boolean;
  roles: string[];
  groups: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The directory's users as Roster's management API shows them. */
async function rosterUsers(roster: Roster, setup: SetupResult): Promise<ComparableUser[]> {
  const users: ComparableUser[] = [];
  for await (const user of roster.directory.iterateDirectoryUsers(setup.organizationId, setup.directoryId, { pageSize: 100 })) {
    users.push({
      id: user.id,
      email: user.email,
      username: user.preferred_username,
      name: user.name,
      active: user.active,
      roles: user.roles.map((role) => role.role_name).sort(),
      groups: user.groups.map((group) => group.display_name).sort(),
    });
  }
  return users.sort(byId);
}

/** The directory's users as the app's own table holds them (deleted ones left out). */
async function appUsers(app: RunningApp, setup: SetupResult): Promise<ComparableUser[]> {
  return (await listUsers(app.db.pool))
    .filter((user) => user.directory_id === setup.directoryId)
    .map(({ id, email, username, name, active, roles, groups }) => ({ id, email, username, name, active, roles, groups }))
    .sort(byId);
}

/**
 * Waits until the app's table matches Roster's (events arrive a moment after the change).
 * `roles: false` leaves roles out of the comparison (see ROLE_MAPPING_EVENTS).
 */
async function assertInSync(app: RunningApp, roster: Roster, setup: SetupResult, label: string, options: { roles?: boolean } = {}): Promise<ComparableUser[]> {
  const withoutRoles = (users: ComparableUser[]) => (options.roles === false ? users.map((user) => ({ ...user, roles: [] })) : users);
  const expected = withoutRoles(await rosterUsers(roster, setup));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const actual = withoutRoles(await appUsers(app, setup));
    try {
      assert.deepEqual(actual, expected, label);
      return actual;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function eventSources(app: RunningApp, ids: string[]): Promise<Map<string, string>> {
  const result = await app.db.pool.query<{ id: string; source: string }>('SELECT id, source FROM processed_events WHERE id = ANY($1::text[])', [ids]);
  return new Map(result.rows.map((row) => [row.id, row.source]));
}

/** Where the event log ends now: the cursor after its last event. */
async function logEnd(roster: Roster): Promise<string> {
  let cursor = '';
  for (;;) {
    const page = await roster.events.list({ limit: 1000, ...(cursor ? { after: cursor } : {}) });
    cursor = page.next_cursor;
    if (!page.has_more) return cursor;
  }
}

/** Whether Roster wrote a user_updated carrying `role` after `cursor` (within a few seconds). */
async function roleChangeEvented(roster: Roster, cursor: string, role: string): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  let after = cursor;
  while (Date.now() < deadline) {
    const page = await roster.events.list({ limit: 1000, after, types: ['organization.directory.user_updated'] });
    after = page.next_cursor;
    const hasRole = (data: unknown) => JSON.stringify((data as { roles?: unknown }).roles ?? []).includes(`"${role}"`);
    if (page.events.some((event) => hasRole(event.data))) return true;
    if (!page.has_more) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}


function assertClean(summary: SimulationSummary, label: string): void {
  assert.ok(summary.ok, `${label}: ${JSON.stringify({ failedRequests: summary.failedRequests, failedObjects: summary.failedObjects, verify: summary.verify }, null, 2).slice(0, 3000)}`);
}

/** A delivery signed the way Roster signs (Standard Webhooks), for the refusal checks. */
function signed(secret: string, id: string, body: string, tamper = false): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${tamper ? signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) : signature}` };
}

for (const store of storesUnderTest()) {
  describe(`sample app (examples/b2b-app) [${store}]`, () => {
    let server: TestServer;
    let roster: Roster;
    let storage: Awaited<ReturnType<typeof appStorage>>;
    let config: AppConfig;
    let setup: SetupResult;
    let app: RunningApp | undefined;
    let state: DirectoryState;
    // One request at a time. With several, two membership changes of one user commit side by
    // side on PostgreSQL and neither user_updated carries both (Roster builds each from its own
    // snapshot without locking the user): no event holds the final groups, so no receiver can
    // get them right. Raise this once Roster serializes those transactions.
    const base = { provider: 'onelogin', concurrency: 1, verify: true } as const;
    const scim = () => ({ url: setup.scimUrl, token: setup.scimToken });

    before(async () => {
      server = await startTestServer({ store });
      storage = await appStorage(store);
      roster = rosterClient({ rosterUrl: server.baseUrl, clientId: server.clientId, clientSecret: server.clientSecret });
      const port = await freePort();
      setup = await setupRoster(roster, { organizationName: 'Acme Inc', externalId: 'acme', provider: 'onelogin', webhookUrl: `http://127.0.0.1:${port}/webhooks/roster` });
      config = {
        port,
        host: '127.0.0.1',
        rosterUrl: server.baseUrl,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        webhookSecret: setup.webhookSecret,
        // No polling while running: what reaches the table before a restart came by webhook.
        pollSeconds: 0,
        ...storage.settings,
      };
    });

    after(async () => {
      await app?.close();
      await server?.close();
      await storage?.remove();
    });

    test('setup is idempotent: a second run finds the organization and directory and rotates the secrets', async () => {
      const again = await setupRoster(roster, { organizationName: 'Acme Inc', externalId: 'acme', provider: 'onelogin', webhookUrl: `http://127.0.0.1:${config.port}/webhooks/roster` });
      assert.equal(again.organizationId, setup.organizationId);
      assert.equal(again.directoryId, setup.directoryId);
      assert.equal(again.webhookId, setup.webhookId);
      assert.notEqual(again.webhookSecret, setup.webhookSecret);
      setup = again;
      config.webhookSecret = again.webhookSecret;
      const { webhooks } = await roster.webhooks.list();
      assert.equal(webhooks.length, 1);
    });

    test('a simulated provisioning reaches the users table through webhooks, deactivations and deletions included', async () => {
      app = await startApp(config, { log: () => {} });
      const initial = await runSimulation({ ...base, ...scim(), scenarios: 'initial-sync', users: 20, groups: 5, seed: 'b2b-initial' });
      assertClean(initial, 'initial-sync');
      let users = await assertInSync(app, roster, setup, 'after the initial sync');
      assert.equal(users.length, 20);
      assert.ok(users.every((user) => user.active && user.roles.join() === 'member'), 'everyone holds the default role');

      // A month of churn: joiners, leavers (OneLogin deletes them), renames, moves, deactivations.
      const churned = await runSimulation({ ...base, ...scim(), scenarios: 'churn', state: initial.state, changes: 12, seed: 'b2b-churn' });
      assertClean(churned, 'churn');
      state = churned.state;
      const changes = churned.scenarios[0]?.changes ?? {};
      users = await assertInSync(app, roster, setup, 'after the churn');
      assert.equal(users.filter((user) => !user.active).length, state.users.filter((user) => !user.active).length, 'deactivated users are kept, inactive');
      assert.ok(users.some((user) => !user.active), `no deactivation in ${JSON.stringify(changes)}`);
      const deleted = await app.db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM users WHERE deleted_at IS NOT NULL');
      assert.equal(deleted.rows[0]?.count, changes.leave ?? 0, `leavers are deleted: ${JSON.stringify(changes)}`);
      assert.ok((changes.leave ?? 0) > 0, `no leaver in ${JSON.stringify(changes)}`);

      const sources = await app.db.pool.query<{ source: string }>(`SELECT DISTINCT source FROM processed_events WHERE type LIKE 'organization.directory.user_%'`);
      assert.deepEqual(
        sources.rows.map((row) => row.source),
        ['webhook'],
        'with polling off and nothing before the start, every user event came by webhook',
      );
    });

    test("mapping a group to a role through the management API reaches the users' roles", async () => {
      assert.ok(app);
      const engineering = state.groups.find((group) => group.displayName === 'Engineering');
      assert.ok(engineering?.id && engineering.members.length > 0, JSON.stringify(state.groups.map((group) => group.displayName)));
      const cursor = await logEnd(roster);
      await assignRoleToGroup(roster, setup.organizationId, setup.directoryId, 'Engineering', 'admin');
      // Issue 4: a group-role mapping change emits user_updated for each user whose roles change.
      assert.ok(await roleChangeEvented(roster, cursor, 'admin'), 'mapping Engineering to admin emitted user_updated events');
      const users = await assertInSync(app, roster, setup, 'after mapping Engineering to admin');
      const admins = users.filter((user) => user.roles.includes('admin'));
      assert.equal(admins.length, engineering.members.length);
      assert.ok(admins.every((user) => user.groups.includes('Engineering') && user.roles.join() === 'admin'));
    });

    test('the webhook endpoint refuses bad signatures, dedupes on webhook-id and ignores stale events', async () => {
      assert.ok(app);
      const { events } = await roster.events.list({ types: ['organization.directory.user_updated'], directoryId: setup.directoryId, limit: 1 });
      const event = events[0];
      assert.ok(event);
      const body = JSON.stringify(event);
      const post = (headers: Record<string, string>, payload = body) => fetch(`${app?.url}/webhooks/roster`, { method: 'POST', headers, body: payload });
      const count = async () => (await app?.db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM processed_events'))?.rows[0]?.count;
      const before = await count();

      assert.equal((await post(signed(config.webhookSecret, event.id, body, true))).status, 401, 'a wrong signature');
      assert.equal((await post({ 'content-type': 'application/json' })).status, 401, 'no signature');
      assert.equal((await post(signed(config.webhookSecret, event.id, body), body.replace('"active":', '"active" :'))).status, 401, 'a body changed after signing');
      assert.equal((await post(signed(`whsec_${randomBytes(24).toString('base64')}`, event.id, body))).status, 401, 'another secret');
      assert.equal((await post(signed(config.webhookSecret, 'evt_other', body))).status, 400, 'webhook-id and event id differ');

      const snapshot = await appUsers(app, setup);
      assert.equal((await post(signed(config.webhookSecret, event.id, body))).status, 204, 'a redelivery is acknowledged');
      // An event older than everything applied (as a delayed delivery would be) changes nothing.
      const user = snapshot.find((candidate) => candidate.active);
      assert.ok(user);
      const stale = JSON.stringify({ ...event, id: 'evt_00000000000000000000000000', type: 'organization.directory.user_deleted', data: { ...(event.data as object), id: user.id } });
      assert.equal((await post(signed(config.webhookSecret, 'evt_00000000000000000000000000', stale), stale)).status, 204);
      assert.deepEqual(await appUsers(app, setup), snapshot, 'neither the redelivery nor the stale event changed a user');
      assert.equal(await count(), (before ?? 0) + 1, 'the redelivery was deduplicated; the stale event recorded');
    });

    test('after a stop, the app catches up through the Events API', async () => {
      assert.ok(app);
      // Where the log stands now: every event after this happens while the app is down.
      let cursor = await logEnd(roster);
      await app.close();
      app = undefined;

      const churned = await runSimulation({ ...base, ...scim(), scenarios: 'churn', state, changes: 12, seed: 'b2b-down' });
      assertClean(churned, 'churn while the app is down');
      await assignRoleToGroup(roster, setup.organizationId, setup.directoryId, 'Sales', 'admin');

      // The events of the downtime, read until the log is quiet.
      const missed: string[] = [];
      for (let quiet = 0; quiet < 3; ) {
        const page = await roster.events.list({ limit: 1000, after: cursor });
        missed.push(...page.events.filter((event) => event.type.startsWith('organization.directory.user_')).map((event) => event.id));
        cursor = page.next_cursor;
        quiet = page.events.length === 0 ? quiet + 1 : 0;
        if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(missed.length > 10, `only ${missed.length} user events while down`);
      // Roster tried each of them once and failed (nobody listening); the next try is minutes away.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const attempted = new Set<string>();
        let pageToken: string | undefined;
        do {
          const page = await roster.webhooks.listDeliveries(setup.webhookId, { status: 'pending', pageSize: 200, ...(pageToken ? { pageToken } : {}) });
          for (const delivery of page.deliveries) if (delivery.attempts > 0) attempted.add(delivery.event_id);
          pageToken = page.next_page_token || undefined;
        } while (pageToken);
        if (missed.every((id) => attempted.has(id))) break;
        assert.ok(Date.now() < deadline, `deliveries not yet attempted: ${missed.filter((id) => !attempted.has(id)).length}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const expected = await rosterUsers(roster, setup);

      app = await startApp({ ...config, pollSeconds: 1 }, { log: () => {} });
      assert.ok(app.startupCatchUp.outcomes.applied > 0, JSON.stringify(app.startupCatchUp));
      const users = await assertInSync(app, roster, setup, 'after the restart', { roles: true });
      assert.deepEqual(users, expected);
      assert.ok(users.some((user) => user.roles.includes('admin') && user.groups.includes('Sales')), 'the role mapping made while down arrived');
      const sources = await eventSources(app, missed);
      assert.deepEqual(
        missed.filter((id) => sources.get(id) !== 'events-api'),
        [],
        'every event of the downtime was applied from the Events API',
      );
      // The cursor was remembered: a second start reads nothing old again.
      await app.close();
      app = await startApp(config, { log: () => {} });
      assert.equal(app.startupCatchUp.outcomes.applied, 0, JSON.stringify(app.startupCatchUp));
    });
  });
}
