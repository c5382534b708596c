import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { readEvents, type EventJson } from './support/events-client.js';
import { expansionIdle } from './support/expansion.js';
import { managementApi, walkPages } from './support/management-api.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, type Json } from './support/scim-fixtures.js';
import { runSimulation } from '../src/simulator/run-simulation.js';

// Issue 10: membership PATCHes of different groups touching the same users, at the same time,
// must not build a user's event from a snapshot without the other's change. Run many rounds of
// such races (and user writes racing with them), then check every user's events against the
// directory: each event's previous_attributes is what the one before it said, and the last one
// is the user as it is now.

const ROUNDS = 25;
const USERS = 12;
const GROUPS = 5;

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type GroupRef = { id: string; display_name: string };
const sortedGroups = (groups: unknown) => [...(groups as GroupRef[])].sort((a, b) => (a.id < b.id ? -1 : 1));

describeEachStore('events under concurrent membership changes', (fixture) => {
  test('concurrent PATCHes of groups sharing users: every user event agrees with the one before it, and the last with the user now', { timeout: 600_000 }, async () => {
    const directory = await fixture.newDirectory();
    const random = generator(10);
    const users: string[] = [];
    for (let index = 0; index < USERS; index++) {
      users.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `race${index}@example.com`, title: 'start' })).id));
    }
    const groups: string[] = [];
    for (let index = 0; index < GROUPS; index++) groups.push(String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: `Race ${index}` })).id));
    const send = (method: string, path: string, body: Json) => http(method, `${directory.scim}${path}`, { token: directory.token, body });

    for (let round = 0; round < ROUNDS; round++) {
      const writes = groups.map((groupId) => {
        const pick = users.filter(() => random() < 0.5);
        const operations = pick.map((userId) => (random() < 0.6 ? { op: 'add', path: 'members', value: [{ value: userId }] } : { op: 'remove', path: `members[value eq "${userId}"]` }));
        return send('PATCH', `/Groups/${groupId}`, { schemas: [PATCH_SCHEMA], Operations: operations.length ? operations : [{ op: 'add', path: 'members', value: [] }] });
      });
      // A user's own write racing with its membership changes.
      const retitled = users[Math.floor(random() * USERS)] ?? '';
      writes.push(send('PATCH', `/Users/${retitled}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'title', value: `round ${round}` }] }));
      for (const response of await Promise.all(writes)) assert.ok(response.status === 204 || response.status === 200, `${response.status} ${response.text}`);
    }

    await expansionIdle(fixture.server());
    const { events } = await readEvents(fixture.server().baseUrl, directory.accessToken, { directory_id: directory.directoryId, types: 'organization.directory.user_created,organization.directory.user_updated', limit: 1_000 });
    const byUser = new Map<string, EventJson[]>();
    for (const event of events) byUser.set(String(event.data.id), [...(byUser.get(String(event.data.id)) ?? []), event]);

    for (const userId of users) {
      const history = byUser.get(userId) ?? [];
      assert.ok(history.length > 0, `no events for ${userId}`);
      for (let index = 1; index < history.length; index++) {
        const before = history[index - 1]?.data as Json;
        const after = history[index]?.data as Json;
        const previous = after.previous_attributes as Json;
        // previous_attributes is exact: what changed, with the values the event before showed.
        if ('groups' in previous) assert.deepEqual(sortedGroups(previous.groups), sortedGroups(before.groups), `${userId} event ${index}: previous groups`);
        else assert.deepEqual(sortedGroups(after.groups), sortedGroups(before.groups), `${userId} event ${index}: groups changed without saying so`);
        const detail = (data: Json) => data.user_detail as Json;
        if ('user_detail' in previous) assert.equal((previous.user_detail as Json).title, detail(before).title, `${userId} event ${index}: previous title`);
        else assert.equal(detail(after).title, detail(before).title, `${userId} event ${index}: title changed without saying so`);
      }
      const now = await http<Json>('GET', `${directory.scim}/Users/${userId}`, { token: directory.token });
      const last = history.at(-1)?.data as Json;
      const groupsNow = ((now.body.groups as { value: string; display: string }[] | undefined) ?? []).map((group) => ({ id: group.value, display_name: group.display }));
      assert.deepEqual(sortedGroups(last.groups), sortedGroups(groupsNow), `${userId}: the last event's groups are the user's groups now`);
      assert.equal((last.user_detail as Json).title, now.body.title, `${userId}: the last event's title is the user's title now`);
    }
  });

  test('an app keeping each user\'s event with the greatest id ends with every user as the directory has it, after simulated Okta and Entra churn', { timeout: 600_000 }, async () => {
    // Apps take event ids as versions (examples/b2b-app applies an event only over an older one),
    // so a user's events must carry ids that grow in log order, even when one expansion round
    // composes several of them (walking the log backwards).
    for (const provider of ['okta', 'entra'] as const) {
      const directory = await fixture.newDirectory();
      const base = { url: directory.scim, token: directory.token, provider, seed: `versions-${provider}`, concurrency: 8, verify: true } as const;
      const initial = await runSimulation({ ...base, scenarios: 'initial-sync', users: 40, groups: 6 });
      await runSimulation({ ...base, scenarios: ['churn', 'churn'], state: initial.state, changes: 12 });
      await expansionIdle(fixture.server());
      const { events } = await readEvents(fixture.server().baseUrl, directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 });
      const applied = new Map<string, EventJson>();
      for (const event of events) {
        if (event.object !== 'DirectoryUser') continue;
        const held = applied.get(String(event.data.id));
        if (!held || held.id < event.id) applied.set(String(event.data.id), event);
      }
      const api = managementApi(fixture.server().baseUrl, directory.accessToken);
      const path = `/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}/users?page_size=100`;
      const { pages } = await walkPages<Json>((token) => api.get(token ? `${path}&page_token=${token}` : path), 'users');
      const live = pages.flat();
      assert.ok(live.length >= 40, `${provider}: ${live.length} users`);
      for (const user of live) {
        const held = applied.get(String(user.id));
        assert.ok(held && held.type !== 'organization.directory.user_deleted', `${provider} ${String(user.id)}: applied ${held?.type ?? 'nothing'}`);
        // The list shows every field of the user but its SCIM detail (events carry it too). A group's
        // rename reaches the app as group_updated, not through its members: groups compare by id.
        const copy = Object.fromEntries(Object.keys(user).map((key) => [key, held.data[key]]));
        const groupIds = (groups: unknown) => sortedGroups(groups).map((group) => group.id);
        assert.deepEqual({ ...copy, groups: groupIds(copy.groups) }, { ...user, groups: groupIds(user.groups) }, `${provider} ${String(user.id)}: the app's copy is the user now`);
      }
      const liveIds = new Set(live.map((user) => String(user.id)));
      for (const [userId, held] of applied) if (!liveIds.has(userId)) assert.equal(held.type, 'organization.directory.user_deleted', `${provider} ${userId}: deleted last`);
    }
  });

  test('deletes of users racing with PATCHes of their groups never fail: a deadlock between them is retried', { timeout: 600_000 }, async () => {
    const directory = await fixture.newDirectory();
    const send = (method: string, path: string, body?: Json) => http(method, `${directory.scim}${path}`, { token: directory.token, ...(body ? { body } : {}) });
    const groups: string[] = [];
    for (let index = 0; index < 4; index++) groups.push(String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: `Doomed ${index}` })).id));
    for (let round = 0; round < 15; round++) {
      const users: string[] = [];
      for (let index = 0; index < 6; index++) users.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `doomed-${round}-${index}@example.com` })).id));
      const members = users.map((value) => ({ value }));
      for (const groupId of groups) assert.equal((await send('PATCH', `/Groups/${groupId}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'members', value: members }] })).status, 204);
      // Each group drops the users while the users are deleted: the group's lock and the users' memberships are taken in opposite orders.
      const racing = [
        ...users.map((userId) => send('DELETE', `/Users/${userId}`)),
        ...groups.map((groupId) => send('PATCH', `/Groups/${groupId}`, { schemas: [PATCH_SCHEMA], Operations: users.map((userId) => ({ op: 'remove', path: `members[value eq "${userId}"]` })) })),
      ];
      for (const response of await Promise.all(racing)) assert.ok(response.status === 204, `${response.status} ${response.text}`);
    }
    for (const groupId of groups) {
      const group = await http<Json>('GET', `${directory.scim}/Groups/${groupId}`, { token: directory.token });
      assert.equal(group.body.members, undefined, 'every member removed or deleted');
    }
  });
});
