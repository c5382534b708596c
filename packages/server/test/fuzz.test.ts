import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { PATCH_SCHEMA as PATCH, USER_SCHEMA as USER, type Json } from './support/scim-fixtures.js';

// Random filters, PATCH bodies, paths and malformed JSON against the live server: whatever a
// client sends, the answer is never a 5xx, the process keeps serving, and Object.prototype
// stays clean.

const RUNS = Number(process.env.ROSTER_FUZZ_RUNS ?? 150);

const attributeNames = fc.constantFrom(
  'userName', 'USERNAME', 'name.givenName', 'name', 'emails', 'emails.value', 'emails.type', 'active', 'meta.created',
  'meta.lastModified', 'externalId', 'id', 'displayName', 'groups', 'members', 'members.value', 'title', '__proto__',
  'constructor', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value', 'urn:x:y', 'addresses[type eq "work"].streetAddress',
  'emails[type eq "work"].value', 'emails[value co "@"]', 'nonexistent', 'name.bogus', '',
);
const operators = fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'EQ', 'xx');
// NUL and lone surrogates: values PostgreSQL text and jsonb cannot hold.
const awkwardString = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\uffff', 'é', '💥');
const jsonScalar = fc.oneof(fc.string({ maxLength: 12 }), awkwardString, fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: false }), fc.constant(1e308), fc.constant(-0));
const filterValue = fc.oneof(
  fc.string({ maxLength: 10 }).map((text) => JSON.stringify(text)),
  fc.constantFrom('true', 'false', 'null', '42', '2015-10-10T14:38:21Z', 'bare', '"unterminated', ')'),
);

const comparison = fc.tuple(attributeNames, operators, filterValue).map(([path, operator, value]) => (operator === 'pr' ? `${path} pr` : `${path} ${operator} ${value}`));
const filter: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.tuple(tie('node'), fc.constantFrom('and', 'or', 'AND'), tie('node')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('node').map((inner) => `not (${inner})`),
    tie('node').map((inner) => `(${inner})`),
    fc.tuple(fc.constantFrom('emails', 'members', 'addresses', 'name'), tie('node')).map(([attribute, inner]) => `${attribute}[${inner}]`),
  ),
})).node;
const garbageFilter = fc.oneof(filter, fc.string({ maxLength: 60 }), fc.constant('('.repeat(200)), fc.constant(`userName eq "${'x'.repeat(5000)}"`));

const patchValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    jsonScalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(attributeNames, fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const operation = fc.record(
  {
    op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'REPLACE', 'Remove', 'move', 7),
    path: fc.oneof(attributeNames, fc.string({ maxLength: 20 }), fc.constant('members[value eq "x"]')),
    value: patchValue,
  },
  { requiredKeys: ['op'] },
);
const patchBody = fc.oneof(
  fc.record({ schemas: fc.constant([PATCH]), Operations: fc.array(operation, { maxLength: 4 }) }),
  fc.record({ schemas: fc.constant([PATCH]), Operations: patchValue }),
  patchValue,
);

function assertClean(): void {
  assert.deepEqual(Object.keys(Object.prototype), []);
  assert.equal(({} as Json).polluted, undefined);
}

describeEachStore('fuzz: the live server never answers 5xx', (fixture) => {
  let userId = '';
  let groupId = '';
  const scim = () => fixture.directory().scim;
  const token = () => fixture.directory().token;

  test('setup: one user and one group to aim at', async () => {
    const user = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: 'fuzz-target@example.com' } });
    userId = user.body.id as string;
    const group = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'fuzz', members: [{ value: userId }] } });
    groupId = group.body.id as string;
    assert.ok(userId && groupId);
  });

  test('random filters on Users and Groups', async () => {
    await fc.assert(
      fc.asyncProperty(garbageFilter, fc.constantFrom('Users', 'Groups'), async (text, endpoint) => {
        const response = await http('GET', `${scim()}/${endpoint}?filter=${encodeURIComponent(text)}`, { token: token() });
        assert.ok(response.status < 500, `${response.status} for filter ${text}: ${response.text}`);
        assert.ok([200, 400].includes(response.status), `unexpected ${response.status} for ${text}`);
      }),
      { numRuns: RUNS },
    );
    assertClean();
  });

  test('random PATCH bodies on a user and a group', async () => {
    await fc.assert(
      fc.asyncProperty(patchBody, fc.boolean(), async (body, onGroup) => {
        const url = onGroup ? `${scim()}/Groups/${groupId}` : `${scim()}/Users/${userId}`;
        const response = await http('PATCH', url, { token: token(), body });
        assert.ok(response.status < 500, `${response.status} for ${JSON.stringify(body)}: ${response.text}`);
      }),
      { numRuns: RUNS },
    );
    assertClean();
  });

  test('random POST and PUT bodies', async () => {
    const body = fc.dictionary(fc.oneof(attributeNames, fc.string({ maxLength: 8 })), patchValue, { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('POST', 'PUT'), fc.constantFrom('Users', 'Groups'), async (payload, method, endpoint) => {
        const url = method === 'POST' ? `${scim()}/${endpoint}` : `${scim()}/${endpoint}/${endpoint === 'Users' ? userId : groupId}`;
        const response = await http(method, url, { token: token(), body: payload });
        assert.ok(response.status < 500, `${response.status} for ${method} ${JSON.stringify(payload)}: ${response.text}`);
      }),
      { numRuns: RUNS },
    );
    assertClean();
  });

  test('random paths, query parameters and malformed JSON', async () => {
    const segment = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('Users', 'Groups', '.search', 'Bulk', 'Schemas', '..', '%00', userId || 'x'));
    const query = fc.dictionary(fc.constantFrom('startIndex', 'count', 'sortBy', 'sortOrder', 'attributes', 'excludedAttributes', 'cursor', 'filter'), fc.string({ maxLength: 12 }), { maxKeys: 3 });
    const raw = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '[]', 'null', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '"x"', '{"schemas":'));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 3 }), query, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), raw, async (segments, params, method, body) => {
        const search = new URLSearchParams(params).toString();
        const url = `${scim()}/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
        const hasBody = method !== 'GET' && method !== 'DELETE';
        const response = await http(method, url, { token: token(), ...(hasBody ? { rawBody: body, headers: { 'content-type': 'application/scim+json' } } : {}) });
        assert.ok(response.status < 500 || response.status === 501, `${response.status} for ${method} ${url} ${body}: ${response.text}`);
      }),
      { numRuns: RUNS },
    );
    assertClean();
  });

  test('regression: a NUL character in a user attribute is a 400 invalidValue, not a 500', async () => {
    const response = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: 'nul\u0000@example.com' } });
    assert.equal(response.status, 400, response.text);
  });

  test('the server still serves after the fuzzing', async () => {
    const response = await http<Json>('GET', `${scim()}/Users/${userId}`, { token: token() });
    assert.ok(response.status === 200 || response.status === 404);
    assertClean();
  });
});
