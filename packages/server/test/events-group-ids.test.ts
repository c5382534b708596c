import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { readEvents } from './support/events-client.js';
import { expansionIdle } from './support/expansion.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, type Json } from './support/scim-fixtures.js';

// Apps take event ids as versions (examples/b2b-app applies a group event only over an older
// one), so a group's events must carry ids that grow in log order. Writers used to draw the id
// before their statement, while the log orders events by transaction id: under concurrent writers
// of one group, ids and log disagreed. Group events are now named by the expansion worker, in log
// order, as user events are.

const patch = (operations: Json[]) => ({ schemas: [PATCH_SCHEMA], Operations: operations });
/** Rounds of four concurrent writes (a member added, one removed, a rename, a member deleted). */
const ROUNDS = 30;

describeEachStore('a group\'s event ids under concurrent writers', (fixture) => {
  const scim = (directory: ProvisionedDirectory, method: string, path: string, body?: Json) =>
    http<Json>(method, `${directory.scim}${path}`, { token: directory.token, ...(body ? { body } : {}) });

  test('concurrent member PATCHes of one group: its event ids grow in log order', { timeout: 300_000 }, async () => {
    const directory = await fixture.newDirectory();
    const users: string[] = [];
    for (let index = 0; index < 60; index++) users.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `patched${index}@example.com` })).id));
    const group = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Patched', members: users.slice(0, 20).map((value) => ({ value })) })).id);
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all([
        ...users.slice(20 + 4 * round, 24 + 4 * round).map((user) => scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'add', path: 'members', value: [{ value: user }] }]))),
        ...users.slice(2 * round, 2 * round + 2).map((user) => scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'remove', path: `members[value eq "${user}"]` }]))),
      ]);
      assert.ok(answers.every((answer) => answer.status === 204), JSON.stringify(answers.map((answer) => answer.body)));
    }
    await expansionIdle(fixture.server());
    const { events } = await readEvents(fixture.server().baseUrl, directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 });
    const ids = events.filter((event) => event.data.id === group).map((event) => event.id);
    assert.equal(ids.length, 1 + 10 * 6);
    assert.deepEqual(ids, [...ids].sort(), 'the group\'s event ids, in log order');
  });

  // A member's delete writes its group_updated in a later statement than the user's own record,
  // and takes the user's lock (its place in the log) before it reaches the group.
  test('concurrent member adds, removes, renames and member deletes: the group\'s event ids grow in log order, each event showing the group as of its place', { timeout: 300_000 }, async () => {
    const directory = await fixture.newDirectory();
    const users: string[] = [];
    for (let index = 0; index < 4 * ROUNDS; index++) users.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `member${index}@example.com` })).id));
    const group = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Racing', members: users.slice(0, 2 * ROUNDS).map((value) => ({ value })) })).id);
    for (let round = 0; round < ROUNDS; round++) {
      const [joining, leaving, deleted] = [users[2 * ROUNDS + 2 * round], users[2 * round], users[2 * round + 1]];
      const answers = await Promise.all([
        scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'add', path: 'members', value: [{ value: joining }] }])),
        scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'remove', path: `members[value eq "${leaving}"]` }])),
        scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'replace', path: 'displayName', value: `Racing ${round}` }])),
        scim(directory, 'DELETE', `/Users/${deleted}`),
      ]);
      assert.deepEqual(answers.map((answer) => answer.status), [204, 204, 204, 204], JSON.stringify(answers.map((answer) => answer.body)));
    }
    await expansionIdle(fixture.server());
    const { events } = await readEvents(fixture.server().baseUrl, directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 });
    const groupEvents = events.filter((event) => event.data.id === group);
    const ids = groupEvents.map((event) => event.id);
    assert.equal(ids.length, 1 + ROUNDS * 4, 'the group was created, then written four times a round');
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepEqual(ids, [...ids].sort(), 'the group\'s event ids, in log order');
    // Each event shows the group as of its place in the log: its name changes only with a rename,
    // from the name the log showed last. A member's delete used to take its place (the user's
    // lock) before it waited for the group's, and could sit before a rename that committed first
    // while showing the renamed group (store/groups.ts, lockGroupEvents).
    let shown = String(groupEvents[0]?.data.display_name);
    for (const event of groupEvents.slice(1)) {
      const name = String(event.data.display_name);
      const previous = (event.data.previous_attributes as Json | undefined)?.display_name;
      if (name !== shown) assert.equal(previous, shown, `${event.type} ${event.id} shows "${name}" after "${shown}" without renaming it`);
      shown = name;
    }
  });

  // A user's delete locks the groups it is in before its own row (lockGroupEvents); a group it
  // joins in between is found after, and the delete runs again with that group locked too.
  test('a user added to a group while it is deleted: no error, no membership left, the delete\'s events last', { timeout: 300_000 }, async () => {
    const directory = await fixture.newDirectory();
    const kept = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kept' })).id);
    const joined = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Joined' })).id);
    const statuses = new Set<number>();
    for (let round = 0; round < ROUNDS; round++) {
      const user = String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `leaving${round}@example.com` })).id);
      assert.equal((await scim(directory, 'PATCH', `/Groups/${kept}`, patch([{ op: 'add', path: 'members', value: [{ value: user }] }]))).status, 204);
      const [added, deleted] = await Promise.all([
        scim(directory, 'PATCH', `/Groups/${joined}`, patch([{ op: 'add', path: 'members', value: [{ value: user }] }])),
        scim(directory, 'DELETE', `/Users/${user}`),
      ]);
      assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
      // The add either went first (and the delete took the membership with it) or found no such user.
      assert.ok(added.status === 204 || added.status === 400, `${added.status} ${JSON.stringify(added.body)}`);
      statuses.add(added.status);
    }
    for (const group of [kept, joined]) {
      const read = await scim(directory, 'GET', `/Groups/${group}`);
      assert.deepEqual(read.body.members ?? [], [], `no deleted user is left in ${String(read.body.displayName)}`);
    }
    await expansionIdle(fixture.server());
    const { events } = await readEvents(fixture.server().baseUrl, directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 });
    const lastOfUser = new Map<string, string>();
    for (const event of events) if (String(event.data.id).startsWith('diruser_')) lastOfUser.set(String(event.data.id), event.type);
    assert.equal(lastOfUser.size, ROUNDS);
    assert.ok([...lastOfUser.values()].every((type) => type === 'organization.directory.user_deleted'), 'each user\'s last event is its deletion');
  });
});
