import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lookupProperty } from './json-property.js';

const doc = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 1,
  Resources: [{ id: 'u1', name: { familyName: 'Hopper' }, emails: [{ value: 'g@example.com' }], active: false }],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 'm1' } },
};

const cases: [string, string | null | undefined, unknown][] = [
  ['empty path is the whole document', '', doc],
  ['missing path is the whole document', undefined, doc],
  ['top-level key', 'totalResults', 1],
  ['array as a whole', 'schemas', doc.schemas],
  ['index then nested keys', 'Resources[0].name.familyName', 'Hopper'],
  ['nested indexes', 'Resources[0].emails[0].value', 'g@example.com'],
  ['dotted index', 'Resources.0.id', 'u1'],
  ['false is a value, not absence', 'Resources[0].active', false],
  ['quoted bracket key with dots and colons', '["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].manager.value', 'm1'],
  ['index out of range', 'Resources[3].id', undefined],
  ['key on an array', 'Resources.id', undefined],
  ['missing key', 'Resources[0].nickName', undefined],
  ['through a scalar', 'totalResults.x', undefined],
  ['unclosed bracket', 'Resources[0', undefined],
  ['keys are case-sensitive, as in Runscope', 'resources[0].id', undefined],
];

for (const [name, path, expected] of cases) {
  test(`lookupProperty: ${name}`, () => {
    assert.deepEqual(lookupProperty(doc, path), expected);
  });
}
