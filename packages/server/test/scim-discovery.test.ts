import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { ROSTER_GROUP_SCHEMA } from '../src/scim/schema/urns.js';
import { describeEachStore } from './support/each-store.js';
import { ENTERPRISE_SCHEMA, ERROR_SCHEMA, GROUP_SCHEMA, LIST_SCHEMA, USER_SCHEMA, type Json, type ListBody } from './support/scim-fixtures.js';

// RFC 7644 section 4: what a client reads before it provisions (authentik picks PUT or PATCH and its
// bulk chunk size from it). The expected attribute lists are RFC 7643 sections 4.1, 4.2, 4.3 and 8.7,
// written out here so a schema that silently loses an attribute fails.

const CHARACTERISTICS = ['name', 'type', 'multiValued', 'description', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness'];

const USER_ATTRIBUTES = [
  'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone',
  'active', 'password', 'emails', 'phoneNumbers', 'ims', 'photos', 'addresses', 'groups', 'entitlements', 'roles', 'x509Certificates',
];
const SUB_ATTRIBUTES: Record<string, Record<string, string[]>> = {
  [USER_SCHEMA]: {
    name: ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'],
    emails: ['value', 'display', 'type', 'primary'],
    phoneNumbers: ['value', 'display', 'type', 'primary'],
    addresses: ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type', 'primary'],
    groups: ['value', '$ref', 'display', 'type'],
  },
  [GROUP_SCHEMA]: { members: ['value', '$ref', 'display', 'type'] },
  [ENTERPRISE_SCHEMA]: { manager: ['value', '$ref', 'displayName'] },
};
const EXPECTED_ATTRIBUTES: Record<string, string[]> = {
  [USER_SCHEMA]: USER_ATTRIBUTES,
  [GROUP_SCHEMA]: ['displayName', 'members'],
  [ENTERPRISE_SCHEMA]: ['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager'],
  // Roster's Group extension: list responses say when they left a group's members out.
  [ROSTER_GROUP_SCHEMA]: ['membersOmitted'],
};

type Attribute = Json & { name: string; subAttributes?: Attribute[] };

function assertDescribed(attribute: Attribute, where: string): void {
  for (const key of CHARACTERISTICS) assert.notEqual(attribute[key], undefined, `${where}.${attribute.name} lacks "${key}"`);
  for (const sub of attribute.subAttributes ?? []) assertDescribed(sub, `${where}.${attribute.name}`);
  if (attribute.type === 'complex') assert.ok((attribute.subAttributes ?? []).length > 0, `${where}.${attribute.name} is complex without subAttributes`);
}

const find = (attributes: Attribute[], name: string) => attributes.find((attribute) => attribute.name === name);

describeEachStore('SCIM discovery endpoints', (fixture) => {
  const get = <Body = Json>(path: string) => http<Body>('GET', `${fixture.directory().scim}${path}`, { token: fixture.directory().token });

  test('ServiceProviderConfig advertises patch, bulk, filter, sort and etag with their limits, and the bearer scheme', async () => {
    const response = await get('/ServiceProviderConfig');
    assert.equal(response.status, 200, response.text);
    assert.match(response.headers.get('content-type') ?? '', /^application\/scim\+json/);
    const config = response.body;
    assert.deepEqual(config.schemas, ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    const feature = (name: string) => config[name] as Json;
    for (const name of ['patch', 'bulk', 'filter', 'sort', 'etag']) assert.equal(feature(name)?.supported, true, name);
    assert.equal(typeof feature('changePassword')?.supported, 'boolean');
    for (const [name, limit] of [['bulk', 'maxOperations'], ['bulk', 'maxPayloadSize'], ['filter', 'maxResults']] as const) {
      const value = feature(name)[limit];
      assert.ok(Number.isInteger(value) && (value as number) > 0, `${name}.${limit} = ${JSON.stringify(value)}`);
    }
    const schemes = config.authenticationSchemes as Json[];
    assert.ok(Array.isArray(schemes) && schemes.length > 0);
    const bearer = schemes.find((scheme) => scheme.type === 'oauthbearertoken');
    assert.ok(bearer, JSON.stringify(schemes));
    assert.equal(typeof bearer.name, 'string');
    assert.equal(typeof bearer.description, 'string');
    assert.equal((config.meta as Json).resourceType, 'ServiceProviderConfig');
    assert.equal((config.meta as Json).location, `${fixture.directory().scim}/ServiceProviderConfig`);
  });

  test('ResourceTypes lists User (with the enterprise extension) and Group; each is readable on its own', async () => {
    const list = await get<ListBody>('/ResourceTypes');
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.schemas, [LIST_SCHEMA]);
    assert.equal(list.body.totalResults, 2);
    const byId = new Map((list.body.Resources ?? []).map((resource) => [resource.id, resource]));
    const user = byId.get('User');
    const group = byId.get('Group');
    assert.ok(user && group, list.text);
    assert.equal(user.endpoint, '/Users');
    assert.equal(user.schema, USER_SCHEMA);
    assert.deepEqual(user.schemaExtensions, [{ schema: ENTERPRISE_SCHEMA, required: false }]);
    assert.equal(group.endpoint, '/Groups');
    assert.equal(group.schema, GROUP_SCHEMA);
    assert.deepEqual(group.schemaExtensions, [{ schema: ROSTER_GROUP_SCHEMA, required: false }]);
    assert.deepEqual(user.schemas, ['urn:ietf:params:scim:schemas:core:2.0:ResourceType']);

    const single = await get('/ResourceTypes/User');
    assert.equal(single.status, 200, single.text);
    assert.deepEqual(single.body, user);
    assert.deepEqual((await get('/ResourceTypes/Group')).body, group);
    const location = String((user.meta as Json).location);
    assert.deepEqual((await http('GET', location, { token: fixture.directory().token })).body, user);
  });

  test('Schemas describe every attribute the server supports, with RFC 7643 characteristics; each is readable by URN', async () => {
    const list = await get<ListBody>('/Schemas');
    assert.equal(list.status, 200, list.text);
    assert.equal(list.body.totalResults, 4);
    const byId = new Map((list.body.Resources ?? []).map((resource) => [String(resource.id), resource]));
    for (const [urn, expected] of Object.entries(EXPECTED_ATTRIBUTES)) {
      const schema = byId.get(urn);
      assert.ok(schema, `missing schema ${urn}`);
      const attributes = schema.attributes as Attribute[];
      assert.deepEqual(attributes.map((attribute) => attribute.name).sort(), [...expected].sort(), urn);
      for (const attribute of attributes) assertDescribed(attribute, urn);
      for (const [name, subs] of Object.entries(SUB_ATTRIBUTES[urn] ?? {})) {
        const names = (find(attributes, name)?.subAttributes ?? []).map((sub) => sub.name).sort();
        assert.deepEqual(names, [...subs].sort(), `${urn} ${name}`);
      }
      const single = await get(`/Schemas/${urn}`);
      assert.equal(single.status, 200, single.text);
      assert.deepEqual(single.body, schema);
      assert.equal((schema.meta as Json).location, `${fixture.directory().scim}/Schemas/${urn}`);
    }
    const user = byId.get(USER_SCHEMA)?.attributes as Attribute[];
    assert.deepEqual(
      [find(user, 'userName')?.required, find(user, 'userName')?.uniqueness, find(user, 'userName')?.caseExact],
      [true, 'server', false],
    );
    assert.deepEqual([find(user, 'password')?.returned, find(user, 'password')?.mutability], ['never', 'writeOnly']);
    assert.equal(find(user, 'groups')?.mutability, 'readOnly');
    assert.equal(find(user, 'emails')?.multiValued, true);
    const members = find(byId.get(GROUP_SCHEMA)?.attributes as Attribute[], 'members');
    assert.equal(members?.multiValued, true);
    assert.equal(find(members?.subAttributes ?? [], 'value')?.mutability, 'immutable');
  });

  test('unknown resource types and schemas are 404 SCIM errors', async () => {
    for (const path of ['/ResourceTypes/Widget', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Widget', '/Schemas/nope']) {
      const response = await get(path);
      assert.equal(response.status, 404, `${path}: ${response.text}`);
      assert.deepEqual(response.body.schemas, [ERROR_SCHEMA], path);
      assert.equal(response.body.status, '404', path);
    }
  });
});
