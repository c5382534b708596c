import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memberOnlyPatch } from './member-only-patch.js';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patch = (...operations: unknown[]) => ({ schemas: [PATCH], Operations: operations });

const cases: { name: string; body: unknown; expected: unknown }[] = [
  { name: 'add members', body: patch({ op: 'add', path: 'members', value: [{ value: 'u1' }] }), expected: [{ kind: 'add', members: [{ value: 'u1' }] }] },
  { name: 'remove by value filter (Okta, Entra)', body: patch({ op: 'remove', path: 'members[value eq "u1"]' }), expected: [{ kind: 'remove', memberIds: ['u1'] }] },
  { name: 'Entra without a path', body: patch({ op: 'Add', value: { members: [{ value: 'u2' }] } }), expected: [{ kind: 'add', members: [{ value: 'u2' }] }] },
  { name: 'replace the members', body: patch({ op: 'replace', path: 'members', value: [{ value: 'u3' }] }), expected: [{ kind: 'replace', members: [{ value: 'u3' }] }] },
  { name: 'a rename is not', body: patch({ op: 'replace', path: 'displayName', value: 'New' }), expected: undefined },
  { name: 'a rename with member changes is not', body: patch({ op: 'add', path: 'members', value: [{ value: 'u1' }] }, { op: 'replace', path: 'displayName', value: 'New' }), expected: undefined },
  { name: 'Okta renaming without a path is not', body: patch({ op: 'replace', value: { id: 'g1', displayName: 'New' } }), expected: undefined },
  { name: 'an invalid PATCH is not (the general path answers it)', body: { Operations: 'nope' }, expected: undefined },
  { name: 'no operation on members is not', body: patch({ op: 'add', path: 'externalId', value: 'x' }), expected: undefined },
];

for (const { name, body, expected } of cases) {
  test(`member-only PATCH: ${name}`, () => {
    assert.deepEqual(memberOnlyPatch(body), expected);
  });
}
