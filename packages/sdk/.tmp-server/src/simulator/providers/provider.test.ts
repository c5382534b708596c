import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capabilitiesOf } from './authentik.js';
import { chunks, settleAll } from './provider.js';
import { eqFilter, nestedValue } from './scim-bodies.js';

test('chunks splits in order and never loops on a zero size', () => {
  assert.deepEqual(chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunks([], 3), []);
  assert.deepEqual(chunks([1, 2], 0), [[1], [2]]);
});

test('settleAll waits for every task before it throws the first failure', async () => {
  let finished = 0;
  const slow = new Promise((resolve) => setTimeout(resolve, 20)).then(() => finished++);
  await assert.rejects(settleAll([Promise.reject(new Error('first')), slow]), /first/);
  assert.equal(finished, 1);
});

test('authentik reads patch support and bulk.maxOperations; a bad config means PUT, one at a time', () => {
  const cases: [unknown, { patch: boolean; maxOperations: number }][] = [
    [{ patch: { supported: true }, bulk: { maxOperations: 1000 } }, { patch: true, maxOperations: 1000 }],
    [{ patch: { supported: 'true' }, bulk: { maxOperations: 0 } }, { patch: false, maxOperations: 1 }],
    [{ patch: { supported: true }, bulk: { maxOperations: 2.5 } }, { patch: true, maxOperations: 1 }],
    ['<html>', { patch: false, maxOperations: 1 }],
  ];
  for (const [config, expected] of cases) assert.deepEqual(capabilitiesOf(config), expected);
});

test('nestedValue groups name and extension sub-attributes; eqFilter escapes', () => {
  const user = { key: 'k', userName: 'a@x.example', givenName: 'A', familyName: 'B', displayName: 'A B', email: 'a@x.example', department: 'Sales', active: false };
  assert.deepEqual(nestedValue(user, ['givenName', 'department', 'active', 'email']), {
    active: false,
    emails: [{ value: 'a@x.example', type: 'work', primary: true }],
    name: { givenName: 'A' },
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales' },
  });
  assert.equal(eqFilter('displayName', 'Say "hi" \\o/'), 'displayName eq "Say \\"hi\\" \\\\o/"');
});
