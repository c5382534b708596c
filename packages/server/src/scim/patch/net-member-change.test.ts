import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MemberOp } from './member-ops.js';
import { isEmptyChange, netMemberChange } from './net-member-change.js';

const add = (...ids: string[]): MemberOp => ({ kind: 'add', members: ids.map((value) => ({ value })) });
const remove = (...ids: string[]): MemberOp => ({ kind: 'remove', memberIds: ids });

const cases: { name: string; operations: MemberOp[]; expected: ReturnType<typeof netMemberChange> }[] = [
  { name: 'nothing', operations: [], expected: { clear: false, present: [], absent: [] } },
  { name: 'adds and removes', operations: [add('a', 'b'), remove('c')], expected: { clear: false, present: ['a', 'b'], absent: ['c'] } },
  { name: 'the last operation on an id wins: added then removed', operations: [add('a'), remove('a')], expected: { clear: false, present: [], absent: ['a'] } },
  { name: 'removed then added back', operations: [remove('a'), add('a')], expected: { clear: false, present: ['a'], absent: [] } },
  { name: 'replace clears what came before', operations: [add('a'), { kind: 'replace', members: [{ value: 'b' }] }], expected: { clear: true, present: ['b'], absent: [] } },
  { name: 'remove-all then add', operations: [add('a'), { kind: 'removeAll' }, add('b'), remove('c')], expected: { clear: true, present: ['b'], absent: ['c'] } },
  { name: 'replace with nobody', operations: [{ kind: 'replace', members: [] }], expected: { clear: true, present: [], absent: [] } },
];

for (const { name, operations, expected } of cases) {
  test(`net member change: ${name}`, () => {
    assert.deepEqual(netMemberChange(operations), expected);
  });
}

test('an empty change is one that can change nothing', () => {
  assert.equal(isEmptyChange(netMemberChange([])), true);
  assert.equal(isEmptyChange(netMemberChange([{ kind: 'removeAll' }])), false);
});
