import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, diffGroup, diffMembers, diffUser, fingerprintOf, goneObjects, type DesiredObject, type IndexedGroup, type IndexedUser } from './diff.js';

function desired(sourceId: string, resource: Record<string, unknown>): DesiredObject {
  return { sourceId, resource, fingerprint: fingerprintOf(resource) };
}

const ada = { userName: 'ada@x.test', externalId: 'g1', active: true, name: { givenName: 'Ada', familyName: 'Lovelace' } };

test('a fingerprint ignores key order at every depth, and nothing else', () => {
  const reordered = { name: { familyName: 'Lovelace', givenName: 'Ada' }, active: true, externalId: 'g1', userName: 'ada@x.test' };
  assert.equal(fingerprintOf(ada), fingerprintOf(reordered));
  const cases: Record<string, unknown>[] = [
    { ...ada, active: false },
    { ...ada, userName: 'ADA@x.test' },
    { ...ada, name: { givenName: 'Ada' } },
    { ...ada, emails: [] },
    { ...ada, emails: [{ value: 'a' }, { value: 'b' }] },
    { ...ada, emails: [{ value: 'b' }, { value: 'a' }] },
  ];
  const prints = new Set([fingerprintOf(ada), ...cases.map(fingerprintOf)]);
  assert.equal(prints.size, cases.length + 1, 'every change, array order included, changes the fingerprint');
  assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined }), '{"a":[true,null,"x"],"b":1}');
});

test('users: create, unchanged, update, deactivate, reactivate', () => {
  const stored: IndexedUser = { id: 'diruser_1', fingerprint: fingerprintOf(ada), active: true, userName: 'ada@x.test' };
  const index = new Map([['g1', stored]]);
  const inactiveIndex = new Map([['g1', { ...stored, active: false, fingerprint: fingerprintOf({ ...ada, active: false }) }]]);
  const cases: [string, ReadonlyMap<string, IndexedUser>, DesiredObject, string][] = [
    ['new to the directory', index, desired('g2', { ...ada, externalId: 'g2', userName: 'b@x.test' }), 'create'],
    ['the same user again', index, desired('g1', { ...ada }), 'unchanged'],
    ['renamed', index, desired('g1', { ...ada, name: { givenName: 'Augusta', familyName: 'King' } }), 'update'],
    ['suspended in the source', index, desired('g1', { ...ada, active: false }), 'deactivate'],
    ['suspended and renamed at once', index, desired('g1', { ...ada, active: false, userName: 'aking@x.test' }), 'deactivate'],
    ['still suspended, renamed', inactiveIndex, desired('g1', { ...ada, active: false, userName: 'aking@x.test' }), 'update'],
    ['unsuspended', inactiveIndex, desired('g1', { ...ada }), 'update'],
  ];
  for (const [name, indexUsed, want, kind] of cases) {
    const change = diffUser(indexUsed, want);
    assert.equal(change.kind, kind, name);
    if (change.kind === 'update' || change.kind === 'deactivate') assert.equal(change.id, 'diruser_1', name);
  }
});

test('groups: create, unchanged, update', () => {
  const engineering = { displayName: 'Engineering', externalId: 'grp1' };
  const index = new Map<string, IndexedGroup>([['grp1', { id: 'dirgroup_1', fingerprint: fingerprintOf(engineering), displayName: 'Engineering' }]]);
  assert.equal(diffGroup(index, desired('grp2', { displayName: 'Sales', externalId: 'grp2' })).kind, 'create');
  assert.deepEqual(diffGroup(index, desired('grp1', { externalId: 'grp1', displayName: 'Engineering' })), { kind: 'unchanged', id: 'dirgroup_1' });
  const renamed = diffGroup(index, desired('grp1', { displayName: 'R&D', externalId: 'grp1' }));
  assert.equal(renamed.kind, 'update');
});

test('gone objects are those the source did not list, in id order', () => {
  const index = new Map([
    ['s3', { id: 'c' }],
    ['s1', { id: 'a' }],
    ['s2', { id: 'b' }],
  ]);
  assert.deepEqual(goneObjects(index, new Set(['s1', 's2', 's3'])), []);
  assert.deepEqual(goneObjects(index, new Set(['s2'])), [{ id: 'a' }, { id: 'c' }]);
  assert.deepEqual(goneObjects(index, new Set()), [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  assert.deepEqual(goneObjects(new Map(), new Set(['s1'])), []);
});

test('member deltas add the missing, remove the extra, and never remove the kept', () => {
  const cases: [string, string[], string[], string[], { add: string[]; remove: string[] }][] = [
    ['no change', ['a', 'b'], ['b', 'a'], [], { add: [], remove: [] }],
    ['first members', [], ['b', 'a'], [], { add: ['a', 'b'], remove: [] }],
    ['everyone left', ['a', 'b'], [], [], { add: [], remove: ['a', 'b'] }],
    ['one swapped', ['a', 'b'], ['a', 'c'], [], { add: ['c'], remove: ['b'] }],
    ['a user about to be deleted stays until then', ['a', 'b'], ['a'], ['b'], { add: [], remove: [] }],
    ['keeping does not add', ['a'], ['a'], ['z'], { add: [], remove: [] }],
  ];
  for (const [name, current, wanted, keep, expected] of cases) {
    assert.deepEqual(diffMembers(new Set(current), new Set(wanted), new Set(keep)), expected, name);
  }
});
