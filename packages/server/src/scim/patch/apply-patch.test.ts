import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GROUP_RESOURCE, USER_RESOURCE, type ResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA as ENTERPRISE, GROUP_SCHEMA, PATCH_OP_SCHEMA, USER_SCHEMA } from '../schema/urns.js';
import type { ScimType } from '../scim-error.js';
import type { StoredResource } from '../resource/normalize-resource.js';
import { applyPatch, type PatchContext } from './apply-patch.js';
import type { MemberOp } from './member-ops.js';

const USER: StoredResource = {
  schemas: [USER_SCHEMA],
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@home.example', type: 'home' },
  ],
  externalId: 'ext-1',
};

const GROUP: StoredResource = { schemas: [GROUP_SCHEMA], displayName: 'Engineering', externalId: 'g-ext' };

const ACME = 'urn:acme:params:scim:schemas:extension:acme:1.0:User';

interface Case {
  name: string;
  type?: ResourceType;
  resource?: StoredResource;
  /** The `Operations`; wrapped in a PatchOp body. */
  ops?: unknown[];
  /** A whole body, for body-validation cases. */
  body?: unknown;
  context?: PatchContext;
  /** The expected resource, or a function of a copy of the starting one. */
  expect?: StoredResource | ((before: StoredResource) => StoredResource);
  memberOps?: MemberOp[];
  changed?: boolean;
  error?: ScimType;
  detail?: string;
}

const copy = (value: StoredResource): StoredResource => structuredClone(value);

const cases: Case[] = [
  // --- The PatchOp body (RFC 7644 3.5.2) ---
  { name: 'body that is not an object -> invalidSyntax', body: [], error: 'invalidSyntax' },
  { name: 'schemas without the PatchOp URN -> invalidSyntax', body: { schemas: [USER_SCHEMA], Operations: [{ op: 'add', path: 'title', value: 'x' }] }, error: 'invalidSyntax' },
  { name: 'a body without schemas is accepted', body: { Operations: [{ op: 'add', path: 'title', value: 'x' }] }, expect: (u) => ({ ...u, title: 'x' }) },
  { name: 'missing Operations -> invalidSyntax', body: { schemas: [PATCH_OP_SCHEMA] }, error: 'invalidSyntax' },
  { name: 'empty Operations -> invalidSyntax', ops: [], error: 'invalidSyntax' },
  { name: '"operations" in lower case is accepted', body: { schemas: [PATCH_OP_SCHEMA], operations: [{ op: 'add', path: 'title', value: 'x' }] }, expect: (u) => ({ ...u, title: 'x' }) },
  { name: 'an operation that is not an object -> invalidSyntax', ops: ['add'], error: 'invalidSyntax' },
  { name: 'unknown op "copy" -> invalidSyntax', ops: [{ op: 'copy', path: 'title', value: 'x' }], error: 'invalidSyntax' },
  { name: 'missing op -> invalidSyntax', ops: [{ path: 'title', value: 'x' }], error: 'invalidSyntax' },
  { name: 'add without a value -> invalidValue', ops: [{ op: 'add', path: 'title' }], error: 'invalidValue' },
  { name: 'remove without a path -> noTarget (RFC 7644 3.5.2.2)', ops: [{ op: 'remove' }], error: 'noTarget' },
  { name: 'a path that is not a string -> invalidPath', ops: [{ op: 'add', path: 5, value: 'x' }], error: 'invalidPath' },

  // --- Simple attributes ---
  { name: 'entra: Replace active "False" stores false', ops: [{ op: 'Replace', path: 'active', value: 'False' }], expect: (u) => ({ ...u, active: false }) },
  { name: 'entra: Replace active "True" on an active user changes nothing', ops: [{ op: 'Replace', path: 'active', value: 'True' }], expect: USER, changed: false },
  { name: 'okta: deactivate with a no-path replace {active:false}', ops: [{ op: 'replace', value: { active: false } }], expect: (u) => ({ ...u, active: false }) },
  { name: 'microsoft: replace userName', ops: [{ op: 'replace', path: 'userName', value: 'ryan3' }], expect: (u) => ({ ...u, userName: 'ryan3' }) },
  { name: 'paths are case-insensitive ("USERNAME")', ops: [{ op: 'replace', path: 'USERNAME', value: 'x' }], expect: (u) => ({ ...u, userName: 'x' }) },
  { name: 'add a missing single-valued attribute', ops: [{ op: 'add', path: 'displayName', value: 'Babs' }], expect: (u) => ({ ...u, displayName: 'Babs' }) },
  { name: 'remove an attribute the user does not have changes nothing', ops: [{ op: 'remove', path: 'title' }], expect: USER, changed: false },
  { name: 'remove externalId', ops: [{ op: 'remove', path: 'externalId' }], expect: ({ externalId: _, ...u }) => u },
  { name: 'replace with null unassigns the attribute', ops: [{ op: 'replace', path: 'externalId', value: null }], expect: ({ externalId: _, ...u }) => u },
  { name: 'replace active with 5 -> invalidValue', ops: [{ op: 'replace', path: 'active', value: 5 }], error: 'invalidValue', detail: 'active' },
  { name: 'replace userName with "" -> invalidValue (result re-validated)', ops: [{ op: 'replace', path: 'userName', value: '' }], error: 'invalidValue', detail: 'userName' },
  { name: 'remove userName (required) -> mutability', ops: [{ op: 'remove', path: 'userName' }], error: 'mutability' },
  { name: 'unknown path -> invalidPath naming it', ops: [{ op: 'replace', path: 'favoriteColor', value: 'red' }], error: 'invalidPath', detail: 'favoriteColor' },
  { name: 'onelogin: an attribute kept from a POST (no schema) can be replaced by its path', resource: { ...USER, favoriteColor: 'blue' }, ops: [{ op: 'replace', path: 'FavoriteColor', value: 'red' }], expect: (u) => ({ ...u, favoriteColor: 'red' }) },
  { name: 'an attribute kept from a POST (no schema) can be removed by its path', resource: { ...USER, favoriteColor: 'blue' }, ops: [{ op: 'remove', path: 'favoriteColor' }], expect: ({ favoriteColor: _, ...u }) => u },
  { name: 'replacing the same value reports changed false', ops: [{ op: 'replace', path: 'userName', value: 'bjensen' }], expect: USER, changed: false },
  { name: 'operations apply in order', ops: [{ op: 'replace', path: 'title', value: 'A' }, { op: 'replace', path: 'title', value: 'B' }, { op: 'remove', path: 'externalId' }], expect: ({ externalId: _, ...u }) => ({ ...u, title: 'B' }) },

  // --- Mutability ---
  { name: 'replace id with a different value -> mutability', ops: [{ op: 'replace', path: 'id', value: 'other' }], context: { id: 'u-1' }, error: 'mutability' },
  { name: 'replace id with the same value is no change', ops: [{ op: 'replace', path: 'id', value: 'u-1' }], context: { id: 'u-1' }, expect: USER, changed: false },
  { name: 'remove meta -> mutability', ops: [{ op: 'remove', path: 'meta' }], error: 'mutability' },
  { name: 'replace meta.lastModified -> mutability', ops: [{ op: 'replace', path: 'meta.lastModified', value: '2020-01-01T00:00:00Z' }], error: 'mutability' },
  { name: 'add groups on a User -> mutability', ops: [{ op: 'add', path: 'groups', value: [{ value: 'g1' }] }], error: 'mutability' },
  { name: 'okta: password in a PATCH is accepted and discarded', ops: [{ op: 'replace', path: 'password', value: 'hunter2' }], expect: USER, changed: false },
  { name: 'password in a no-path value is discarded', ops: [{ op: 'replace', value: { password: 'x', title: 'T' } }], expect: (u) => ({ ...u, title: 'T' }) },
  { name: 'no-path value echoing meta and schemas: both ignored', ops: [{ op: 'replace', value: { meta: { resourceType: 'User' }, schemas: [USER_SCHEMA], title: 'T' } }], expect: (u) => ({ ...u, title: 'T' }) },

  // --- Complex attributes ---
  { name: 'replace name.givenName', ops: [{ op: 'replace', path: 'name.givenName', value: 'Babs' }], expect: (u) => ({ ...u, name: { givenName: 'Babs', familyName: 'Jensen' } }) },
  { name: 'add name.middleName', ops: [{ op: 'add', path: 'Name.MiddleName', value: 'J' }], expect: (u) => ({ ...u, name: { givenName: 'Barbara', familyName: 'Jensen', middleName: 'J' } }) },
  { name: 'remove name.givenName', ops: [{ op: 'remove', path: 'name.givenName' }], expect: (u) => ({ ...u, name: { familyName: 'Jensen' } }) },
  { name: 'replace name with an object merges sub-attributes (RFC 7644 3.5.2.3)', ops: [{ op: 'replace', path: 'name', value: { givenName: 'B', formatted: 'B J' } }], expect: (u) => ({ ...u, name: { givenName: 'B', familyName: 'Jensen', formatted: 'B J' } }) },
  { name: 'name.bogus -> invalidPath', ops: [{ op: 'replace', path: 'name.bogus', value: 'x' }], error: 'invalidPath' },
  {
    name: 'entra (aadOptscim062020): no-path replace with dotted and URN-qualified keys',
    ops: [{ op: 'replace', value: { 'name.givenName': 'A', [`${ENTERPRISE}:employeeNumber`]: '7' } }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], name: { givenName: 'A', familyName: 'Jensen' }, [ENTERPRISE]: { employeeNumber: '7' } }),
  },
  {
    name: 'entra (aadOptscim062020): no-path URN-qualified manager holding an object sets the manager, not a new extension',
    ops: [{ op: 'replace', value: { [`${ENTERPRISE}:manager`]: { value: 'u-9' } } }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'u-9' } } }),
  },
  { name: 'no-path add with a complex attribute in another case merges', ops: [{ op: 'add', value: { NAME: { FamilyName: 'J2' } } }], expect: (u) => ({ ...u, name: { givenName: 'Barbara', familyName: 'J2' } }) },
  { name: 'no-path value that is not an object -> invalidValue', ops: [{ op: 'replace', value: 'x' }], error: 'invalidValue' },
  { name: 'no-path unknown simple attribute is kept as sent (as in PUT)', ops: [{ op: 'add', value: { favoriteColor: 'red' } }], expect: (u) => ({ ...u, favoriteColor: 'red' }) },
  { name: 'no-path unknown dotted key -> invalidPath', ops: [{ op: 'add', value: { 'name.nickname2': 'x' } }], error: 'invalidPath' },

  // --- Multi-valued attributes ---
  {
    name: 'add emails appends a new value',
    ops: [{ op: 'add', path: 'emails', value: [{ value: 'b@other.example', type: 'other' }] }],
    expect: (u) => ({ ...u, emails: [...(u.emails as unknown[]), { value: 'b@other.example', type: 'other' }] }),
  },
  { name: 'add an identical email changes nothing (RFC 7644 3.5.2.1)', ops: [{ op: 'add', path: 'emails', value: [{ value: 'babs@home.example', type: 'home' }] }], expect: USER, changed: false },
  {
    name: 'add a primary email clears primary on the others (RFC 7643 2.4)',
    ops: [{ op: 'add', path: 'emails', value: { value: 'new@example.com', type: 'work', primary: 'True' } }],
    expect: (u) => ({ ...u, emails: [{ value: 'bjensen@example.com', type: 'work', primary: false }, { value: 'babs@home.example', type: 'home' }, { value: 'new@example.com', type: 'work', primary: true }] }),
  },
  { name: 'replace emails replaces the whole array', ops: [{ op: 'replace', path: 'emails', value: [{ value: 'only@example.com' }] }], expect: (u) => ({ ...u, emails: [{ value: 'only@example.com' }] }) },
  { name: 'remove emails removes every value', ops: [{ op: 'remove', path: 'emails' }], expect: ({ emails: _, ...u }) => u },
  { name: 'remove emails[type eq "home"] removes the matching value', ops: [{ op: 'remove', path: 'emails[type eq "home"]' }], expect: (u) => ({ ...u, emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }] }) },
  { name: 'remove with a filter matching nothing changes nothing', ops: [{ op: 'remove', path: 'emails[type eq "other"]' }], expect: USER, changed: false },
  {
    name: 'entra: replace emails[type eq "work"].value',
    ops: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'barbara@example.com' }],
    expect: (u) => ({ ...u, emails: [{ value: 'barbara@example.com', type: 'work', primary: true }, { value: 'babs@home.example', type: 'home' }] }),
  },
  {
    name: 'entra: add emails[type eq "work"].value on a user without one creates {type:"work"}',
    resource: { schemas: [USER_SCHEMA], userName: 'u' },
    ops: [{ op: 'Add', path: 'emails[type eq "work"].value', value: 'u@example.com' }],
    expect: { schemas: [USER_SCHEMA], userName: 'u', emails: [{ type: 'work', value: 'u@example.com' }] },
  },
  {
    name: 'entra: replace addresses[type eq "work"].streetAddress with no addresses creates a work address',
    ops: [{ op: 'Replace', path: 'addresses[type eq "work"].streetAddress', value: '1 Main St' }],
    expect: (u) => ({ ...u, addresses: [{ type: 'work', streetAddress: '1 Main St' }] }),
  },
  {
    name: 'entra: replace addresses[type eq "work"].postalCode keeps the other sub-attributes',
    resource: { ...USER, addresses: [{ type: 'work', streetAddress: '1 Main St' }, { type: 'home', postalCode: '1' }] },
    ops: [{ op: 'Replace', path: 'addresses[type eq "work"].postalCode', value: '98052' }],
    expect: (u) => ({ ...u, addresses: [{ type: 'work', streetAddress: '1 Main St', postalCode: '98052' }, { type: 'home', postalCode: '1' }] }),
  },
  {
    name: 'replace emails[type eq "work" and primary eq true].value',
    ops: [{ op: 'replace', path: 'emails[type eq "work" and primary eq true].value', value: 'p@example.com' }],
    expect: (u) => ({ ...u, emails: [{ value: 'p@example.com', type: 'work', primary: true }, { value: 'babs@home.example', type: 'home' }] }),
  },
  {
    name: 'filter with "and" creating a value seeds every term (primary as a boolean)',
    resource: { schemas: [USER_SCHEMA], userName: 'u' },
    ops: [{ op: 'replace', path: 'phoneNumbers[type eq "mobile" and primary eq true].value', value: '555' }],
    expect: { schemas: [USER_SCHEMA], userName: 'u', phoneNumbers: [{ type: 'mobile', primary: true, value: '555' }] },
  },
  { name: 'replace with a filter that matches nothing and describes no value -> noTarget', ops: [{ op: 'replace', path: 'emails[value co "nobody"].type', value: 'work' }], error: 'noTarget' },
  {
    name: 'replace emails[type eq "home"] replaces the matching value whole (RFC 7644 3.5.2.3)',
    ops: [{ op: 'replace', path: 'emails[type eq "home"]', value: { value: 'h2@home.example', type: 'home', display: 'Home' } }],
    expect: (u) => ({ ...u, emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }, { value: 'h2@home.example', type: 'home', display: 'Home' }] }),
  },
  {
    name: 'replace emails[type eq "other"] with no match creates the value keeping the filter\'s type',
    ops: [{ op: 'replace', path: 'emails[type eq "other"]', value: { value: 'o@example.com' } }],
    expect: (u) => ({ ...u, emails: [...(u.emails as unknown[]), { type: 'other', value: 'o@example.com' }] }),
  },
  {
    name: 'add emails[type eq "home"] merges into the matching value',
    ops: [{ op: 'add', path: 'emails[type eq "home"]', value: { display: 'Home' } }],
    expect: (u) => ({ ...u, emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }, { value: 'babs@home.example', type: 'home', display: 'Home' }] }),
  },
  {
    name: 'replace emails[type eq "home"].primary true moves primary off the work email',
    ops: [{ op: 'replace', path: 'emails[type eq "home"].primary', value: true }],
    expect: (u) => ({ ...u, emails: [{ value: 'bjensen@example.com', type: 'work', primary: false }, { value: 'babs@home.example', type: 'home', primary: true }] }),
  },
  { name: 'remove emails[type eq "work"].value drops the work email', ops: [{ op: 'remove', path: 'emails[type eq "work"].value' }], expect: (u) => ({ ...u, emails: [{ value: 'babs@home.example', type: 'home' }] }) },
  { name: 'remove emails.type removes the sub-attribute from every value', ops: [{ op: 'remove', path: 'emails.type' }], expect: (u) => ({ ...u, emails: [{ value: 'bjensen@example.com', primary: true }, { value: 'babs@home.example' }] }) },
  { name: 'filter values compare case-insensitively (type eq "WORK")', ops: [{ op: 'remove', path: 'emails[TYPE eq "WORK"]' }], expect: (u) => ({ ...u, emails: [{ value: 'babs@home.example', type: 'home' }] }) },
  { name: 'a filter on a single-valued attribute -> invalidPath', ops: [{ op: 'replace', path: 'name[givenName eq "x"].familyName', value: 'y' }], error: 'invalidPath' },
  { name: 'a filter on an unknown sub-attribute -> invalidFilter', ops: [{ op: 'replace', path: 'emails[foo eq "x"].value', value: 'y' }], error: 'invalidFilter' },
  { name: 'an unknown sub-attribute after the filter -> invalidPath', ops: [{ op: 'replace', path: 'emails[type eq "work"].bogus', value: 'y' }], error: 'invalidPath' },
  { name: 'a malformed filter -> invalidFilter', ops: [{ op: 'replace', path: 'emails[type eq].value', value: 'y' }], error: 'invalidFilter' },
  // The filter in a path is a list filter's `emails[...]`: the same parser, so a bare word is a value here too.
  {
    name: 'replace emails[type eq work].value (an unquoted value, as list filters accept)',
    ops: [{ op: 'replace', path: 'emails[type eq work].value', value: 'barbara@example.com' }],
    expect: (u) => ({ ...u, emails: [{ value: 'barbara@example.com', type: 'work', primary: true }, { value: 'babs@home.example', type: 'home' }] }),
  },
  {
    name: 'a quoted value in a path is a JSON string: "wo\\\\rk" is wo\\rk',
    resource: { ...USER, emails: [{ value: 'a@example.com', type: 'wo\\rk' }, { value: 'b@example.com', type: 'wo\\\\rk' }] },
    ops: [{ op: 'remove', path: 'emails[type eq "wo\\\\rk"]' }],
    expect: (u) => ({ ...u, emails: [{ value: 'b@example.com', type: 'wo\\\\rk' }] }),
  },
  { name: 'an unclosed "[" -> invalidPath', ops: [{ op: 'replace', path: 'emails[type eq "work".value', value: 'y' }], error: 'invalidPath' },
  { name: 'add emails "x" (not an object) -> invalidValue', ops: [{ op: 'add', path: 'emails', value: 'x' }], error: 'invalidValue', detail: 'emails' },
  { name: 'entra: replace roles with [] removes them', resource: { ...USER, roles: [{ value: 'admin' }] }, ops: [{ op: 'replace', path: 'roles', value: [] }], expect: USER },

  // --- Enterprise extension ---
  {
    name: 'entra: replace urn:...:enterprise:2.0:User:employeeNumber creates the extension and lists its URN',
    ops: [{ op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: '42' }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { employeeNumber: '42' } }),
  },
  {
    name: 'entra: Add manager with a bare id string',
    ops: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: 'mgr-1' }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'mgr-1' } } }),
  },
  {
    name: 'entra: Add manager with a [{$ref, value}] array',
    ops: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: [{ $ref: 'https://x/Users/mgr-2', value: 'mgr-2' }] }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { $ref: 'https://x/Users/mgr-2', value: 'mgr-2' } } }),
  },
  {
    name: 'a different manager replaces the old one\'s $ref',
    resource: { ...USER, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm1', $ref: 'https://x/Users/m1' }, department: 'D' } },
    ops: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: 'm2' }],
    expect: (u) => ({ ...u, [ENTERPRISE]: { manager: { value: 'm2' }, department: 'D' } }),
  },
  {
    name: 'replace urn:...:User:manager.value',
    resource: { ...USER, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm1' } } },
    ops: [{ op: 'replace', path: `${ENTERPRISE}:manager.value`, value: 'm3' }],
    expect: (u) => ({ ...u, [ENTERPRISE]: { manager: { value: 'm3' } } }),
  },
  {
    name: 'entra: remove the manager drops an extension left empty',
    resource: { ...USER, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm1' } } },
    ops: [{ op: 'Remove', path: `${ENTERPRISE}:manager` }],
    expect: ({ [ENTERPRISE]: _, ...u }) => u,
  },
  // Unqualified extension attributes (RFC 7644 3.10: extension attributes SHOULD, not MUST, be qualified)
  {
    name: 'entra (older samples): Add the unqualified path "manager" with [{$ref: null, value}] sets the enterprise manager',
    ops: [{ op: 'Add', path: 'manager', value: [{ $ref: null, value: 'mgr-1' }] }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'mgr-1' } } }),
  },
  {
    name: 'unqualified manager.value, employeeNumber and DEPARTMENT land in the enterprise extension',
    ops: [{ op: 'replace', path: 'manager.value', value: 'm9' }, { op: 'add', path: 'employeeNumber', value: '42' }, { op: 'replace', path: 'DEPARTMENT', value: 'R&D' }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm9' }, employeeNumber: '42', department: 'R&D' } }),
  },
  {
    name: 'remove the unqualified manager drops it from the extension',
    resource: { ...USER, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm1' }, department: 'D' } },
    ops: [{ op: 'Remove', path: 'manager' }],
    expect: (u) => ({ ...u, [ENTERPRISE]: { department: 'D' } }),
  },
  {
    name: 'a no-path value with an unqualified extension attribute sets it in the extension',
    ops: [{ op: 'replace', value: { costCenter: 'CC-1' } }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { costCenter: 'CC-1' } }),
  },
  {
    name: 'an attribute the user holds unqualified (kept from a POST) stays that attribute',
    resource: { ...USER, department: 'Top' },
    ops: [{ op: 'replace', path: 'department', value: 'Still top' }],
    expect: (u) => ({ ...u, department: 'Still top' }),
  },
  { name: 'a core attribute wins over an extension: "userName" is never qualified into one', ops: [{ op: 'replace', path: 'userName', value: 'b2' }], expect: (u) => ({ ...u, userName: 'b2' }) },
  { name: 'unqualified manager.displayName is readOnly too -> mutability', ops: [{ op: 'replace', path: 'manager.displayName', value: 'Boss' }], error: 'mutability' },
  { name: 'an unqualified name no schema defines stays invalidPath', ops: [{ op: 'replace', path: 'managerr', value: 'x' }], error: 'invalidPath' },
  { name: 'a Group has no enterprise extension: "manager" -> invalidPath', type: GROUP_RESOURCE, ops: [{ op: 'add', path: 'manager', value: 'x' }], error: 'invalidPath' },

  // The dotted URN form: a known schema's URN, then a dot, then the attribute
  {
    name: 'entra (API-driven inbound): replace urn:...:enterprise:2.0:User.manager with a bare id',
    ops: [{ op: 'replace', path: `${ENTERPRISE}.manager`, value: 'mgr-2' }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'mgr-2' } } }),
  },
  {
    name: 'the dotted form reaches sub-attributes and is case-insensitive',
    resource: { ...USER, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm1' } } },
    ops: [{ op: 'replace', path: `${ENTERPRISE.toUpperCase()}.Manager.Value`, value: 'm4' }],
    expect: (u) => ({ ...u, [ENTERPRISE]: { manager: { value: 'm4' } } }),
  },
  { name: 'the dotted form of the core URN names a core attribute', ops: [{ op: 'replace', path: `${USER_SCHEMA}.title`, value: 'T' }], expect: (u) => ({ ...u, title: 'T' }) },
  { name: 'the dotted form with an attribute the schema lacks -> invalidPath', ops: [{ op: 'replace', path: `${ENTERPRISE}.favoriteColor`, value: 'x' }], error: 'invalidPath' },
  { name: 'manager.displayName is readOnly -> mutability', ops: [{ op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'Boss' }], error: 'mutability' },
  {
    name: 'entra: the malformed "enterprise:2.0User" URN in a path is read as the enterprise URN',
    ops: [{ op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User:department', value: 'Sales' }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { department: 'Sales' } }),
  },
  {
    name: 'the whole extension URN as path merges its attributes',
    ops: [{ op: 'add', path: ENTERPRISE.toUpperCase(), value: { Department: 'Sales', costCenter: 'C1' } }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { department: 'Sales', costCenter: 'C1' } }),
  },
  {
    name: 'remove with the whole extension URN as path drops the extension',
    resource: { ...USER, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { department: 'D' } },
    ops: [{ op: 'remove', path: ENTERPRISE }],
    expect: ({ [ENTERPRISE]: _, ...u }) => u,
  },
  { name: 'a core URN-qualified path (urn:...:core:2.0:User:userName)', ops: [{ op: 'replace', path: `${USER_SCHEMA}:userName`, value: 'b2' }], expect: (u) => ({ ...u, userName: 'b2' }) },
  { name: 'an extension attribute the schema lacks -> invalidPath', ops: [{ op: 'replace', path: `${ENTERPRISE}:shoeSize`, value: '9' }], error: 'invalidPath' },
  { name: 'a path into an extension the user does not carry -> invalidPath', ops: [{ op: 'replace', path: `${ACME}:badge`, value: '9' }], error: 'invalidPath' },
  {
    name: 'a path into an unknown extension the user carries is applied as sent',
    resource: { ...USER, schemas: [USER_SCHEMA, ACME], [ACME]: { badge: '1' } },
    ops: [{ op: 'replace', path: `${ACME}:badge`, value: '2' }],
    expect: (u) => ({ ...u, [ACME]: { badge: '2' } }),
  },
  {
    name: 'a no-path value may bring a new unknown extension object, as a POST would',
    ops: [{ op: 'add', value: { [ACME]: { badge: '3' } } }],
    expect: (u) => ({ ...u, schemas: [USER_SCHEMA, ACME], [ACME]: { badge: '3' } }),
  },

  // --- Groups ---
  {
    name: 'okta: group rename is a no-path replace of {id, displayName}; the same id is ignored',
    type: GROUP_RESOURCE, context: { id: 'g-1' },
    ops: [{ op: 'replace', value: { id: 'g-1', displayName: 'Eng' } }],
    expect: (g) => ({ ...g, displayName: 'Eng' }), memberOps: [],
  },
  { name: 'okta: a no-path replace carrying a different id -> mutability', type: GROUP_RESOURCE, context: { id: 'g-1' }, ops: [{ op: 'replace', value: { id: 'g-2', displayName: 'Eng' } }], error: 'mutability' },
  { name: 'jumpcloud: no-path replace of displayName', type: GROUP_RESOURCE, ops: [{ op: 'replace', value: { displayName: 'Eng2' } }], expect: (g) => ({ ...g, displayName: 'Eng2' }) },
  {
    name: 'entra: Add members with "$ref": null',
    type: GROUP_RESOURCE,
    ops: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: 'u-1' }, { $ref: null, value: 'u-2' }] }],
    expect: GROUP, memberOps: [{ kind: 'add', members: [{ value: 'u-1' }, { value: 'u-2' }] }], changed: true,
  },
  {
    name: 'entra: Remove path members with a value list removes those ids, not all',
    type: GROUP_RESOURCE,
    ops: [{ op: 'Remove', path: 'members', value: [{ value: 'u-1' }] }],
    memberOps: [{ kind: 'remove', memberIds: ['u-1'] }],
  },
  {
    name: 'entra (aadOptscim062020): remove members[value eq "<id>"]',
    type: GROUP_RESOURCE,
    ops: [{ op: 'remove', path: 'members[value eq "u-9"]' }],
    memberOps: [{ kind: 'remove', memberIds: ['u-9'] }],
  },
  { name: 'microsoft: remove path members with no value removes all', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'members' }], memberOps: [{ kind: 'removeAll' }], changed: true },
  {
    name: 'okta: replace path members with the full list',
    type: GROUP_RESOURCE,
    ops: [{ op: 'replace', path: 'members', value: [{ value: 'a', display: 'A' }, { value: 'b' }] }],
    memberOps: [{ kind: 'replace', members: [{ value: 'a' }, { value: 'b' }] }],
  },
  {
    name: 'okta: remove by filter and add members in one request keep their order',
    type: GROUP_RESOURCE,
    ops: [{ op: 'remove', path: 'members[value eq "old"]' }, { op: 'add', path: 'members', value: [{ value: 'new' }] }],
    memberOps: [{ kind: 'remove', memberIds: ['old'] }, { kind: 'add', members: [{ value: 'new' }] }],
  },
  { name: 'remove members[value eq "a" or value eq "b"]', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'members[value eq "a" or value eq "b"]' }], memberOps: [{ kind: 'remove', memberIds: ['a', 'b'] }] },
  { name: 'members[type eq "User"] -> invalidFilter', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'members[type eq "User"]' }], error: 'invalidFilter' },
  { name: 'members[value ne "a"] -> invalidFilter', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'members[value ne "a"]' }], error: 'invalidFilter' },
  { name: 'add with a members filter -> invalidPath', type: GROUP_RESOURCE, ops: [{ op: 'add', path: 'members[value eq "a"]', value: [{ value: 'a' }] }], error: 'invalidPath' },
  { name: 'members.value as a path -> invalidPath', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'members.value' }], error: 'invalidPath' },
  {
    name: 'microsoft: add members with a bare string value "string id 1"',
    type: GROUP_RESOURCE,
    ops: [{ op: 'add', path: 'members', value: 'string id 1' }],
    memberOps: [{ kind: 'add', members: [{ value: 'string id 1' }] }],
  },
  {
    name: 'authentik: no-path replace of the whole group carries members',
    type: GROUP_RESOURCE,
    ops: [{ op: 'replace', value: { schemas: [GROUP_SCHEMA], displayName: 'Engineering', members: [{ value: 'u-1', type: 'User' }] } }],
    expect: GROUP, memberOps: [{ kind: 'replace', members: [{ value: 'u-1', type: 'User' }] }], changed: true,
  },
  { name: 'remove members with an empty value list changes nothing', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'members', value: [] }], expect: GROUP, memberOps: [], changed: false },
  { name: 'a member without a value -> invalidValue', type: GROUP_RESOURCE, ops: [{ op: 'add', path: 'members', value: [{ display: 'x' }] }], error: 'invalidValue' },
  { name: 'remove displayName of a group (required) -> mutability', type: GROUP_RESOURCE, ops: [{ op: 'remove', path: 'displayName' }], error: 'mutability' },
  { name: 'members on a User is an unknown path -> invalidPath', ops: [{ op: 'add', path: 'members', value: [{ value: 'x' }] }], error: 'invalidPath' },

  // --- Hostile input ---
  { name: 'a __proto__ path -> invalidPath', ops: [{ op: 'add', path: '__proto__', value: { polluted: true } }], error: 'invalidPath' },
  { name: 'a constructor.prototype path -> invalidPath', ops: [{ op: 'add', path: 'constructor.prototype', value: 'x' }], error: 'invalidPath' },
  { name: 'a __proto__ key inside a value -> invalidSyntax', body: JSON.parse(`{"schemas":["${PATCH_OP_SCHEMA}"],"Operations":[{"op":"add","value":{"__proto__":{"polluted":true}}}]}`), error: 'invalidSyntax' },
  { name: 'a __proto__ attribute of an extension the user carries -> invalidPath', resource: { ...USER, schemas: [USER_SCHEMA, ACME] }, ops: [{ op: 'add', path: `${ACME}:__proto__`, value: { polluted: true } }], error: 'invalidPath' },
  { name: 'a __proto__ sub-attribute in a filter -> invalidFilter', ops: [{ op: 'remove', path: 'emails[__proto__ eq "x"]' }], error: 'invalidFilter' },
];

describe('applyPatch', () => {
  for (const c of cases) {
    it(c.name, () => {
      const type = c.type ?? USER_RESOURCE;
      const before = copy(c.resource ?? (type === GROUP_RESOURCE ? GROUP : USER));
      const frozen = copy(before);
      const body = c.body ?? { schemas: [PATCH_OP_SCHEMA], Operations: c.ops };
      const result = applyPatch(type, before, body, c.context);
      assert.deepEqual(before, frozen, 'the input resource must not be modified');
      if (c.error) {
        assert.equal(result.ok, false, 'expected an error');
        if (result.ok) return;
        assert.equal(result.error.status, 400);
        assert.equal(result.error.scimType, c.error, result.error.detail);
        if (c.detail) assert.match(result.error.detail, new RegExp(c.detail));
        return;
      }
      assert.ok(result.ok, result.ok ? '' : `${result.error.scimType}: ${result.error.detail}`);
      const expected = typeof c.expect === 'function' ? c.expect(copy(before)) : c.expect;
      if (expected) assert.deepEqual(result.value.resource, expected);
      assert.deepEqual(result.value.memberOps, c.memberOps ?? []);
      if (c.changed !== undefined) assert.equal(result.value.changed, c.changed);
      else if (expected) assert.equal(result.value.changed, true, 'a case with an expected resource changes it unless it says otherwise');
    });
  }
});
