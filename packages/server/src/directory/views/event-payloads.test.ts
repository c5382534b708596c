import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previousAttributes } from './event-payloads.js';

test('previousAttributes reports the previous value of each changed field, and raw SCIM attributes one by one', () => {
  const cases: [string, object, object, Record<string, unknown>][] = [
    ['nothing changed but the time', { email: 'a@x', updated_at: '1' }, { email: 'a@x', updated_at: '2' }, {}],
    ['a field changed', { email: 'a@x', active: true }, { email: 'b@x', active: true }, { email: 'a@x' }],
    ['a field appeared', { email: 'a@x' }, { email: 'a@x', name: 'A' }, { name: null }],
    ['groups changed', { groups: [{ id: 'g1' }] }, { groups: [] }, { groups: [{ id: 'g1' }] }],
    [
      'one raw attribute changed',
      { user_detail: { id: 'u', title: 'Engineer', userName: 'a' } },
      { user_detail: { id: 'u', title: 'Manager', userName: 'a' } },
      { user_detail: { title: 'Engineer' } },
    ],
    ['a raw attribute was added', { group_detail: { id: 'g' } }, { group_detail: { id: 'g', externalId: 'x' } }, { group_detail: { externalId: null } }],
  ];
  for (const [name, before, after, expected] of cases) assert.deepEqual(previousAttributes(before, after), expected, name);
});
