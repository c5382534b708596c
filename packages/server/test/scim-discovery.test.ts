import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { ROSTER_GROUP_SCHEMA } from '../src/scim/schema/urns.js';
import { describeEachStore, type StoreFixture } from './support/each-store.js';
import { RESOURCE_TYPE, SCHEMA, SERVICE_PROVIDER_CONFIG, listResponseProblems, resourceProblems } from './support/rfc7643-validator.js';
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

  test('every discovery document passes a strict RFC 7643 reader: no unknown attribute, every required one, the right types', async () => {
    for (const problem of await discoveryProblems(fixture)) assert.fail(problem);
    const config = (await get('/ServiceProviderConfig')).body;
    assert.equal(config.pagination, undefined, 'RFC 9865 cursors are not advertised unless ROSTER_SCIM_ADVERTISE_CURSORS is set');
  });

  test('cursor paging works whether or not it is advertised', async () => {
    const first = await get<ListBody & { nextCursor?: string }>('/Users?cursor=&count=1');
    assert.equal(first.status, 200, first.text);
    assert.ok(listResponseProblems(first.body, () => []).length === 0, first.text);
  });

  test('discovery endpoints are read-only: other methods are 405 with Allow: GET, as a SCIM error', async () => {
    for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/User', '/Schemas', `/Schemas/${USER_SCHEMA}`]) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await http(method, `${fixture.directory().scim}${path}`, { token: fixture.directory().token, body: {} });
        assert.equal(response.status, 405, `${method} ${path}: ${response.text}`);
        assert.equal(response.headers.get('allow'), 'GET');
        assert.deepEqual([response.body.schemas, response.body.status], [[ERROR_SCHEMA], '405']);
      }
    }
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

/** Every discovery document the endpoint serves, through the strict reader; the problems found. */
async function discoveryProblems(fixture: StoreFixture): Promise<string[]> {
  const read = async (path: string) => {
    const response = await http('GET', `${fixture.directory().scim}${path}`, { token: fixture.directory().token });
    assert.equal(response.status, 200, `${path}: ${response.text}`);
    return response.body as unknown;
  };
  const problems: string[] = [];
  const check = (path: string, found: string[]) => problems.push(...found.map((problem) => `${path}: ${problem}`));
  check('/ServiceProviderConfig', resourceProblems(await read('/ServiceProviderConfig'), SERVICE_PROVIDER_CONFIG));
  for (const [path, rules] of [['/ResourceTypes', RESOURCE_TYPE], ['/Schemas', SCHEMA]] as const) {
    const list = await read(path);
    check(path, listResponseProblems(list, (resource) => resourceProblems(resource, rules)));
    for (const resource of (list as ListBody).Resources ?? []) {
      const one = `${path}/${String(resource.id)}`;
      check(one, resourceProblems(await read(one), rules));
    }
  }
  return problems;
}

describeEachStore('SCIM discovery with ROSTER_SCIM_ADVERTISE_CURSORS=true', (fixture) => {
  test('ServiceProviderConfig advertises RFC 9865 pagination, still valid for the strict reader', async () => {
    for (const problem of await discoveryProblems(fixture)) assert.fail(problem);
    const config = (await http('GET', `${fixture.directory().scim}/ServiceProviderConfig`, { token: fixture.directory().token })).body;
    assert.deepEqual(config.pagination, { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: 100, maxPageSize: 1000 });
  });
}, { env: { ROSTER_SCIM_ADVERTISE_CURSORS: 'true' } });

test('the strict reader refuses what scim2-models refused in the old configuration, and other departures from RFC 7643', () => {
  const config = {
    schemas: [SERVICE_PROVIDER_CONFIG.id],
    patch: { supported: true },
    bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 4194304 },
    filter: { supported: true, maxResults: 1000 },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [{ type: 'oauthbearertoken', name: 'Bearer', description: 'A secret', primary: true }],
    meta: { resourceType: 'ServiceProviderConfig', location: 'http://127.0.0.1/scim/ServiceProviderConfig' },
  };
  assert.deepEqual(resourceProblems(config, SERVICE_PROVIDER_CONFIG), []);
  const old = {
    ...config,
    pagination: { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: 100, maxPageSize: 1000, cursorTimeout: 0 },
    'urn:roster:params:scim:limits': { maxFilterLength: 2048 },
  };
  const found = resourceProblems(old, SERVICE_PROVIDER_CONFIG).join('\n');
  assert.match(found, /pagination\.cursorTimeout: must be a positive integer/);
  assert.match(found, /urn:roster:params:scim:limits: not an attribute the RFC defines/);
  const broken: Array<[string, unknown, RegExp]> = [
    ['a missing required feature', { ...config, etag: undefined }, /etag: required/],
    ['a limit as text', { ...config, bulk: { supported: true, maxOperations: '1000', maxPayloadSize: 1 } }, /bulk\.maxOperations: must be an integer/],
    ['an unknown sub-attribute', { ...config, sort: { supported: true, fields: ['userName'] } }, /sort\.fields: not an attribute/],
    ['an extension in schemas', { ...config, schemas: [SERVICE_PROVIDER_CONFIG.id, 'urn:x:ext'] }, /schemas: must be/],
    ['a scheme type outside the RFC', { ...config, authenticationSchemes: [{ type: 'apikey', name: 'n', description: 'd' }] }, /authenticationSchemes\[0\]\.type/],
    ['an attribute in another case', { ...config, Patch: config.patch, patch: undefined }, /Patch: spelled "patch"/],
    ['a null', { ...config, documentationUri: null }, /documentationUri: null/],
  ];
  for (const [what, document, problem] of broken) {
    const cleaned = JSON.parse(JSON.stringify(document)) as unknown;
    assert.match(resourceProblems(cleaned, SERVICE_PROVIDER_CONFIG).join('\n'), problem, what);
  }
  const schema = {
    schemas: [SCHEMA.id],
    id: 'urn:x:Thing',
    attributes: [
      { name: 'a', type: 'complex', multiValued: false, subAttributes: [{ name: 'b', type: 'complex', multiValued: false, subAttributes: [{ name: 'c', type: 'string', multiValued: false }] }] },
      { name: 'r', type: 'reference', multiValued: false },
      { name: 'p', type: 'string', multiValued: false, mutability: 'writeOnly', returned: 'default' },
      { name: 'm', type: 'string', multiValued: false, mutability: 'readonly' },
      { name: 'x', type: 'text', multiValued: false, indexed: true },
    ],
  };
  const schemaFound = resourceProblems(schema, SCHEMA).join('\n');
  for (const problem of [/a\.b: a sub-attribute cannot be complex/, /r: a reference lists its referenceTypes/, /p: a writeOnly attribute is returned "never"/, /attributes\[3\]\.mutability: "readonly" is not one of/, /attributes\[4\]\.type/, /attributes\[4\]\.indexed: not an attribute/]) {
    assert.match(schemaFound, problem);
  }
  assert.match(listResponseProblems({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, itemsPerPage: 1 }, () => []).join('\n'), /Resources: required/);
});
