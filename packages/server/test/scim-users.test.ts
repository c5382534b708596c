import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { ENTERPRISE_SCHEMA as ENTERPRISE, USER_SCHEMA as USER, type Json } from './support/scim-fixtures.js';



describeEachStore('SCIM Users', (fixture) => {
  const scim = () => fixture.directory().scim;
  const token = () => fixture.directory().token;

  test('POST creates a user: 201, Location, ETag, meta, no password echoed', async () => {
    const response = await http<Json>('POST', `${scim()}/Users`, {
      token: token(),
      body: {
        schemas: [USER, ENTERPRISE],
        userName: 'ada@example.com',
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        password: 'hunter2-secret',
        [ENTERPRISE]: { employeeNumber: '1815', department: 'Analytical Engines' },
      },
    });
    assert.equal(response.status, 201, response.text);
    const id = response.body.id as string;
    assert.match(id, /^diruser_/);
    assert.equal(response.headers.get('location'), `${scim()}/Users/${id}`);
    assert.equal(response.headers.get('content-type'), 'application/scim+json; charset=utf-8');
    assert.match(response.headers.get('etag') ?? '', /^W\/"\d+"$/);
    const meta = response.body.meta as Json;
    assert.equal(meta.resourceType, 'User');
    assert.equal(meta.location, `${scim()}/Users/${id}`);
    assert.equal(meta.version, response.headers.get('etag'));
    assert.ok(!response.text.includes('hunter2'), 'the password must never be returned');
    assert.equal((response.body[ENTERPRISE] as Json).employeeNumber, '1815');

    const read = await http<Json>('GET', `${scim()}/Users/${id}`, { token: token() });
    assert.equal(read.status, 200);
    assert.equal(read.body.userName, 'ada@example.com');
    assert.deepEqual(read.body.groups ?? [], []);
    assert.equal((read.body.name as Json).givenName, 'Ada');
  });

  test('userName is unique case-insensitively: 409 uniqueness', async () => {
    await http('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: 'Grace@Example.com' } });
    const duplicate = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: 'grace@example.COM' } });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.scimType, 'uniqueness');
    assert.equal(duplicate.body.status, '409');
  });

  test('unknown id: 404 with a SCIM error body', async () => {
    const response = await http<Json>('GET', `${scim()}/Users/diruser_doesnotexist`, { token: token() });
    assert.equal(response.status, 404);
    assert.deepEqual(response.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(response.body.status, '404');
  });

  test('PUT replaces, PATCH modifies, If-Match mismatch is 412, If-None-Match is 304, DELETE is 204', async () => {
    const created = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: 'put@example.com', active: true } });
    const id = created.body.id as string;
    const etag = created.headers.get('etag') ?? '';

    const notModified = await http('GET', `${scim()}/Users/${id}`, { token: token(), headers: { 'if-none-match': etag } });
    assert.equal(notModified.status, 304);

    const replaced = await http<Json>('PUT', `${scim()}/Users/${id}`, {
      token: token(),
      headers: { 'if-match': etag },
      body: { schemas: [USER], id, userName: 'put@example.com', displayName: 'Put Person', active: true },
    });
    assert.equal(replaced.status, 200, replaced.text);
    assert.equal(replaced.body.displayName, 'Put Person');
    assert.notEqual(replaced.headers.get('etag'), etag);

    const stale = await http<Json>('PATCH', `${scim()}/Users/${id}`, {
      token: token(),
      headers: { 'if-match': etag },
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] },
    });
    assert.equal(stale.status, 412);

    const patched = await http<Json>('PATCH', `${scim()}/Users/${id}`, {
      token: token(),
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.active, false);

    assert.equal((await http('DELETE', `${scim()}/Users/${id}`, { token: token() })).status, 204);
    assert.equal((await http('GET', `${scim()}/Users/${id}`, { token: token() })).status, 404);
    assert.equal((await http('DELETE', `${scim()}/Users/${id}`, { token: token() })).status, 404);
  });

  test('malformed JSON, a non-object body and a missing userName are 400s, never 500', async () => {
    const malformed = await http<Json>('POST', `${scim()}/Users`, { token: token(), rawBody: '{"userName": ', headers: { 'content-type': 'application/scim+json' } });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.scimType, 'invalidSyntax');
    const array = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: [1, 2] });
    assert.equal(array.status, 400);
    const missing = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], displayName: 'x' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.scimType, 'invalidValue');
    const poisoned = await http<Json>('POST', `${scim()}/Users`, { token: token(), rawBody: '{"userName":"p@x.com","__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } });
    assert.equal(poisoned.status, 400);
    assert.equal(({} as Json).admin, undefined);
  });

  test('an oversized body is 413 with a SCIM body', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const response = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: 'big@example.com', title: big } });
    assert.equal(response.status, 413);
    assert.equal(response.body.status, '413');
  });

  test('/Me answers 501 with a SCIM error', async () => {
    const response = await http<Json>('GET', `${scim()}/Me`, { token: token() });
    assert.equal(response.status, 501);
    assert.equal(response.body.status, '501');
  });
});
