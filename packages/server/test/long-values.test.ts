import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { MAX_INDEXED_CHARS } from '../src/scim/resource/indexed-limits.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import {
  BULK_REQUEST_SCHEMA,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  PATCH_SCHEMA,
  USER_SCHEMA,
  createResource,
  type Json,
} from './support/scim-fixtures.js';

// userName, externalId, displayName and email addresses are stored in indexed columns, and
// PostgreSQL refuses an index entry over about 2,700 bytes: a 3,000-character value once answered
// 500, which an IdP retries forever. Each is limited to MAX_INDEXED_CHARS characters (code
// points, so a value of 4-byte characters at the limit still fits the index), checked on every
// write path with a 400 naming the attribute.

/** `length` random ASCII characters: incompressible, so PostgreSQL cannot shrink the index entry. */
const ascii = (length: number) => randomBytes(length).toString('base64url').slice(0, length);
/** `length` random 4-byte characters (emoji): `length` characters, 2 x length UTF-16 units, 4 x length bytes. */
const wide = (length: number) => Array.from({ length }, () => String.fromCodePoint(0x1f300 + randomInt(0x2ff))).join('');
/** `length` characters of 2- and 3-byte letters whose lower case may take more bytes (Ⱥ U+023A -> ⱥ U+2C65). */
const growing = (length: number) => Array.from({ length }, (_, index) => (index % 2 === 0 ? 'Ⱥ' : String.fromCodePoint(0x0400 + randomInt(0x30)))).join('');

const LIMIT = MAX_INDEXED_CHARS;

describeEachStore('Length limits of indexed attributes', (fixture) => {
  const scim = () => fixture.directory().scim;
  const token = () => fixture.directory().token;
  const send = (method: string, path: string, body: Json) => http<Json>(method, `${scim()}${path}`, { token: token(), body });

  const assertTooLong = (response: { status: number; body: Json; text: string }, attribute: string) => {
    assert.equal(response.status, 400, response.text);
    assert.deepEqual(response.body.schemas, [ERROR_SCHEMA]);
    assert.equal(response.body.scimType, 'invalidValue');
    assert.ok(String(response.body.detail).includes(`"${attribute}"`), response.text);
    assert.match(String(response.body.detail), new RegExp(`at most ${LIMIT} characters`));
  };

  const userCases: { attribute: string; user: (value: string) => Json }[] = [
    { attribute: 'userName', user: (value) => ({ userName: value }) },
    { attribute: 'externalId', user: (value) => ({ userName: `ext-${ascii(12)}@example.com`, externalId: value }) },
    { attribute: 'displayName', user: (value) => ({ userName: `dn-${ascii(12)}@example.com`, displayName: value }) },
    { attribute: 'emails[1].value', user: (value) => ({ userName: `em-${ascii(12)}@example.com`, emails: [{ value: 'first@example.com' }, { value, primary: true }] }) },
  ];

  for (const { attribute, user } of userCases) {
    test(`POST /Users ${attribute}: ${LIMIT} characters (ASCII, 4-byte, case-growing) are stored; ${LIMIT + 1} and 3,000 are refused`, async () => {
      for (const atLimit of [ascii(LIMIT), wide(LIMIT), growing(LIMIT)]) {
        const created = await send('POST', '/Users', { schemas: [USER_SCHEMA], ...user(atLimit) });
        assert.equal(created.status, 201, created.text.slice(0, 300));
      }
      for (const tooLong of [ascii(LIMIT + 1), wide(LIMIT + 1), ascii(3_000), wide(3_000)]) {
        assertTooLong(await send('POST', '/Users', { schemas: [USER_SCHEMA], ...user(tooLong) }), attribute);
      }
    });
  }

  test('PUT, PATCH (with and without a path) and Bulk refuse a long user attribute; the user is unchanged', async () => {
    const user = await createResource(fixture.directory(), 'Users', { schemas: [USER_SCHEMA], userName: `paths-${ascii(8)}@example.com` });
    const path = `/Users/${String(user.id)}`;
    assertTooLong(await send('PUT', path, { schemas: [USER_SCHEMA], userName: ascii(3_000) }), 'userName');
    assertTooLong(await send('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'externalId', value: wide(LIMIT + 1) }] }), 'externalId');
    assertTooLong(await send('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { displayName: ascii(3_000) } }] }), 'displayName');
    assertTooLong(await send('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'emails', value: [{ value: ascii(3_000) }] }] }), 'emails[0].value');
    const unchanged = await http<Json>('GET', `${scim()}${path}`, { token: token() });
    assert.deepEqual([unchanged.body.userName, unchanged.body.externalId, unchanged.body.displayName, unchanged.body.emails], [user.userName, undefined, undefined, undefined]);
    const ok = await send('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'displayName', value: wide(LIMIT) }] });
    assert.equal(ok.status, 200, ok.text.slice(0, 300));

    const bulk = await send('POST', '/Bulk', {
      schemas: [BULK_REQUEST_SCHEMA],
      Operations: [
        { method: 'POST', bulkId: 'long', path: '/Users', data: { schemas: [USER_SCHEMA], userName: ascii(3_000) } },
        { method: 'PATCH', path, data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'userName', value: wide(LIMIT + 1) }] } },
        { method: 'POST', bulkId: 'fine', path: '/Users', data: { schemas: [USER_SCHEMA], userName: wide(LIMIT) } },
      ],
    });
    assert.equal(bulk.status, 200, bulk.text.slice(0, 500));
    const results = bulk.body.Operations as { status: string; response?: Json }[];
    assert.deepEqual(results.map((result) => result.status), ['400', '400', '201']);
    assert.equal(results[0]?.response?.scimType, 'invalidValue');
    assert.match(String(results[1]?.response?.detail), /"userName"/);
  });

  test('groups: displayName and externalId on POST, PUT, PATCH and Bulk', async () => {
    const atLimit = await send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: wide(LIMIT), externalId: growing(LIMIT) });
    assert.equal(atLimit.status, 201, atLimit.text.slice(0, 300));
    assertTooLong(await send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: ascii(3_000) }), 'displayName');
    assertTooLong(await send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'g', externalId: wide(LIMIT + 1) }), 'externalId');
    const path = `/Groups/${String(atLimit.body.id)}`;
    assertTooLong(await send('PUT', path, { schemas: [GROUP_SCHEMA], displayName: ascii(LIMIT + 1) }), 'displayName');
    assertTooLong(await send('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'externalId', value: ascii(3_000) }] }), 'externalId');
    assertTooLong(await send('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { displayName: wide(3_000) } }] }), 'displayName');
    const bulk = await send('POST', '/Bulk', {
      schemas: [BULK_REQUEST_SCHEMA],
      Operations: [{ method: 'POST', bulkId: 'g', path: '/Groups', data: { schemas: [GROUP_SCHEMA], displayName: wide(3_000) } }],
    });
    assert.equal(bulk.status, 200, bulk.text.slice(0, 500));
    assert.equal((bulk.body.Operations as { status: string }[])[0]?.status, '400');
  });

  test('a member reference of 3,000 characters is an unknown member (400), not a server error', async () => {
    const response = await send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Long member', members: [{ value: ascii(3_000) }] });
    assert.equal(response.status, 400, response.text.slice(0, 300));
  });

  test('the management API refuses indexed text past its limits with 400 invalid_argument', async () => {
    const { baseUrl } = fixture.server();
    const accessToken = fixture.directory().accessToken;
    const post = (path: string, body: Json) => http<Json>('POST', `${baseUrl}${path}`, { token: accessToken, body, headers: { 'content-type': 'application/json' } });
    for (const response of [
      await post('/api/v1/organizations', { display_name: 'Long', external_id: ascii(3_000) }),
      await post('/api/v1/organizations', { display_name: 'Long', external_id: wide(201) }),
      await post('/api/v1/roles', { name: ascii(3_000) }),
      await http<Json>('PATCH', `${baseUrl}/api/v1/organizations/${fixture.directory().organizationId}`, { token: accessToken, body: { external_id: ascii(3_000) }, headers: { 'content-type': 'application/json' } }),
    ]) {
      assert.equal(response.status, 400, response.text.slice(0, 300));
      assert.equal(response.body.code, 'invalid_argument');
    }
    const atLimit = await post('/api/v1/organizations', { display_name: 'Wide', external_id: wide(100) });
    assert.equal(atLimit.status, 201, atLimit.text.slice(0, 300));
  });
});
