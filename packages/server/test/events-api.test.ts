import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { eventsPage, management, readEvents, readEventsUntil, type EventJson } from './support/events-client.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, waitFor, type Json } from './support/scim-fixtures.js';

// Every event type Roster writes, the shape of its payload, and the Events API that serves
// them in commit order with a cursor.

const ENVELOPE_KEYS = ['data', 'directory_id', 'environment_id', 'id', 'object', 'occurred_at', 'organization_id', 'spec_version', 'type'];
const USER_TYPES = 'organization.directory.user_created,organization.directory.user_updated,organization.directory.user_deleted';
const SCIM_TYPES = `${USER_TYPES},organization.directory.group_created,organization.directory.group_updated,organization.directory.group_deleted`;

const patch = (operations: Json[]) => ({ schemas: [PATCH_SCHEMA], Operations: operations });
const short = (type: string) => type.replace('organization.directory.', '');

describeEachStore('Events API and event payloads', (fixture) => {
  const base = () => fixture.server().baseUrl;
  const token = () => fixture.directory().accessToken;

  /** The SCIM events of one directory since `after`, as [type, subject id] plus the events. */
  async function scimEvents(directory: ProvisionedDirectory, expected: number, after = '') {
    const read = await readEventsUntil(base(), directory.accessToken, { directory_id: directory.directoryId, types: SCIM_TYPES }, after, expected);
    return { ...read, summary: read.events.map((event) => [short(event.type), String(event.data.id)]) };
  }

  async function createUser(directory: ProvisionedDirectory, userName: string, extra: Json = {}): Promise<string> {
    return String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName, ...extra })).id);
  }

  test('user lifecycle: created, updated with what changed, deactivated, deleted; the envelope', async () => {
    const directory = await fixture.newDirectory();
    const userId = await createUser(directory, 'ada@example.com', {
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@example.com', primary: true }],
      title: 'Engineer',
    });
    const scim = (method: string, body?: Json) => http(method, `${directory.scim}/Users/${userId}`, { token: directory.token, ...(body ? { body } : {}) });
    assert.equal((await scim('PATCH', patch([{ op: 'replace', path: 'title', value: 'Manager' }]))).status, 200);
    // The same data again is no change and no event (Okta re-sends whole users).
    assert.equal((await scim('PATCH', patch([{ op: 'replace', path: 'title', value: 'Manager' }]))).status, 200);
    assert.equal((await scim('PATCH', patch([{ op: 'replace', path: 'active', value: false }]))).status, 200);
    assert.equal((await scim('DELETE')).status, 204);

    const { events, summary } = await scimEvents(directory, 4);
    assert.deepEqual(summary, [
      ['user_created', userId],
      ['user_updated', userId],
      ['user_updated', userId],
      ['user_deleted', userId],
    ]);
    const [created, retitled, deactivated, deleted] = events as [EventJson, EventJson, EventJson, EventJson];
    for (const event of events) {
      assert.deepEqual(Object.keys(event).sort(), ENVELOPE_KEYS);
      assert.equal(event.spec_version, '1');
      assert.match(event.id, /^evt_/);
      assert.match(event.environment_id, /^env_/);
      assert.equal(event.organization_id, directory.organizationId);
      assert.equal(event.directory_id, directory.directoryId);
      assert.equal(event.object, 'DirectoryUser');
      assert.ok(!Number.isNaN(Date.parse(event.occurred_at)));
    }
    assert.deepEqual(
      { ...created.data, updated_at: undefined },
      {
        id: userId,
        email: 'ada@example.com',
        preferred_username: 'ada@example.com',
        given_name: 'Ada',
        family_name: 'Lovelace',
        name: 'Ada Lovelace',
        active: true,
        emails: ['ada@example.com'],
        groups: [],
        roles: [],
        permissions: [],
        custom_attributes: {},
        updated_at: undefined,
        user_detail: {
          id: userId,
          schemas: [USER_SCHEMA],
          userName: 'ada@example.com',
          name: { givenName: 'Ada', familyName: 'Lovelace' },
          emails: [{ value: 'ada@example.com', primary: true }],
          title: 'Engineer',
        },
      },
    );
    assert.equal((retitled.data.user_detail as Json).title, 'Manager');
    assert.deepEqual(retitled.data.previous_attributes, { user_detail: { title: 'Engineer' } });
    assert.equal(deactivated.data.active, false);
    assert.deepEqual(deactivated.data.previous_attributes, { active: true, user_detail: { active: null } });
    assert.equal(deleted.data.id, userId);
    assert.equal(deleted.data.active, false);
  });

  test('membership changes: user_updated for each affected user with its previous groups, group_updated with the ids', async () => {
    const directory = await fixture.newDirectory();
    const [u1, u2, u3] = [await createUser(directory, 'u1@example.com'), await createUser(directory, 'u2@example.com'), await createUser(directory, 'u3@example.com')];
    const { cursor } = await scimEvents(directory, 3);
    const group = await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering', members: [{ value: u1 }, { value: u2 }] });
    const groupId = String(group.id);
    const groupRef = { id: groupId, display_name: 'Engineering' };

    const created = await scimEvents(directory, 3, cursor);
    assert.deepEqual(created.summary, [['group_created', groupId], ['user_updated', u1], ['user_updated', u2]]);
    const [groupCreated, u1Joined] = created.events as [EventJson, EventJson];
    assert.equal(groupCreated.object, 'DirectoryGroup');
    assert.deepEqual(groupCreated.data, {
      id: groupId,
      display_name: 'Engineering',
      updated_at: groupCreated.data.updated_at,
      group_detail: { id: groupId, schemas: [GROUP_SCHEMA], displayName: 'Engineering' },
      members_added: [u1, u2],
      members_removed: [],
      members_added_count: 2,
      members_removed_count: 0,
    });
    assert.deepEqual(u1Joined.data.groups, [groupRef]);
    assert.deepEqual(u1Joined.data.previous_attributes, { groups: [] });

    const changed = await http('PATCH', `${directory.scim}/Groups/${groupId}`, {
      token: directory.token,
      body: patch([{ op: 'add', path: 'members', value: [{ value: u3 }] }, { op: 'remove', path: `members[value eq "${u1}"]` }]),
    });
    assert.equal(changed.status, 204, changed.text);
    const membership = await scimEvents(directory, 3, created.cursor);
    assert.deepEqual(membership.summary.slice(0, 1), [['group_updated', groupId]]);
    assert.deepEqual(membership.summary.slice(1).sort(), [['user_updated', u1], ['user_updated', u3]].sort());
    const groupUpdated = membership.events[0] as EventJson;
    assert.deepEqual([groupUpdated.data.members_added, groupUpdated.data.members_removed], [[u3], [u1]]);
    const byUser = new Map(membership.events.slice(1).map((event) => [event.data.id, event.data]));
    assert.deepEqual(byUser.get(u1)?.groups, []);
    assert.deepEqual(byUser.get(u1)?.previous_attributes, { groups: [groupRef] });
    assert.deepEqual(byUser.get(u3)?.groups, [groupRef]);
    assert.deepEqual(byUser.get(u3)?.previous_attributes, { groups: [] });

    const renamed = await http('PATCH', `${directory.scim}/Groups/${groupId}`, { token: directory.token, body: patch([{ op: 'replace', path: 'displayName', value: 'Eng' }]) });
    assert.equal(renamed.status, 204);
    const rename = await scimEvents(directory, 1, membership.cursor);
    assert.deepEqual(rename.summary, [['group_updated', groupId]]);
    assert.deepEqual(rename.events[0]?.data.previous_attributes, { display_name: 'Engineering', group_detail: { displayName: 'Engineering' } });

    assert.equal((await http('DELETE', `${directory.scim}/Users/${u2}`, { token: directory.token })).status, 204);
    const userGone = await scimEvents(directory, 2, rename.cursor);
    assert.deepEqual(userGone.summary, [['user_deleted', u2], ['group_updated', groupId]]);
    assert.deepEqual(userGone.events[0]?.data.groups, [{ id: groupId, display_name: 'Eng' }]);
    assert.deepEqual(userGone.events[1]?.data.members_removed, [u2]);

    assert.equal((await http('DELETE', `${directory.scim}/Groups/${groupId}`, { token: directory.token })).status, 204);
    const groupGone = await scimEvents(directory, 2, userGone.cursor);
    assert.deepEqual(groupGone.summary, [['group_deleted', groupId], ['user_updated', u3]]);
    assert.deepEqual(groupGone.events[1]?.data.previous_attributes, { groups: [{ id: groupId, display_name: 'Eng' }] });
  });

  test('a change of more than 1,000 members reports counts in group_updated, and still one user_updated per user', async () => {
    const directory = await fixture.newDirectory();
    const users: string[] = [];
    for (let batch = 0; batch < 1_001; batch += 50) {
      const names = Array.from({ length: Math.min(50, 1_001 - batch) }, (_, index) => `bulk${batch + index}@example.com`);
      users.push(...(await Promise.all(names.map((name) => createUser(directory, name)))));
    }
    const group = await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Everyone' });
    const { cursor } = await scimEvents(directory, 1_002);
    const added = await http('PATCH', `${directory.scim}/Groups/${String(group.id)}`, { token: directory.token, body: patch([{ op: 'add', path: 'members', value: users.map((value) => ({ value })) }]) });
    assert.equal(added.status, 204, added.text);
    const { events } = await scimEvents(directory, 1_002, cursor);
    assert.equal(events.length, 1_002);
    const [groupUpdated, ...userUpdates] = events as [EventJson, ...EventJson[]];
    assert.equal(groupUpdated.type, 'organization.directory.group_updated');
    assert.equal(groupUpdated.data.members_added, undefined);
    assert.equal(groupUpdated.data.members_added_count, 1_001);
    assert.deepEqual(new Set(userUpdates.map((event) => event.data.id)), new Set(users));
  });

  test('a directory may treat deactivation as deletion', async () => {
    const directory = await fixture.newDirectory();
    const settingsUrl = `${base()}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}/event_settings`;
    assert.deepEqual((await management('GET', settingsUrl, token())).body, { event_settings: { deactivation_as_deletion: false } });
    const set = await management('PATCH', settingsUrl, token(), { deactivation_as_deletion: true });
    assert.deepEqual(set.body, { event_settings: { deactivation_as_deletion: true } });

    const userId = await createUser(directory, 'leaver@example.com');
    await createUser(directory, 'never-active@example.com', { active: false });
    const group = await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Team' });
    const scim = (body: Json) => http('PATCH', `${directory.scim}/Users/${userId}`, { token: directory.token, body });
    assert.equal((await scim(patch([{ op: 'replace', path: 'active', value: false }]))).status, 200);
    // While inactive the user does not exist for the app: no user_updated for it.
    assert.equal((await scim(patch([{ op: 'replace', path: 'title', value: 'Gone' }]))).status, 200);
    await http('PATCH', `${directory.scim}/Groups/${String(group.id)}`, { token: directory.token, body: patch([{ op: 'add', path: 'members', value: [{ value: userId }] }]) });
    assert.equal((await scim(patch([{ op: 'replace', path: 'active', value: true }]))).status, 200);

    const { summary, events } = await scimEvents(directory, 5);
    assert.deepEqual(summary, [
      ['user_created', userId],
      ['group_created', String(group.id)],
      ['user_deleted', userId],
      ['group_updated', String(group.id)],
      ['user_created', userId],
    ]);
    assert.deepEqual(events.at(-1)?.data.groups, [{ id: String(group.id), display_name: 'Team' }]);
  });

  test('directory events: created, secret created and revoked, disabled, enabled, deleted', async () => {
    const directory = await fixture.newDirectory();
    const directoryUrl = `${base()}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}`;
    const secrets = await management<{ directory: { secrets: { id: string }[] } }>('GET', directoryUrl, token());
    const secretId = secrets.body.directory.secrets[0]?.id;
    assert.ok(secretId, secrets.text);
    assert.equal((await management('POST', `${directoryUrl}/secrets/${secretId}:revoke`, token())).status, 200);
    assert.equal((await management('PATCH', `${directoryUrl}:disable`, token())).status, 200);
    assert.equal((await management('PATCH', `${directoryUrl}:enable`, token())).status, 200);
    assert.equal((await management('DELETE', directoryUrl, token())).status, 204);
    const { events } = await readEventsUntil(base(), token(), { directory_id: directory.directoryId }, '', 6);
    assert.deepEqual(
      events.map((event) => [event.type, event.object]),
      [
        ['organization.directory.created', 'Directory'],
        ['organization.directory.secret_created', 'DirectorySecret'],
        ['organization.directory.secret_revoked', 'DirectorySecret'],
        ['organization.directory_disabled', 'Directory'],
        ['organization.directory_enabled', 'Directory'],
        ['organization.directory.deleted', 'Directory'],
      ],
    );
    for (const event of events) assert.equal(event.organization_id, directory.organizationId);
  });

  test('paging with the cursor reads the same log as one read; an empty page keeps the cursor for polling', async () => {
    const all = await readEvents(base(), token(), { limit: 1_000 });
    const paged = await readEvents(base(), token(), { limit: 7 });
    assert.ok(all.events.length > 20);
    assert.deepEqual(paged.events.map((event) => event.id), all.events.map((event) => event.id));
    assert.equal(new Set(all.events.map((event) => event.id)).size, all.events.length);

    const idle = await eventsPage(base(), token(), { after: all.cursor });
    assert.deepEqual([idle.status, idle.body.events, idle.body.has_more], [200, [], false]);
    const userId = await createUser(fixture.directory(), 'poll@example.com');
    const polled = await waitFor(async () => {
      const page = await eventsPage(base(), token(), { after: idle.body.next_cursor });
      return page.body.events.length > 0 ? page.body.events : undefined;
    }, 5_000);
    assert.deepEqual(polled?.map((event) => [event.type, event.data.id]), [['organization.directory.user_created', userId]]);
  });

  test('filters: types, organization_id, directory_id; one event by id; mistakes are 400 and 404', async () => {
    const other = await fixture.newDirectory();
    await createUser(other, 'other@example.com');
    const byOrganization = await readEventsUntil(base(), token(), { organization_id: other.organizationId }, '', 3);
    assert.ok(byOrganization.events.length >= 3);
    assert.ok(byOrganization.events.every((event) => event.organization_id === other.organizationId));
    const byType = await readEvents(base(), token(), { types: 'organization.directory.created', limit: 2 });
    assert.ok(byType.events.length >= 2);
    assert.ok(byType.events.every((event) => event.type === 'organization.directory.created'));
    const byDirectory = await readEventsUntil(base(), token(), { directory_id: other.directoryId, types: USER_TYPES }, '', 1);
    assert.deepEqual(byDirectory.events.map((event) => event.data.preferred_username), ['other@example.com']);

    const one = byDirectory.events[0] as EventJson;
    const fetched = await management<{ event: EventJson }>('GET', `${base()}/api/v1/events/${one.id}`, token());
    assert.deepEqual(fetched.body.event, one);
    assert.equal((await management('GET', `${base()}/api/v1/events/evt_nope`, token())).status, 404);
    const mistakes: Record<string, string | number>[] = [{ after: 'garbage' }, { types: 'user.created' }, { limit: 0 }, { limit: 1_001 }];
    for (const query of mistakes) {
      const response = await eventsPage(base(), token(), query);
      assert.equal(response.status, 400, `${JSON.stringify(query)}: ${response.text}`);
      assert.equal((response.body as unknown as Json).code, 'invalid_argument');
    }
    assert.equal((await http('GET', `${base()}/api/v1/events`)).status, 401);
  });

  // Last: it deletes the log.
  test('a cursor older than retention is answered 410 cursor_expired', async () => {
    const first = await eventsPage(base(), token(), { limit: 1 });
    const oldCursor = first.body.next_cursor;
    const { cursor: latest } = await readEvents(base(), token());
    const running = fixture.server().server;
    await running.services.db.pool.query(`UPDATE events SET occurred_at = now() - interval '31 days'`);
    // Retention only deletes what webhook fan-out has read; the worker reads within a moment.
    const deleted = await waitFor(async () => ((await running.deliveryWorker.pruneExpired()) > 0 ? true : undefined), 5_000);
    assert.ok(deleted);
    const expired = await eventsPage(base(), token(), { after: oldCursor });
    assert.equal(expired.status, 410, expired.text);
    assert.equal((expired.body as unknown as Json).code, 'cursor_expired');
    assert.match((expired.body as unknown as Json).message as string, /kept 30 days/);
    assert.equal((await eventsPage(base(), token(), { after: latest })).status, 200);
    assert.equal((await eventsPage(base(), token(), {})).status, 200);
  });
});
