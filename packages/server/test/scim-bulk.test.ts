import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import {
  BULK_REQUEST_SCHEMA,
  BULK_RESPONSE_SCHEMA,
  GROUP_SCHEMA,
  PATCH_SCHEMA,
  USER_SCHEMA,
  listResources,
  type Json,
  type ScimEndpoint,
} from './support/scim-fixtures.js';

// RFC 7644 section 3.7: bulkId references, failOnErrors, limits, per-operation errors.

interface BulkResult {
  method: string;
  bulkId?: string;
  location?: string;
  version?: string;
  status: string;
  response?: Json;
}

const post = (bulkId: string, path: string, data: Json) => ({ method: 'POST', bulkId, path, data });
const user = (userName: string): Json => ({ schemas: [USER_SCHEMA], userName });

describeEachStore('SCIM Bulk', (fixture) => {
  const endpoint = (): ScimEndpoint => fixture.directory();
  const bulk = (body: Json) => http<Json & { Operations: BulkResult[] }>('POST', `${endpoint().scim}/Bulk`, { token: endpoint().token, body });
  const request = (Operations: Json[], extra: Json = {}) => bulk({ schemas: [BULK_REQUEST_SCHEMA], ...extra, Operations });
  const userCount = async (userName: string) => (await listResources(endpoint(), 'Users', { filter: `userName eq "${userName}"` })).body.totalResults;

  test('a group POST referencing users created in the same request (even listed before them) gets their ids', async () => {
    const response = await request([
      post('g1', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Bulk Team', members: [{ value: 'bulkId:u1' }, { value: 'bulkId:u2' }] }),
      post('u1', '/Users', user('bulk-ref-1@example.com')),
      post('u2', '/Users', user('bulk-ref-2@example.com')),
    ]);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.schemas, [BULK_RESPONSE_SCHEMA]);
    const [group, first, second] = response.body.Operations;
    assert.deepEqual([group?.status, first?.status, second?.status], ['201', '201', '201'], response.text);
    assert.deepEqual([group?.bulkId, first?.bulkId, second?.bulkId], ['g1', 'u1', 'u2']);
    for (const result of [group, first, second]) {
      assert.match(result?.location ?? '', new RegExp(`^${endpoint().scim}/(Users|Groups)/[a-z]+_[0-9a-z]+$`));
      assert.match(result?.version ?? '', /^W\/".+"$/);
    }
    const userIds = [first, second].map((result) => String(result?.location?.split('/').at(-1)));
    const stored = await http<Json>('GET', String(group?.location), { token: endpoint().token });
    assert.equal(stored.status, 200, stored.text);
    assert.deepEqual(((stored.body.members as Json[]) ?? []).map((member) => member.value).sort(), [...userIds].sort());
  });

  test('a PATCH whose path names a bulkId (/Users/bulkId:x) acts on the user created in the same request', async () => {
    // RFC 7644 section 3.7: the bulkId lets a client "cross reference new Resources in and across
    // operations"; an update of a resource created in the same request can only name it that way.
    const response = await request([
      { method: 'PATCH', path: '/Users/bulkId:later', data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: false }] } },
      post('later', '/Users', user('bulk-path-ref@example.com')),
    ]);
    assert.equal(response.status, 200, response.text);
    const [patch, created] = response.body.Operations;
    assert.deepEqual([patch?.status, created?.status], ['200', '201'], response.text);
    assert.equal(patch?.location, created?.location);
    const patched = await http<Json>('GET', String(created?.location), { token: endpoint().token });
    assert.equal(patched.body.active, false);
  });

  test('failOnErrors stops after that many errors; operations after it are not run', async () => {
    const taken = 'bulk-taken@example.com';
    assert.equal((await request([post('t', '/Users', user(taken))])).body.Operations[0]?.status, '201');
    const response = await request(
      [
        post('a', '/Users', user('bulk-fail-a@example.com')),
        post('b', '/Users', user(taken)),
        post('c', '/Users', user('bulk-fail-c@example.com')),
        post('d', '/Users', user('bulk-fail-d@example.com')),
      ],
      { failOnErrors: 1 },
    );
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.Operations.map((result) => [result.bulkId, result.status]), [['a', '201'], ['b', '409']]);
    assert.equal(response.body.Operations[1]?.response?.scimType, 'uniqueness');
    assert.equal(await userCount('bulk-fail-c@example.com'), 0);
    assert.equal(await userCount('bulk-fail-d@example.com'), 0);

    const two = await request(
      [post('e', '/Users', user(taken)), post('f', '/Users', { schemas: [USER_SCHEMA] }), post('g', '/Users', user(taken)), post('h', '/Users', user('bulk-fail-h@example.com'))],
      { failOnErrors: 2 },
    );
    assert.deepEqual(two.body.Operations.map((result) => [result.bulkId, result.status]), [['e', '409'], ['f', '400']]);
    assert.equal(await userCount('bulk-fail-h@example.com'), 0);

    const all = await request([post('i', '/Users', user(taken)), post('j', '/Users', user('bulk-fail-j@example.com'))]);
    assert.deepEqual(all.body.Operations.map((result) => result.status), ['409', '201']);
  });

  test('more operations than ServiceProviderConfig allows is 413; a body over maxPayloadSize is 413', async () => {
    const config = await http<Json>('GET', `${endpoint().scim}/ServiceProviderConfig`, { token: endpoint().token });
    const limits = config.body.bulk as { maxOperations: number; maxPayloadSize: number };
    const operations = Array.from({ length: limits.maxOperations + 1 }, (_, index) => post(`x${index}`, '/Users', user(`too-many-${index}@example.com`)));
    const tooMany = await request(operations);
    assert.equal(tooMany.status, 413, tooMany.text.slice(0, 300));
    assert.equal((tooMany.body as Json).status, '413');
    assert.equal(await userCount('too-many-0@example.com'), 0);

    const oversized = await request([post('big', '/Users', { ...user('too-big@example.com'), nickName: 'x'.repeat(limits.maxPayloadSize) })]);
    assert.equal(oversized.status, 413, oversized.text.slice(0, 300));
    assert.equal((oversized.body as Json).status, '413');
  });

  test('a body above 1 MB but within the advertised maxPayloadSize is accepted', async () => {
    const config = await http<Json>('GET', `${endpoint().scim}/ServiceProviderConfig`, { token: endpoint().token });
    const { maxPayloadSize, maxOperations } = config.body.bulk as { maxOperations: number; maxPayloadSize: number };
    const target = Math.min(maxPayloadSize - 64 * 1024, 1_500_000);
    assert.ok(target > 1024 * 1024, `maxPayloadSize ${maxPayloadSize} is too small to test`);
    const count = Math.min(maxOperations, 200);
    const padding = 'p'.repeat(Math.ceil(target / count));
    const operations = Array.from({ length: count }, (_, index) => post(`big${index}`, '/Users', { ...user(`large-body-${index}@example.com`), nickName: padding }));
    const response = await request(operations);
    assert.equal(response.status, 200, response.text.slice(0, 300));
    assert.equal(response.body.Operations.filter((result) => result.status === '201').length, count);
  });

  test('a method other than POST, PUT, PATCH or DELETE is 400; so is a request without the BulkRequest schema', async () => {
    for (const method of ['GET', 'HEAD', 'FETCH']) {
      const response = await request([{ method, path: '/Users' }]);
      assert.equal(response.status, 400, `${method}: ${response.text}`);
      assert.equal((response.body as Json).scimType, 'invalidValue', method);
    }
    const noSchema = await bulk({ Operations: [post('n', '/Users', user('no-schema@example.com'))] });
    assert.equal(noSchema.status, 400, noSchema.text);
    assert.equal(await userCount('no-schema@example.com'), 0);
    const empty = await request([]);
    assert.equal(empty.status, 400, empty.text);
  });

  test('a bulkId that never resolves fails that operation with 409; the others still run', async () => {
    const response = await request([
      post('ok', '/Users', user('bulk-resolve-ok@example.com')),
      post('bad', '/Users', { schemas: [USER_SCHEMA] }),
      post('g-missing', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Missing ref', members: [{ value: 'bulkId:nope' }] }),
      post('g-failed', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Failed ref', members: [{ value: 'bulkId:bad' }] }),
      post('g-fine', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Fine ref', members: [{ value: 'bulkId:ok' }] }),
    ]);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body.Operations.map((result) => [result.bulkId, result.status]),
      [['ok', '201'], ['bad', '400'], ['g-missing', '409'], ['g-failed', '409'], ['g-fine', '201']],
    );
    for (const result of response.body.Operations.filter((each) => each.status === '409')) {
      assert.equal(result.response?.status, '409');
      assert.equal(typeof result.response?.detail, 'string');
    }
    const groups = await listResources(endpoint(), 'Groups', { filter: 'displayName eq "Missing ref" or displayName eq "Failed ref"' });
    assert.equal(groups.body.totalResults, 0);
  });

  test('PUT and DELETE by id in a bulk request; an unknown id is a per-operation 404', async () => {
    const created = await request([post('p', '/Users', user('bulk-put@example.com'))]);
    const location = String(created.body.Operations[0]?.location);
    const id = location.split('/').at(-1);
    const response = await request([
      { method: 'PUT', path: `/Users/${id}`, data: { ...user('bulk-put@example.com'), displayName: 'Put Name' } },
      { method: 'DELETE', path: '/Users/diruser_doesnotexist' },
      { method: 'DELETE', path: `/Users/${id}` },
    ]);
    assert.deepEqual(response.body.Operations.map((result) => result.status), ['200', '404', '204']);
    assert.equal((await http('GET', location, { token: endpoint().token })).status, 404);
  });
});
