import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GROUP_RESOURCE, USER_RESOURCE, type ResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../schema/urns.js';
import type { ScimType } from '../scim-error.js';
import { groupColumns, normalizeResource, userColumns, type NormalizedResource } from './normalize-resource.js';

const MS_GROUP_SCHEMA = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

interface Case {
  name: string;
  type?: ResourceType;
  body: unknown;
  /** The exact stored resource expected. */
  resource?: Record<string, unknown>;
  check?: (normalized: NormalizedResource) => void;
  error?: ScimType;
  /** A word the error detail must contain (the attribute it names). */
  detail?: string;
}

const cases: Case[] = [
  {
    name: 'okta: realistic create keeps attributes, drops the placeholder password and groups []',
    body: {
      schemas: [USER_SCHEMA], userName: 'a@x.io', name: { givenName: 'A', familyName: 'B' },
      emails: [{ primary: true, value: 'a@x.io', type: 'work' }], displayName: 'A B', active: true,
      password: 'placeholder', groups: [], externalId: '00u1',
    },
    resource: {
      schemas: [USER_SCHEMA], userName: 'a@x.io', name: { givenName: 'A', familyName: 'B' },
      emails: [{ primary: true, value: 'a@x.io', type: 'work' }], displayName: 'A B', active: true, externalId: '00u1',
    },
    check: (n) => assert.equal(n.hadPassword, true),
  },
  {
    name: 'attribute names are canonicalized case-insensitively (USERNAME, Name.GivenName)',
    body: { USERNAME: 'u', Name: { GivenName: 'G', FAMILYNAME: 'F' }, ExternalID: 'e' },
    resource: { schemas: [USER_SCHEMA], userName: 'u', name: { givenName: 'G', familyName: 'F' }, externalId: 'e' },
  },
  {
    name: 'microsoft: "Primary" in emails becomes "primary"',
    body: { userName: 'u', emails: [{ Primary: true, type: 'work', value: 'a@b.c' }] },
    resource: { schemas: [USER_SCHEMA], userName: 'u', emails: [{ primary: true, type: 'work', value: 'a@b.c' }] },
  },
  {
    name: 'entra: active "True" string stored as true',
    body: { userName: 'u', active: 'True' },
    resource: { schemas: [USER_SCHEMA], userName: 'u', active: true },
  },
  {
    name: 'entra: active "False" string stored as false',
    body: { userName: 'u', active: 'False' },
    resource: { schemas: [USER_SCHEMA], userName: 'u', active: false },
  },
  {
    name: 'entra: primary "true" inside emails coerced to boolean',
    body: { userName: 'u', emails: [{ value: 'a@b.c', primary: 'true' }] },
    resource: { schemas: [USER_SCHEMA], userName: 'u', emails: [{ value: 'a@b.c', primary: true }] },
  },
  { name: 'active: 5 is invalidValue naming active', body: { userName: 'u', active: 5 }, error: 'invalidValue', detail: 'active' },
  { name: 'emails: "x" is invalidValue naming emails', body: { userName: 'u', emails: 'x' }, error: 'invalidValue', detail: 'emails' },
  { name: 'userName: object is invalidValue', body: { userName: { a: 1 } }, error: 'invalidValue', detail: 'userName' },
  {
    name: 'a single object where multi-valued is expected is wrapped in an array',
    body: { userName: 'u', emails: { value: 'a@b.c', type: 'work' } },
    resource: { schemas: [USER_SCHEMA], userName: 'u', emails: [{ value: 'a@b.c', type: 'work' }] },
  },
  {
    name: 'entra: null values, roles: [] and meta are dropped',
    body: {
      userName: 'u', roles: [], title: null, meta: { resourceType: 'User' },
      name: { formatted: 'F', honorificPrefix: null }, addresses: [{ country: null, type: 'other', primary: false }],
    },
    resource: { schemas: [USER_SCHEMA], userName: 'u', name: { formatted: 'F' }, addresses: [{ type: 'other', primary: false }] },
  },
  {
    name: 'okta: id in a PUT body is ignored (readOnly)',
    body: { id: '123', userName: 'u' },
    resource: { schemas: [USER_SCHEMA], userName: 'u' },
  },
  { name: 'microsoft: Post no username -> 400 invalidValue', body: { active: true, displayName: 'K' }, error: 'invalidValue', detail: 'userName' },
  { name: 'empty userName -> 400 invalidValue', body: { userName: '  ' }, error: 'invalidValue', detail: 'userName' },
  { name: 'microsoft: Put a user no username ("userame") -> 400', body: { userame: 'OMalley' }, error: 'invalidValue', detail: 'userName' },
  {
    name: 'microsoft: Put a user misspelled attribute keeps the unknown "adreses" as sent',
    body: { userName: 'OMalley', adreses: [{ country: 'Germany' }] },
    resource: { schemas: [USER_SCHEMA], userName: 'OMalley', adreses: [{ country: 'Germany' }] },
  },
  { name: 'body that is an array -> invalidSyntax', body: [{ userName: 'u' }], error: 'invalidSyntax' },
  { name: 'body that is a string -> invalidSyntax', body: 'userName', error: 'invalidSyntax' },
  { name: 'the same attribute twice in different case -> invalidSyntax', body: { userName: 'a', USERNAME: 'b' }, error: 'invalidSyntax' },
  {
    name: 'enterprise extension canonicalized and its URN added to schemas',
    body: { userName: 'u', 'URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER': { Department: 'bob', Manager: { Value: 'SuzzyQ' } } },
    resource: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: 'u', [ENTERPRISE_USER_SCHEMA]: { department: 'bob', manager: { value: 'SuzzyQ' } } },
  },
  {
    name: 'entra: malformed "enterprise:2.0User" URN read as the enterprise URN (key and schemas)',
    body: {
      schemas: [USER_SCHEMA, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'], userName: 'u',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0User': { employeeNumber: '7' },
    },
    resource: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: 'u', [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '7' } },
  },
  {
    name: 'entra: manager as a bare id string becomes {value}',
    body: { userName: 'u', [ENTERPRISE_USER_SCHEMA]: { manager: 'm-1' } },
    resource: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: 'u', [ENTERPRISE_USER_SCHEMA]: { manager: { value: 'm-1' } } },
  },
  {
    name: 'employeeNumber sent as a number is stored as a string',
    body: { userName: 'u', [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 7 } },
    resource: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: 'u', [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '7' } },
  },
  { name: 'extension that is not an object -> invalidValue', body: { userName: 'u', [ENTERPRISE_USER_SCHEMA]: 'x' }, error: 'invalidValue' },
  {
    name: 'unknown extension URN kept as sent, in schemas too; duplicate schemas collapsed; core schema ensured',
    body: {
      schemas: ['urn:acme:ext:1.0:User', 'urn:acme:ext:1.0:User', 'URN:ietf:params:scim:schemas:core:2.0:user'], userName: 'u',
      'urn:acme:ext:1.0:User': { Badge: 12, nested: { a: [1] } },
    },
    resource: { schemas: [USER_SCHEMA, 'urn:acme:ext:1.0:User'], userName: 'u', 'urn:acme:ext:1.0:User': { Badge: 12, nested: { a: [1] } } },
  },
  {
    name: 'missing schemas: the core schema is added',
    body: { userName: 'u' },
    resource: { schemas: [USER_SCHEMA], userName: 'u' },
  },
  { name: 'schemas with a non-string -> invalidValue', body: { schemas: [1], userName: 'u' }, error: 'invalidValue' },
  {
    name: 'entra: group create keeps the Microsoft ADSCIM schema and pulls out members',
    type: GROUP_RESOURCE,
    body: {
      schemas: [GROUP_SCHEMA, MS_GROUP_SCHEMA], displayName: 'G', externalId: 'e',
      members: [{ value: 'u1', $ref: null, display: 'VP' }, { value: 'g2', type: 'group' }],
    },
    resource: { schemas: [GROUP_SCHEMA, MS_GROUP_SCHEMA], displayName: 'G', externalId: 'e' },
    check: (n) => assert.deepEqual(n.members, [{ value: 'u1' }, { value: 'g2', type: 'Group' }]),
  },
  {
    name: 'group without members: members undefined; with []: an empty list',
    type: GROUP_RESOURCE,
    body: { displayName: 'G', members: [] },
    check: (n) => assert.deepEqual(n.members, []),
  },
  {
    name: 'group body without members leaves members undefined',
    type: GROUP_RESOURCE,
    body: { displayName: 'G' },
    check: (n) => assert.equal(n.members, undefined),
  },
  { name: 'group without displayName -> invalidValue', type: GROUP_RESOURCE, body: { externalId: 'e' }, error: 'invalidValue', detail: 'displayName' },
  { name: 'member without value -> invalidValue', type: GROUP_RESOURCE, body: { displayName: 'G', members: [{ display: 'x' }] }, error: 'invalidValue' },
  { name: 'member with an unknown type -> invalidValue', type: GROUP_RESOURCE, body: { displayName: 'G', members: [{ value: 'x', type: 'Robot' }] }, error: 'invalidValue' },
  {
    name: 'duplicate member ids collapse to one',
    type: GROUP_RESOURCE,
    body: { displayName: 'G', members: [{ value: 'a' }, { value: 'a', type: 'User' }] },
    check: (n) => assert.deepEqual(n.members, [{ value: 'a' }]),
  },
  {
    name: 'members on a User is not a User attribute: kept as sent like any unknown attribute',
    body: { userName: 'u', members: [{ value: 'x' }] },
    resource: { schemas: [USER_SCHEMA], userName: 'u', members: [{ value: 'x' }] },
  },
  {
    name: 'manager.displayName (readOnly) is ignored',
    body: { userName: 'u', [ENTERPRISE_USER_SCHEMA]: { manager: { value: 'm', displayName: 'Boss' } } },
    resource: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: 'u', [ENTERPRISE_USER_SCHEMA]: { manager: { value: 'm' } } },
  },
  { name: 'hostile __proto__ key -> invalidSyntax', body: JSON.parse('{"userName":"u","__proto__":{"polluted":true}}'), error: 'invalidSyntax' },
  { name: 'hostile nested constructor key -> invalidSyntax', body: { userName: 'u', name: { constructor: { prototype: { x: 1 } } } }, error: 'invalidSyntax' },
  { name: 'core attributes nested under the core URN are read and validated as top-level ones', body: { userName: 'u', meta: {}, 'urn:ietf:params:scim:schemas:core:2.0:User': { active: 'maybe' } }, error: 'invalidValue', detail: 'active' },
];

describe('normalizeResource', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = normalizeResource(c.type ?? USER_RESOURCE, c.body);
      if (c.error) {
        assert.equal(result.ok, false, 'expected an error');
        if (result.ok) return;
        assert.equal(result.error.status, 400);
        assert.equal(result.error.scimType, c.error);
        if (c.detail) assert.match(result.error.detail, new RegExp(c.detail));
        return;
      }
      assert.ok(result.ok, result.ok ? '' : result.error.detail);
      if (c.resource) assert.deepEqual(result.value.resource, c.resource);
      c.check?.(result.value);
    });
  }
});

describe('normalized columns', () => {
  it('userColumns reads names, primary email, lower-cased emails, active default true', () => {
    const result = normalizeResource(USER_RESOURCE, {
      userName: 'U', externalId: 'x', displayName: 'D', name: { givenName: 'G', familyName: 'F' },
      emails: [{ value: 'Home@X.io', type: 'home' }, { value: 'Work@X.io', primary: true }],
    });
    assert.ok(result.ok);
    assert.deepEqual(userColumns(result.value.resource), {
      userName: 'U', externalId: 'x', displayName: 'D', givenName: 'G', familyName: 'F',
      primaryEmail: 'Work@X.io', emails: ['home@x.io', 'work@x.io'], active: true,
    });
  });
  it('userColumns: no primary email picks the first; missing fields are null; active false kept', () => {
    assert.deepEqual(userColumns({ userName: 'u', active: false, emails: [{ value: 'a@b' }, { value: 'c@d' }] }), {
      userName: 'u', externalId: null, displayName: null, givenName: null, familyName: null,
      primaryEmail: 'a@b', emails: ['a@b', 'c@d'], active: false,
    });
  });
  it('groupColumns reads displayName and externalId', () => {
    assert.deepEqual(groupColumns({ displayName: 'G' }), { displayName: 'G', externalId: null });
  });
});
