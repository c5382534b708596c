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
      assert.ok(ada);
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
      assert.ok(engineering && platform);
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
  });
}
