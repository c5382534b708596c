import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { readEvents, type EventJson } from './support/events-client.js';
import { managementApi } from './support/management-api.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, type Json } from './support/scim-fixtures.js';
import { expansionIdle } from './support/expansion.js';
import { expandChanges } from '../src/directory/changes/change-expansion.js';

// Issue 10: a write records what it changed and the expansion worker composes the user events
// later, outside the request. What must not change: each event's data is the user as of its
// change (not as of its expansion), previous_attributes is exact, every committed change has
// exactly its events and a failed one none, and the settings changes users' views follow
// (default role, attribute mappings) emit user_updated too.

const patch = (operations: Json[]) => ({ schemas: [PATCH_SCHEMA], Operations: operations });
const short = (event: EventJson) => `${event.type.replace('organization.directory.', '')} ${String(event.data.id)}`;

describeEachStore('events composed from change records', (fixture) => {
  const base = () => fixture.server().baseUrl;
  const worker = () => fixture.server().server.expansionWorker;

  async function directoryEvents(directory: ProvisionedDirectory, after = ''): Promise<{ events: EventJson[]; cursor: string }> {
    await expansionIdle(fixture.server());
    return readEvents(base(), directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 }, after);
  }

  const scim = (directory: ProvisionedDirectory, method: string, path: string, body?: Json) =>
    http<Json>(method, `${directory.scim}${path}`, { token: directory.token, ...(body ? { body } : {}) });

  test('events composed after later changes committed still show the user as of their own change', async () => {
    const directory = await fixture.newDirectory();
    const { cursor } = await directoryEvents(directory);
    // Nothing is expanded until every change below has committed: the worker then sees only the final state.
    await worker().stop();
    let userId = '';
    let groupId = '';
    try {
      userId = String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: 'ada@example.com', title: 'Engineer' })).id);
      groupId = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering' })).id);
      assert.equal((await scim(directory, 'PATCH', `/Groups/${groupId}`, patch([{ op: 'add', path: 'members', value: [{ value: userId }] }]))).status, 204);
      assert.equal((await scim(directory, 'PATCH', `/Users/${userId}`, patch([{ op: 'replace', path: 'title', value: 'Manager' }]))).status, 200);
      assert.equal((await scim(directory, 'PATCH', `/Groups/${groupId}`, patch([{ op: 'replace', path: 'displayName', value: 'Eng' }]))).status, 204);
      assert.equal((await scim(directory, 'PATCH', `/Groups/${groupId}`, patch([{ op: 'remove', path: `members[value eq "${userId}"]` }]))).status, 204);
      assert.equal((await scim(directory, 'DELETE', `/Groups/${groupId}`)).status, 204);
    } finally {
      worker().start();
    }
    const { events } = await directoryEvents(directory, cursor);
    assert.deepEqual(events.map(short), [
      `user_created ${userId}`,
      `group_created ${groupId}`,
      `group_updated ${groupId}`,
      `user_updated ${userId}`,
      `user_updated ${userId}`,
      `group_updated ${groupId}`,
      `group_updated ${groupId}`,
      `user_updated ${userId}`,
      `group_deleted ${groupId}`,
    ]);
    // Ids sort by time and apps take them as versions (the sample app applies an event only over
    // an older one): per object, a later event has the greater id, though this one round named them all.
    for (const object of [userId, groupId]) {
      const ids = events.filter((event) => event.data.id === object).map((event) => event.id);
      assert.deepEqual(ids, [...ids].sort(), `${object}: event ids in log order`);
    }
    const [created, , , joined, retitled, , , left] = events as EventJson[];
    const detail = (event: EventJson | undefined) => event?.data.user_detail as Json;
    assert.equal(detail(created).title, 'Engineer');
    assert.deepEqual(created?.data.groups, []);
    // Joined: still the old title (the retitle came later), its previous groups exact.
    assert.equal(detail(joined).title, 'Engineer');
    assert.deepEqual(joined?.data.groups, [{ id: groupId, display_name: 'Engineering' }]);
    assert.deepEqual(joined?.data.previous_attributes, { groups: [] });
    // Retitled: in the group under its name of then, and only the title changed.
    assert.equal(detail(retitled).title, 'Manager');
    assert.deepEqual(retitled?.data.groups, [{ id: groupId, display_name: 'Engineering' }]);
    assert.deepEqual(retitled?.data.previous_attributes, { user_detail: { title: 'Engineer' } });
    // Left after the rename: the group as it was named then, though it no longer exists.
    assert.deepEqual(left?.data.groups, []);
    assert.deepEqual(left?.data.previous_attributes, { groups: [{ id: groupId, display_name: 'Eng' }] });
    assert.ok(Date.parse(String(joined?.occurred_at)) <= Date.parse(String(retitled?.occurred_at)), 'events keep the time of their change');
  });

  test('a change that fails writes no event; a change that commits writes exactly its own', async () => {
    const directory = await fixture.newDirectory();
    const { cursor } = await directoryEvents(directory);
    const userId = String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: 'once@example.com' })).id);
    const groupId = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Team' })).id);
    // A duplicate userName, a member id that is no user, a precondition that fails, a no-op re-push.
    assert.equal((await scim(directory, 'POST', '/Users', { schemas: [USER_SCHEMA], userName: 'ONCE@example.com' })).status, 409);
    const unknown = await scim(directory, 'PATCH', `/Groups/${groupId}`, patch([{ op: 'add', path: 'members', value: [{ value: userId }, { value: 'diruser_nobody' }] }]));
    assert.equal(unknown.status, 400, JSON.stringify(unknown.body));
    const stale = await http('PATCH', `${directory.scim}/Users/${userId}`, { token: directory.token, body: patch([{ op: 'replace', path: 'title', value: 'x' }]), headers: { 'if-match': 'W/"99"' } });
    assert.equal(stale.status, 412);
    assert.equal((await scim(directory, 'PATCH', `/Groups/${groupId}`, patch([{ op: 'remove', path: `members[value eq "${userId}"]` }]))).status, 204);
    assert.equal((await scim(directory, 'PUT', `/Users/${userId}`, { schemas: [USER_SCHEMA], userName: 'once@example.com' })).status, 200);
    const { events } = await directoryEvents(directory, cursor);
    assert.deepEqual(events.map(short), [`user_created ${userId}`, `group_created ${groupId}`]);
    // The group was not touched by the failed PATCH: its members and version are as created.
    const group = await scim(directory, 'GET', `/Groups/${groupId}`);
    assert.deepEqual([group.body.members, (group.body.meta as Json).version], [undefined, 'W/"1"']);
  });

  test('a new default role and a new attribute mapping emit user_updated for each user they change, and no one else', async () => {
    const directory = await fixture.newDirectory();
    const api = managementApi(base(), directory.accessToken);
    const plain = String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: 'plain@example.com', title: 'Clerk' })).id);
    const mapped = String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: 'mapped@example.com' })).id);
    const admins = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Admins', members: [{ value: mapped }] })).id);
    const stamp = Date.now();
    assert.equal((await api.post('/api/v1/roles', { name: `admin_${stamp}`, permissions: ['all'] })).status, 201);
    const mappingBase = `/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}`;
    assert.equal((await api.put(`${mappingBase}/groups/-/roles:assign`, { assignments: [{ group_id: admins, role_name: `admin_${stamp}` }] })).status, 200);
    const { cursor } = await directoryEvents(directory);

    // Every other role already holds users of other suites' directories: this one only counts here.
    const fallback = `member_${stamp}`;
    assert.equal((await api.post('/api/v1/roles', { name: fallback, permissions: ['read'], is_default: true })).status, 201);
    const defaulted = await directoryEvents(directory, cursor);
    assert.deepEqual(defaulted.events.map(short), [`user_updated ${plain}`]);
    assert.deepEqual(defaulted.events[0]?.data.roles, [{ role_name: fallback }]);
    assert.deepEqual(defaulted.events[0]?.data.previous_attributes, { roles: [], permissions: [] });

    const mapping = await api.put(`${mappingBase}/attributes`, { attributes: [{ key: 'title', map_to: 'custom_attributes.job' }] });
    assert.equal(mapping.status, 200, mapping.text);
    const remapped = await directoryEvents(directory, defaulted.cursor);
    assert.deepEqual(remapped.events.map(short), [`user_updated ${plain}`]);
    assert.deepEqual(remapped.events[0]?.data.custom_attributes, { job: 'Clerk' });
    assert.deepEqual(remapped.events[0]?.data.previous_attributes, { custom_attributes: {} });

    // Taking the default away again returns the plain user to no role.
    assert.equal((await api.patch(`/api/v1/roles/${fallback}`, { is_default: false })).status, 200);
    const undone = await directoryEvents(directory, remapped.cursor);
    assert.deepEqual(undone.events.map(short), [`user_updated ${plain}`]);
    assert.deepEqual(undone.events[0]?.data.roles, []);
  });

  test('changes expanded in chunks of users, a round at a time, still give each user exactly one event, in order, at the change', async () => {
    const directory = await fixture.newDirectory();
    const api = managementApi(base(), directory.accessToken);
    const { cursor } = await directoryEvents(directory);
    await worker().stop();
    const ids: string[] = [];
    try {
      for (let index = 0; index < 10; index++) ids.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `chunk${index}@example.com`, title: `T${index}` })).id));
      const groupId = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'All', members: ids.map((value) => ({ value })) })).id);
      const mapping = await api.put(`/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}/attributes`, { attributes: [{ key: 'title', map_to: 'custom_attributes.job' }] });
      assert.equal(mapping.status, 200, mapping.text);
      // An event written by its own change, after the changes whose events are still to come.
      assert.equal((await scim(directory, 'PATCH', `/Groups/${groupId}`, patch([{ op: 'replace', path: 'displayName', value: 'Everyone' }]))).status, 204);
      // Tiny rounds: three users a chunk, a few records a round; rounds until nothing waits. After
      // each, what the Events API serves must be a beginning of the final log: a change being
      // expanded holds back everything from its position on.
      const db = fixture.server().server.services.db;
      const served: string[][] = [];
      for (let round = 0; round < 200; round++) {
        const more = (await expandChanges(db, { records: 4, chunkUsers: 3, events: 6 })).more;
        served.push((await readEvents(base(), directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 }, cursor)).events.map((event) => event.id));
        if (!more && round > 0) break;
      }
      const { events } = await directoryEvents(directory, cursor);
      const log = events.map((event) => event.id);
      for (const [round, prefix] of served.entries()) assert.deepEqual(prefix, log.slice(0, prefix.length), `round ${round} served a beginning of the log`);
      assert.ok(served.some((prefix) => prefix.length > 0 && prefix.length < log.length), 'some round served part of the log');
      const sorted = [...ids].sort();
      assert.deepEqual(events.map(short), [
        ...ids.map((id) => `user_created ${id}`),
        `group_created ${groupId}`,
        ...sorted.map((id) => `user_updated ${id}`),
        ...sorted.map((id) => `user_updated ${id}`),
        `group_updated ${groupId}`,
      ]);
      const joined = events.slice(11, 21);
      const mapped = events.slice(21, 31);
      for (const event of joined) assert.deepEqual(event.data.previous_attributes, { groups: [] });
      for (const [index, event] of mapped.entries()) {
        assert.deepEqual(event.data.custom_attributes, { job: `T${ids.indexOf(sorted[index] ?? '')}` });
        assert.deepEqual(event.data.groups, [{ id: groupId, display_name: 'All' }]);
      }
    } finally {
      worker().start();
    }
  });
});
