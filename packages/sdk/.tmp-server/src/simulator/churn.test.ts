import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planChurn, type LeaverPolicy } from './churn.js';
import { generatePopulation, type Identity } from './population.js';
import { createRandom } from './prng.js';
import { diffStates } from './state-diff.js';

const identity: Identity = { newUserKey: (random) => random.uuid(), newGroupKey: (random) => random.uuid(), sendsGroupExternalId: true };

function churned(leaver: LeaverPolicy, seed = 'churn') {
  const before = generatePopulation(createRandom(seed), { users: 200, groups: 12, identity });
  const { state: after, counts } = planChurn(createRandom(`${seed}/churn`), before, { changes: 60, leaver, identity });
  return { before, after, counts };
}

test('churn is deterministic and leaves the input untouched', () => {
  const a = churned('delete');
  const b = churned('delete');
  assert.deepEqual(a.after, b.after);
  assert.deepEqual(a.before, generatePopulation(createRandom('churn'), { users: 200, groups: 12, identity }));
});

test('churn mixes every kind of change and keeps the state consistent', () => {
  for (const leaver of ['delete', 'deactivate'] as const) {
    const { before, after, counts } = churned(leaver);
    for (const kind of ['join', 'leave', 'rename', 'promote', 'move', 'team-change', 'deactivate', 'group-rename', 'group-delete', 'group-create']) {
      assert.ok((counts[kind] ?? 0) > 0, `${leaver}: no ${kind} in ${JSON.stringify(counts)}`);
    }
    const keys = new Set(after.users.map((user) => user.key));
    assert.equal(new Set(after.users.map((user) => user.userName.toLowerCase())).size, after.users.length);
    for (const group of after.groups) for (const member of group.members) assert.ok(keys.has(member), `${group.displayName} holds a user who is gone`);
    const diff = diffStates(before, after);
    assert.ok(diff.createdUsers.length > 0 && diff.updatedUsers.length > 0 && diff.updatedGroups.length > 0);
    if (leaver === 'delete') assert.ok(diff.deletedUsers.length > 0);
    else {
      assert.equal(diff.deletedUsers.length, 0, 'deactivating providers never delete users');
      assert.equal(after.users.length, before.users.length + (counts.join ?? 0));
    }
  }
});

test('diffStates lists member changes, leaving deleted people to the server cascade', () => {
  const user = (key: string) => ({ key, userName: key, givenName: 'G', familyName: 'F', displayName: 'G F', email: key, active: true });
  const before = { domain: 'x.example', users: [user('a'), user('b'), user('c')], groups: [{ key: 'g', displayName: 'G', members: ['a', 'b'] }] };
  const after = { domain: 'x.example', users: [user('a'), { ...user('c'), title: 'Boss' }], groups: [{ key: 'g', displayName: 'G2', members: ['a', 'c'] }, { key: 'h', displayName: 'H', members: [] }] };
  const diff = diffStates(before, after);
  assert.deepEqual(diff.deletedUsers.map((entry) => entry.key), ['b']);
  assert.deepEqual(diff.updatedUsers.map((entry) => entry.after.key), ['c']);
  assert.deepEqual(diff.updatedGroups.map((entry) => [entry.after.displayName, entry.added, entry.removed]), [['G2', ['c'], []]]);
  assert.deepEqual(diff.createdGroups.map((group) => group.key), ['h']);
  assert.deepEqual(diffStates(after, after), { createdUsers: [], updatedUsers: [], deletedUsers: [], createdGroups: [], updatedGroups: [], deletedGroups: [] });
});
