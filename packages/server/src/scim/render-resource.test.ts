import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etagOf, etagsMatch, renderResource } from './render-resource.js';
import { GROUP_RESOURCE, USER_RESOURCE } from './schema/resource-types.js';

const meta = { id: 'diruser_1', createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-01-02T00:00:00Z'), version: 3 };

test('renderResource: id, meta and the schema order of attributes', () => {
  const rendered = renderResource(USER_RESOURCE, { name: { givenName: 'A' }, userName: 'a', externalId: 'x', schemas: ['s'] }, meta, 'http://h/Users/diruser_1', { groups: [] });
  assert.deepEqual(Object.keys(rendered), ['schemas', 'id', 'externalId', 'userName', 'name', 'groups', 'meta']);
  assert.deepEqual(rendered.meta, {
    resourceType: 'User',
    created: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-02T00:00:00.000Z',
    location: 'http://h/Users/diruser_1',
    version: 'W/"3"',
  });
});

test('renderResource: the core schema is listed when the stored resource has none', () => {
  const rendered = renderResource(GROUP_RESOURCE, { displayName: 'g' }, { ...meta, id: 'dirgroup_1' }, 'http://h/Groups/dirgroup_1');
  assert.deepEqual(rendered.schemas, ['urn:ietf:params:scim:schemas:core:2.0:Group']);
});

test('renderResource: extension attributes follow the core ones', () => {
  const urn = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
  const rendered = renderResource(USER_RESOURCE, { [urn]: { employeeNumber: '1' }, userName: 'a' }, meta, 'l');
  assert.deepEqual(Object.keys(rendered), ['schemas', 'id', 'userName', urn, 'meta']);
});

test('etagOf is a weak ETag of the version', () => assert.equal(etagOf(12), 'W/"12"'));

test('etagsMatch: the one If-Match / If-None-Match comparison', () => {
  const cases: [header: string, version: number, expected: boolean][] = [
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    [' W/"3" ', 3, true],
    ['W/"2", W/"3"', 3, true],
    ['*', 3, true],
    ['W/"4"', 3, false],
    ['W/"30"', 3, false],
    ['"3', 3, false],
    ['', 3, false],
    ['w/"3"', 3, false],
  ];
  for (const [header, version, expected] of cases) assert.equal(etagsMatch(header, version), expected, header);
});
