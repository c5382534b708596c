import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_EMPLOYEES, generatePopulation, teamSize, type Identity } from './population.js';
import { createRandom } from './prng.js';

const identity: Identity = { newUserKey: (random) => random.uuid(), newGroupKey: (random) => random.uuid(), sendsGroupExternalId: false };

test('the same seed makes the same directory', () => {
  const a = generatePopulation(createRandom('same'), { users: 50, groups: 8, identity });
  const b = generatePopulation(createRandom('same'), { users: 50, groups: 8, identity });
  assert.deepEqual(a, b);
});

test('users are unique, realistic-looking and active; groups hold known users', () => {
  for (const [users, groups] of [[0, 0], [1, 1], [40, 6], [500, 30]] as const) {
    const state = generatePopulation(createRandom(`shape-${users}`), { users, groups, identity });
    assert.equal(state.users.length, users);
    assert.equal(state.groups.length, groups);
    assert.equal(new Set(state.users.map((user) => user.userName.toLowerCase())).size, users);
    assert.equal(new Set(state.users.map((user) => user.key)).size, users);
    assert.equal(new Set(state.groups.map((group) => group.displayName.toLowerCase())).size, groups);
    const keys = new Set(state.users.map((user) => user.key));
    for (const group of state.groups) {
      assert.equal(new Set(group.members).size, group.members.length, `${group.displayName} has duplicates`);
      for (const member of group.members) assert.ok(keys.has(member));
    }
    for (const user of state.users) {
      assert.match(user.userName, /^[a-z]+\.[a-z]+\d*@[a-z]+\.example$/);
      assert.equal(user.email, user.userName);
      assert.equal(user.active, true);
    }
    if (groups > 0) assert.equal(state.groups[0]?.displayName, ALL_EMPLOYEES);
  }
  const big = generatePopulation(createRandom('broad'), { users: 1000, groups: 40, identity });
  const large = big.groups.filter((group) => group.members.length >= 400).length;
  assert.ok(large >= 3 && large <= 10, `${large} very large groups`);
});

test('team sizes are mostly small with a heavy tail; broad groups are large', () => {
  const random = createRandom('sizes');
  const sizes = Array.from({ length: 2000 }, () => teamSize(random, 10_000, false)).sort((a, b) => a - b);
  assert.ok((sizes[1000] ?? 0) < 60, 'median team is small');
  assert.ok((sizes[1990] ?? 0) > 300, 'a few teams are large');
  assert.ok(sizes.every((size) => size >= 1 && size <= 500));
  const broad = teamSize(random, 10_000, true);
  assert.ok(broad >= 4000 && broad <= 8000);
});
