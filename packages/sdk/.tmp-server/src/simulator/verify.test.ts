import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DirectoryState } from './directory-state.js';
import { serverGroup, serverUser, type DirectorySnapshot } from './directory-snapshot.js';
import { importState } from './import-state.js';
import { compareDirectory } from './verify.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const state: DirectoryState = {
  domain: 'northwind.example',
  users: [
    { key: 'k1', id: 'u1', userName: 'ada@northwind.example', givenName: 'Ada', familyName: 'Lovelace', displayName: 'Ada Lovelace', email: 'ada@northwind.example', title: 'Engineer', department: 'Engineering', employeeNumber: '7', active: true },
    { key: 'k2', id: 'u2', userName: 'bo@northwind.example', givenName: 'Bo', familyName: 'Li', displayName: 'Bo Li', email: 'bo@northwind.example', active: false },
  ],
  groups: [{ key: 'g-key', id: 'g1', displayName: 'Engineering', externalId: 'g-key', department: 'Engineering', members: ['k1'] }],
};

function served(): DirectorySnapshot {
  return {
    users: [
      serverUser({
        id: 'u1', externalId: 'k1', userName: 'ada@northwind.example', name: { givenName: 'Ada', familyName: 'Lovelace' }, displayName: 'Ada Lovelace',
        emails: [{ value: 'old@x.example', type: 'home' }, { value: 'ada@northwind.example', type: 'work', primary: true }], title: 'Engineer', active: true,
        [ENTERPRISE]: { department: 'Engineering', employeeNumber: '7' },
      }),
      serverUser({ id: 'u2', externalId: 'k2', USERNAME: 'bo@northwind.example', name: { givenName: 'Bo', familyName: 'Li' }, displayName: 'Bo Li', emails: [{ value: 'bo@northwind.example' }], active: false }),
    ],
    groups: [serverGroup({ id: 'g1', displayName: 'Engineering', externalId: 'g-key', members: [{ value: 'u1', type: 'User' }] })],
  };
}

test('a server holding exactly the pushed state has no differences', () => {
  assert.deepEqual(compareDirectory(state, served()), []);
});

test('every kind of difference is reported', () => {
  const cases: [string, (snapshot: DirectorySnapshot) => void, RegExp][] = [
    ['a string active flag', (s) => void (s.users[1]!.active = 'False'), /active: pushed false, served "False"/],
    ['a changed title', (s) => void (s.users[0]!.title = 'Boss'), /title: pushed "Engineer", served "Boss"/],
    ['a lost department', (s) => void delete s.users[0]!.department, /department: pushed "Engineering", served \(absent\)/],
    ['a missing user', (s) => void s.users.pop(), /User u2 is missing/],
    ['an extra user', (s) => void s.users.push({ id: 'u9', userName: 'ghost', active: true }), /User u9 is on the server but was not pushed/],
    ['a renamed group', (s) => void (s.groups[0]!.displayName = 'Eng'), /displayName: pushed "Engineering", served "Eng"/],
    ['a missing member', (s) => void (s.groups[0]!.members = []), /lacks 1 member\(s\): u1/],
    ['an extra member', (s) => void s.groups[0]!.members.push('u2'), /has 1 member\(s\) it should not: u2/],
    ['a missing group', (s) => void s.groups.pop(), /Group g1 is missing/],
  ];
  for (const [name, mutate, expected] of cases) {
    const snapshot = served();
    mutate(snapshot);
    const lines = compareDirectory(state, snapshot).map((difference) => `${difference.resource} ${difference.id ?? ''} ${difference.problem}`);
    assert.equal(lines.length, 1, `${name}: ${lines.join('; ')}`);
    assert.match(lines[0] ?? '', expected, name);
  }
});

test('an imported state matches the server it came from', () => {
  const imported = importState(served(), 'fallback.example');
  assert.equal(imported.domain, 'northwind.example');
  assert.deepEqual(compareDirectory(imported, served()), []);
  assert.equal(imported.groups[0]?.department, 'Engineering');
});
