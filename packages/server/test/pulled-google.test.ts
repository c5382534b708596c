import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGoogleWorkspace, type ServiceAccountKeyJson } from '../src/simulator/sources/fake-google.js';
import { eventSummary, PulledApi, pulledEnv, type DirectoryJson } from './support/pulled-directories.js';
import { startTestServer, storesUnderTest, type TestServer } from './support/test-server.js';

// Google Workspace pulled through the Admin SDK Directory API of a local fake, driven by Google's
// own client libraries: the first sync, each kind of change producing exactly its events, the
// volatile fields that must not, nested groups, scope limits, quota, and attribute mappings.

for (const store of storesUnderTest()) {
  describe(`Google Workspace directories [${store}]`, () => {
    let google: FakeGoogleWorkspace;
    let server: TestServer;
    let api: PulledApi;
    let organizationId: string;
    let directory: DirectoryJson;
    let key: ServiceAccountKeyJson;
    const people: Record<string, string> = {};
    const teams: Record<string, string> = {};

    before(async () => {
      google = await FakeGoogleWorkspace.start();
      const g = google.directory;
      for (const [handle, given, family, unit] of [
        ['ada', 'Ada', 'Lovelace', '/Engineering'],
        ['alan', 'Alan', 'Turing', '/Engineering/Platform'],
        ['grace', 'Grace', 'Hopper', '/Engineering'],
        ['katherine', 'Katherine', 'Johnson', '/Sales'],
        ['margaret', 'Margaret', 'Hamilton', '/Sales'],
        ['edsger', 'Edsger', 'Dijkstra', '/Engineering'],
        ['barbara', 'Barbara', 'Liskov', '/Sales'],
        ['donald', 'Donald', 'Knuth', '/Engineering'],
        ['frances', 'Frances', 'Allen', '/Sales'],
        ['john', 'John', 'Backus', '/Engineering'],
      ] as const) {
        people[handle] = g.addUser({ primaryEmail: `${handle}@acme.example`, givenName: given, familyName: family, orgUnitPath: unit, title: 'Engineer', department: unit.split('/')[1] ?? '' }).id;
      }
      teams.engineering = g.addGroup('Engineering').id;
      teams.platform = g.addGroup('Platform').id;
      teams.sales = g.addGroup('Sales').id;
      for (const handle of ['ada', 'grace', 'edsger', 'donald', 'john']) g.addMember(teams.engineering, people[handle] as string);
      g.addMember(teams.platform, people.alan as string);
      g.addMember(teams.engineering, teams.platform);
      for (const handle of ['katherine', 'margaret', 'barbara', 'frances']) g.addMember(teams.sales, people[handle] as string);
      key = google.createServiceAccountKey();
      server = await startTestServer({ store, env: pulledEnv({ google: google.url }) });
      api = await PulledApi.connect(server.baseUrl, server.clientId, server.clientSecret);
      organizationId = await api.organization();
    });
    after(async () => {
      await server?.close();
      await google?.close();
    });

    test('the first sync brings every user, group and membership, through the same events as SCIM', async () => {
      const cursor = (await api.events('none')).cursor;
      directory = await api.createDirectory(organizationId, {
        directory_type: 'GOOGLE_WORKSPACE',
        credentials: { service_account_key: key, admin_email: 'admin@acme.example' },
      });
      assert.equal(directory.source?.status, 'active');
      const run = await api.nextRun(organizationId, directory.id);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      assert.equal(run.trigger, 'schedule');
      assert.deepEqual(
        { seen: run.counts.users_seen, created: run.counts.users_created, groups: run.counts.groups_created, memberships: run.counts.memberships_added, failed: run.counts.objects_failed },
        { seen: 10, created: 10, groups: 3, memberships: 11, failed: 0 },
      );
      assert.ok((run.counts.source_calls ?? 0) >= 5, 'token, users, groups and members calls are counted');

      const users = await api.users(organizationId, directory.id);
      assert.equal(users.length, 10);
      const ada = users.find((user) => user.email === 'ada@acme.example');
      assert.ok(ada, 'ada is there');
      assert.deepEqual([ada.given_name, ada.family_name, ada.active], ['Ada', 'Lovelace', true]);
      assert.deepEqual(ada.groups.map((group) => group.display_name), ['Engineering']);
      const groups = await api.groups(organizationId, directory.id);
      assert.deepEqual(groups.map((group) => group.display_name).sort(), ['Engineering', 'Platform', 'Sales']);

      const { events } = await api.eventsSettled(directory.id, cursor, 10 + 3);
      const types = eventSummary(events);
      assert.equal(types.filter((type) => type === 'user_created').length, 10);
      assert.equal(types.filter((type) => type === 'group_created').length, 3);
      assert.equal(types.filter((type) => type === 'created').length, 1, 'directory created');
      const details = await api.directory(organizationId, directory.id);
      assert.equal(details.status, 'ACTIVE');
      assert.equal(details.total_users, 10);
      assert.equal(details.source?.last_run?.id, run.id);
    });

    test('a nested group is a member of its parent', async () => {
      const groups = await api.groups(organizationId, directory.id);
      const engineering = groups.find((group) => group.display_name === 'Engineering');
      const platform = groups.find((group) => group.display_name === 'Platform');
      assert.ok(engineering && platform, 'both groups are there');
      const members = await api.ok<{ members: { id: string; type: string }[] }>('GET', `/api/v1/organizations/${organizationId}/directories/${directory.id}/groups/${engineering.id}/members?page_size=100`);
      assert.ok(members.members.some((member) => member.id === platform.id && member.type === 'group'), JSON.stringify(members));
    });

    test('a resync with nothing changed emits nothing, though Google changed every etag and last login', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.status, 'succeeded');
      assert.equal(run.trigger, 'manual');
      assert.deepEqual([run.counts.users_created, run.counts.users_updated, run.counts.groups_updated, run.counts.memberships_added, run.counts.memberships_removed], [0, 0, 0, 0, 0]);
      const { events } = await api.eventsSettled(directory.id, cursor, 0, 1500);
      assert.deepEqual(eventSummary(events), []);
    });

    test('a rename is one user_updated', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      google.directory.updateUser(people.ada as string, (user) => {
        user.name = { givenName: 'Augusta', familyName: 'King', fullName: 'Augusta King' };
      });
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.counts.users_updated, 1);
      const { events } = await api.eventsSettled(directory.id, cursor);
      assert.deepEqual(eventSummary(events), ['user_updated']);
      assert.equal((events[0]?.data as { given_name?: string }).given_name, 'Augusta');
    });

    test('a suspension is one user_updated making the user inactive', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      google.directory.updateUser(people.john as string, (user) => {
        user.suspended = true;
        user.suspensionReason = 'ADMIN';
      });
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.counts.users_deactivated, 1);
      const { events } = await api.eventsSettled(directory.id, cursor);
      assert.deepEqual(eventSummary(events), ['user_updated']);
      assert.equal((events[0]?.data as { active?: boolean }).active, false);
      const john = (await api.users(organizationId, directory.id)).find((user) => user.email === 'john@acme.example');
      assert.equal(john?.active, false);
      assert.equal(john?.groups.length, 1, 'a suspended user stays in its groups');
    });

    test('a membership change is one group_updated and one user_updated', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      google.directory.addMember(teams.sales as string, people.alan as string);
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.deepEqual([run.counts.memberships_added, run.counts.memberships_removed], [1, 0]);
      const { events } = await api.eventsSettled(directory.id, cursor, 2);
      assert.deepEqual(eventSummary(events).sort(), ['group_updated', 'user_updated']);
    });

    test('a removal is user_deleted, with group_updated for the groups the user left', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      google.directory.deleteUser(people.margaret as string);
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.deepEqual([run.counts.users_deleted, run.counts.memberships_removed], [1, 0], 'the deletion takes its memberships with it');
      const { events } = await api.eventsSettled(directory.id, cursor, 2);
      assert.deepEqual(eventSummary(events), ['user_deleted', 'group_updated']);
      assert.equal((await api.users(organizationId, directory.id)).length, 9);
    });

    test('a mass removal is held for review, applies nothing destructive, and goes through once approved', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      for (const handle of ['ada', 'alan', 'grace', 'katherine', 'barbara']) google.directory.deleteUser(people[handle] as string);
      google.directory.updateUser(people.donald as string, (user) => {
        user.name = { givenName: 'Don', familyName: 'Knuth', fullName: 'Don Knuth' };
      });
      const held = await api.syncAndWait(organizationId, directory.id);
      assert.equal(held.status, 'held', JSON.stringify(held));
      assert.equal(held.held?.users_deleted, 5);
      assert.equal(held.held?.users_in_directory, 9);
      assert.match(held.error ?? '', /5 of 9 users/);
      assert.equal(held.held?.sample.length, 5);
      assert.equal(held.counts.users_updated, 1, 'what is not destructive still applies');
      const waiting = await api.directory(organizationId, directory.id);
      assert.equal(waiting.status, 'NEEDS_REVIEW');
      assert.equal(waiting.source?.next_sync_time, null, 'nothing runs on schedule while waiting for review');
      assert.equal((await api.users(organizationId, directory.id)).length, 9, 'no one removed');
      const { events } = await api.eventsSettled(directory.id, cursor, 2);
      assert.deepEqual(eventSummary(events).sort(), ['sync_needs_review', 'user_updated']);
      const review = events.find((event) => event.type === 'organization.directory.sync_needs_review');
      assert.equal((review?.data as { sync_run_id?: string }).sync_run_id, held.id);

      const after = (await api.events(directory.id)).cursor;
      const earlier = await api.runIds(organizationId, directory.id);
      const approved = await api.ok<{ sync_run: { approve_time: string | null } }>('POST', `/api/v1/organizations/${organizationId}/directories/${directory.id}/sync_runs/${held.id}:approve`);
      assert.ok(approved.sync_run.approve_time, 'the run says when it was approved');
      const again = await api.call('POST', `/api/v1/organizations/${organizationId}/directories/${directory.id}/sync_runs/${held.id}:approve`);
      assert.equal(again.status, 400, 'approved once only');
      const applied = await api.nextRun(organizationId, directory.id, earlier);
      assert.equal(applied.trigger, 'approval');
      assert.equal(applied.status, 'succeeded', JSON.stringify(applied));
      assert.equal(applied.counts.users_deleted, 5);
      assert.equal((await api.users(organizationId, directory.id)).length, 4);
      assert.equal((await api.directory(organizationId, directory.id)).status, 'ACTIVE');
      const deleted = await api.eventsSettled(directory.id, after, 5);
      assert.equal(eventSummary(deleted.events).filter((type) => type === 'user_deleted').length, 5);
    });

    test('revoked credentials mark the directory invalid_credentials and remove no one; new ones resume the sync', async () => {
      google.directory.deleteUser(people.edsger as string);
      google.deleteServiceAccount(key.client_email);
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.status, 'failed');
      assert.equal(run.error_code, 'invalid_credentials');
      assert.match(run.error ?? '', /invalid_grant/);
      const state = await api.directory(organizationId, directory.id);
      assert.equal(state.status, 'INVALID_CREDENTIALS');
      assert.equal(state.source?.status, 'invalid_credentials');
      assert.ok(state.source?.next_sync_time, 'retried later, with backoff');
      assert.equal((await api.users(organizationId, directory.id)).length, 4, 'no one removed');

      key = google.createServiceAccountKey();
      const earlier = await api.runIds(organizationId, directory.id);
      // One of four users is more than the 20% threshold: the administrator raises it while reconnecting.
      await api.ok('PATCH', `/api/v1/organizations/${organizationId}/directories/${directory.id}/source`, {
        credentials: { service_account_key: JSON.stringify(key), admin_email: 'admin@acme.example' },
        safety_threshold_percent: 50,
      });
      const resumed = await api.nextRun(organizationId, directory.id, earlier);
      assert.equal(resumed.status, 'succeeded', JSON.stringify(resumed));
      assert.equal(resumed.counts.users_deleted, 1);
      assert.equal((await api.directory(organizationId, directory.id)).status, 'ACTIVE');
    });

    test('an admin who lost admin rights (403) and a key without delegation (unauthorized_client) are invalid credentials too', async () => {
      google.admins.delete('admin@acme.example');
      const forbidden = await api.syncAndWait(organizationId, directory.id);
      assert.equal(forbidden.error_code, 'invalid_credentials');
      assert.match(forbidden.error ?? '', /403/);
      google.admins.add('admin@acme.example');
      const undelegated = google.createServiceAccountKey({ delegated: false });
      const earlier = await api.runIds(organizationId, directory.id);
      await api.ok('PATCH', `/api/v1/organizations/${organizationId}/directories/${directory.id}/source`, { credentials: { service_account_key: undelegated, admin_email: 'admin@acme.example' } });
      const refused = await api.nextRun(organizationId, directory.id, earlier);
      assert.equal(refused.error_code, 'invalid_credentials');
      assert.match(refused.error ?? '', /unauthorized_client/);
      assert.equal((await api.users(organizationId, directory.id)).length, 3);
      const beforeBack = await api.runIds(organizationId, directory.id);
      await api.ok('PATCH', `/api/v1/organizations/${organizationId}/directories/${directory.id}/source`, { credentials: { service_account_key: key, admin_email: 'admin@acme.example' } });
      const back = await api.nextRun(organizationId, directory.id, beforeBack);
      assert.equal(back.status, 'succeeded');
    });

    test('quota errors (429 and 403 rateLimitExceeded with Retry-After) are waited out, and the run completes', async () => {
      for (const style of ['429', '403'] as const) {
        google.throttleEvery(2, style, 0);
        const before = google.server.stats.total;
        const run = await api.syncAndWait(organizationId, directory.id);
        google.server.throttling = undefined;
        assert.equal(run.status, 'succeeded', `${style}: ${run.error ?? ''}`);
        const served = google.server.stats.total - before;
        assert.equal(run.counts.source_calls, served, 'every call, refused ones included, is counted');
        assert.ok(served >= 6, `${style}: ${served} calls`);
        assert.equal((await api.directory(organizationId, directory.id)).status, 'ACTIVE');
      }
    });

    test('credentials are never returned, and are stored sealed', async () => {
      const text = JSON.stringify(await api.directory(organizationId, directory.id));
      assert.ok(!text.includes('PRIVATE KEY') && !text.includes(key.private_key_id), text);
      const source = (await api.directory(organizationId, directory.id)).source as { connection: { kind: string; service_account: string; admin_email: string } };
      assert.deepEqual(source.connection.kind, 'service_account');
      assert.equal(source.connection.service_account, key.client_email);
      const stored = await server.server.services.db.pool.query<{ credentials: string }>('SELECT credentials FROM directory_sources WHERE directory_id = $1', [directory.id]);
      const sealed = stored.rows[0]?.credentials ?? '';
      assert.match(sealed, /^rsb1\.[0-9a-f]{8}\./);
      assert.ok(!sealed.includes('PRIVATE') && !sealed.includes(key.client_email), 'the stored credentials are not readable');
    });

    test('the request log shows each call to Google, without tokens, keys or assertions', async () => {
      const log = await server.server.services.db.pool.query<{ path: string; request_body: unknown; response_body: unknown; status: number }>(
        'SELECT path, request_body, response_body, status FROM scim_request_log WHERE directory_id = $1',
        [directory.id],
      );
      const text = JSON.stringify(log.rows);
      assert.ok(log.rows.some((row) => row.path.includes('/admin/directory/v1/users?')), 'users.list is logged');
      assert.ok(log.rows.some((row) => row.path.endsWith('/token')), 'the token call is logged');
      for (const secret of ['ya29.', 'PRIVATE KEY', 'eyJ']) assert.ok(!text.includes(secret), `${secret} leaked into the request log`);
    });

    test('attribute mappings read Google\'s own attribute names', async () => {
      await api.ok('PUT', `/api/v1/organizations/${organizationId}/directories/${directory.id}/attributes`, {
        attributes: [{ key: 'urn:roster:params:scim:schemas:extension:googleworkspace:2.0:User:orgUnitPath', map_to: 'custom_attributes.org_unit' }],
      });
      const donald = (await api.users(organizationId, directory.id)).find((user) => user.email === 'donald@acme.example');
      assert.equal(donald?.custom_attributes.org_unit, '/Engineering');
    });

    test('a sync limited to organizational units or to groups takes only those', async () => {
      const units = await api.createDirectory(organizationId, {
        directory_type: 'GOOGLE_WORKSPACE',
        name: 'Sales only',
        google_workspace: { org_units: ['/Sales'] },
        credentials: { service_account_key: key, admin_email: 'admin@acme.example' },
      });
      const unitsRun = await api.nextRun(organizationId, units.id);
      assert.equal(unitsRun.status, 'succeeded', unitsRun.error ?? '');
      const salesUsers = (await api.users(organizationId, units.id)).map((user) => user.email).sort();
      assert.deepEqual(salesUsers, ['frances@acme.example']);

      const grouped = await api.createDirectory(organizationId, {
        directory_type: 'GOOGLE_WORKSPACE',
        name: 'Engineering only',
        google_workspace: { group_emails: ['engineering@acme.example'] },
        credentials: { service_account_key: key, admin_email: 'admin@acme.example' },
      });
      const run = await api.nextRun(organizationId, grouped.id);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      assert.deepEqual((await api.groups(organizationId, grouped.id)).map((group) => group.display_name).sort(), ['Engineering', 'Platform']);
      assert.deepEqual((await api.users(organizationId, grouped.id)).map((user) => user.email).sort(), ['donald@acme.example', 'john@acme.example']);
    });
  });
}
