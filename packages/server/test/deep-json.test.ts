import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_JSON_DEPTH } from '../src/json-depth.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { BULK_REQUEST_SCHEMA, ERROR_SCHEMA, USER_SCHEMA, type Json } from './support/scim-fixtures.js';

// Bodies nested deeper than any directory needs (a custom attribute 5,000 objects deep, Bulk data
// 3,000 arrays deep) once overflowed the stack in the walks over client JSON and answered 500,
// which an IdP retries forever. They are refused at parse time with a 400 naming the limit, and a
// body exactly at the limit works end to end.

const CUSTOM = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';

/** `levels` nested objects ({"a":{"a":...}}) around a string, built as text. */
const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}"deep"${'}'.repeat(levels)}`;
/** `levels` nested arrays around a string. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}"deep"${']'.repeat(levels)}`;

/** A user whose custom attribute holds `inner`: the body itself is one level, so it nests 1 + inner's levels. */
const userWith = (userName: string, inner: string) => `{"schemas":["${USER_SCHEMA}","${CUSTOM}"],"userName":"${userName}","${CUSTOM}":${inner}}`;
/** A Bulk POST whose data's custom attribute holds `inner`: body, Operations, operation and data are four levels. */
const bulkWith = (userName: string, inner: string) =>
  `{"schemas":["${BULK_REQUEST_SCHEMA}"],"Operations":[{"method":"POST","bulkId":"b1","path":"/Users","data":{"schemas":["${USER_SCHEMA}"],"userName":"${userName}","${CUSTOM}":{"list":${inner}}}}]}`;

describeEachStore('JSON nesting limit', (fixture) => {
  const scim = () => fixture.directory().scim;
  const send = (path: string, rawBody: string) =>
    http<Json>('POST', `${scim()}${path}`, { token: fixture.directory().token, rawBody, headers: { 'content-type': 'application/scim+json' } });

  const assertTooDeep = (response: { status: number; body: Json; text: string }) => {
    assert.equal(response.status, 400, response.text);
    assert.deepEqual(response.body.schemas, [ERROR_SCHEMA]);
    assert.equal(response.body.scimType, 'invalidValue');
    assert.match(String(response.body.detail), new RegExp(`nested more than ${MAX_JSON_DEPTH} levels`));
  };

  test('POST /Users with a custom attribute 5,000 objects deep: 400 invalidValue, and the server keeps serving', async () => {
    assertTooDeep(await send('/Users', userWith('deep-5000@example.com', nestedObjects(5_000))));
    assertTooDeep(await send('/Users', userWith('deep-arrays@example.com', nestedArrays(100_000))));
    const after = await send('/Users', userWith('after-deep@example.com', '{"a":1}'));
    assert.equal(after.status, 201, after.text);
  });

  test('POST /Users at the limit is created and read back whole; one level more is refused', async () => {
    const atLimit = await send('/Users', userWith('at-limit@example.com', nestedObjects(MAX_JSON_DEPTH - 1)));
    assert.equal(atLimit.status, 201, atLimit.text);
    const read = await http<Json>('GET', `${scim()}/Users/${String(atLimit.body.id)}`, { token: fixture.directory().token });
    assert.equal(read.status, 200, read.text);
    let level: unknown = read.body[CUSTOM];
    let depth = 0;
    while (typeof level === 'object' && level !== null) {
      level = (level as Json).a;
      depth++;
    }
    assert.equal(depth, MAX_JSON_DEPTH - 1);
    assert.equal(level, 'deep');
    assertTooDeep(await send('/Users', userWith('past-limit@example.com', nestedObjects(MAX_JSON_DEPTH))));
  });

  test('Bulk with data 3,000 arrays deep: 400 invalidValue; at the limit the operation runs, one past is refused', async () => {
    assertTooDeep(await send('/Bulk', bulkWith('bulk-deep@example.com', nestedArrays(3_000))));
    // data's custom attribute is an object holding the list: five levels before the list starts.
    const atLimit = await send('/Bulk', bulkWith('bulk-at-limit@example.com', nestedArrays(MAX_JSON_DEPTH - 5)));
    assert.equal(atLimit.status, 200, atLimit.text);
    assert.equal((atLimit.body.Operations as Json[])[0]?.status, '201', atLimit.text);
    assertTooDeep(await send('/Bulk', bulkWith('bulk-past-limit@example.com', nestedArrays(MAX_JSON_DEPTH - 4))));
  });

  test('PUT and PATCH bodies are held to the same limit', async () => {
    const created = await send('/Users', userWith('deep-put@example.com', '{"a":1}'));
    assert.equal(created.status, 201, created.text);
    const url = `${scim()}/Users/${String(created.body.id)}`;
    const put = await http<Json>('PUT', url, { token: fixture.directory().token, rawBody: userWith('deep-put@example.com', nestedObjects(5_000)), headers: { 'content-type': 'application/scim+json' } });
    assertTooDeep(put);
    const patch = await http<Json>('PATCH', url, {
      token: fixture.directory().token,
      rawBody: `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"${CUSTOM}:a","value":${nestedArrays(3_000)}}]}`,
      headers: { 'content-type': 'application/scim+json' },
    });
    assertTooDeep(patch);
  });

  test('the management API answers a deep body with 400 {code, message}', async () => {
    const server = fixture.server();
    const token = fixture.directory().accessToken;
    for (const rawBody of [`{"display_name":"Deep","metadata":${nestedObjects(5_000)}}`, `{"display_name":"Deep","metadata":${nestedArrays(100_000)}}`]) {
      const response = await http<Json>('POST', `${server.baseUrl}/api/v1/organizations`, { token, rawBody, headers: { 'content-type': 'application/json' } });
      assert.equal(response.status, 400, response.text);
      assert.equal(response.body.code, 'invalid_argument');
      assert.match(String(response.body.message), new RegExp(`nested more than ${MAX_JSON_DEPTH} levels`));
    }
    const atLimit = await http<Json>('POST', `${server.baseUrl}/api/v1/organizations`, {
      token,
      rawBody: `{"display_name":"At the limit","x":${nestedObjects(MAX_JSON_DEPTH - 1)}}`,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(atLimit.status, 201, atLimit.text);
  });
});
