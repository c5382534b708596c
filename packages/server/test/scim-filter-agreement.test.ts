import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { PATCH_SCHEMA, USER_SCHEMA, createResource, listResources, type Json, type ScimEndpoint } from './support/scim-fixtures.js';

// One filter text, two places: `GET /Users?filter=emails[...]` (run as SQL) and a PATCH path
// `emails[...]` (run in memory on the stored user). The users a list filter returns must be
// exactly the users whose emails the same PATCH path reaches.

// One user per email type; the backslash ones test that a quoted value is a JSON string everywhere.
const TYPES = { A: 'work', B: 'Work', C: 'wo\\rk', D: 'wo\\\\rk', E: 'home' } as const;
type Name = keyof typeof TYPES;

// [the filter between the brackets, the users it selects]
const CASES: Array<[string, Name[]]> = [
  ['type eq work', ['A', 'B']],
  ['type eq "work"', ['A', 'B']],
  ['type eq "wo\\\\rk"', ['C']],
  ['type eq "wo\\\\\\\\rk"', ['D']],
  ['type sw "wo\\\\"', ['C', 'D']],
  ['type ne "home" and type ne "keep" and not (type co "\\\\")', ['A', 'B']],
  ['type eq home or value ew "a.example"', ['A', 'E']],
];

describeEachStore('SCIM filters: list filters and PATCH value paths agree', (fixture) => {
  const endpoint = (): ScimEndpoint => fixture.directory();

  CASES.forEach(([inner, expected], index) => {
    test(`emails[${inner}] selects ${expected.join(', ')} in both`, async () => {
      const prefix = `agree${index}-`;
      const ids = new Map<string, Name>();
      for (const [name, type] of Object.entries(TYPES) as Array<[Name, string]>) {
        const user = await createResource(endpoint(), 'Users', {
          schemas: [USER_SCHEMA],
          userName: `${prefix}${name}@example.com`,
          emails: [{ value: `${name.toLowerCase()}@${name.toLowerCase()}.example`, type }, { value: `${name.toLowerCase()}@keep.example`, type: 'keep' }],
        });
        ids.set(String(user.id), name);
      }

      const listed = await listResources(endpoint(), 'Users', { filter: `userName sw "${prefix}" and emails[${inner}]` });
      assert.equal(listed.status, 200, listed.text);
      const byList = (listed.body.Resources ?? []).map((user) => ids.get(String(user.id))).sort();

      const byPatch: Name[] = [];
      for (const [id, name] of ids) {
        const patched = await http<Json>('PATCH', `${endpoint().scim}/Users/${id}`, {
          token: endpoint().token,
          body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'remove', path: `emails[${inner}]` }] },
        });
        assert.equal(patched.status, 200, patched.text);
        const emails = patched.body.emails as Json[];
        if (emails.length < 2) byPatch.push(name);
        // The "keep" email matches no case: only the other one may go.
        assert.ok(emails.some((email) => email.type === 'keep'), `${name} kept its "keep" email`);
      }

      assert.deepEqual(byList, expected, 'the list filter');
      assert.deepEqual(byPatch.sort(), expected, 'the PATCH path');
    });
  });
});
