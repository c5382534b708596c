import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { USER_SCHEMA as USER, type Json } from './support/scim-fixtures.js';


describeEachStore('SCIM access control', (fixture) => {
  test('no token and a wrong token are 401 with a SCIM body and WWW-Authenticate', async () => {
    const { scim } = fixture.directory();
    for (const token of [undefined, 'rsk_wrong']) {
      const response = await http<Json>('GET', `${scim}/Users`, token ? { token } : {});
      assert.equal(response.status, 401);
      assert.equal(response.body.status, '401');
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
  });

  test("directory A's token on directory B is 401 and says nothing about B", async () => {
    const a = fixture.directory();
    const b = await fixture.newDirectory();
    await http('POST', `${b.scim}/Users`, { token: b.token, body: { schemas: [USER], userName: 'secret-of-b@example.com' } });
    const response = await http<Json>('GET', `${b.scim}/Users`, { token: a.token });
    assert.equal(response.status, 401);
    assert.ok(!response.text.includes('secret-of-b'));
    assert.ok(!response.text.includes(b.directoryId));
  });

  test('turning SCIM off for the organization answers 403; on again restores access', async () => {
    const directory = await fixture.newDirectory();
    const base = fixture.server().baseUrl;
    const settings = (enabled: boolean) =>
      http('PATCH', `${base}/api/v1/organizations/${directory.organizationId}/settings`, {
        token: directory.accessToken,
        body: { features: [{ name: 'scim', enabled }] },
        headers: { 'content-type': 'application/json' },
      });
    assert.equal((await settings(false)).status, 200);
    const refused = await http<Json>('GET', `${directory.scim}/Users`, { token: directory.token });
    assert.equal(refused.status, 403);
    assert.match(String(refused.body.detail), /turned off/);
    await settings(true);
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: directory.token })).status, 200);
  });

  test('a revoked secret stops working at once; another active secret keeps working (rotation)', async () => {
    const directory = await fixture.newDirectory();
    const base = fixture.server().baseUrl;
    const secrets = `${base}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}/secrets`;
    const second = await http<{ plain_secret: string; secret: { id: string } }>('POST', secrets, { token: directory.accessToken, body: {}, headers: { 'content-type': 'application/json' } });
    assert.equal(second.status, 201);
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: second.body.plain_secret })).status, 200);
    const revoked = await http('POST', `${secrets}/${second.body.secret.id}:revoke`, { token: directory.accessToken, body: {}, headers: { 'content-type': 'application/json' } });
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: second.body.plain_secret })).status, 401);
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: directory.token })).status, 200);
  });

  test('an expired secret is refused', async () => {
    const directory = await fixture.newDirectory();
    const base = fixture.server().baseUrl;
    const secrets = `${base}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}/secrets`;
    const soon = new Date(Date.now() + 1500).toISOString();
    const secret = await http<{ plain_secret: string }>('POST', secrets, { token: directory.accessToken, body: { expire_time: soon }, headers: { 'content-type': 'application/json' } });
    assert.equal(secret.status, 201, secret.text);
    // Used while valid, so the grant is cached: expiry must still be honoured.
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: secret.body.plain_secret })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: secret.body.plain_secret })).status, 401);
  });

  test('a directory cannot be created while SCIM is off for the organization', async () => {
    const { baseUrl } = fixture.server();
    const { accessToken } = fixture.directory();
    const json = { 'content-type': 'application/json' };
    const organization = await http<{ organization: { id: string } }>('POST', `${baseUrl}/api/v1/organizations`, { token: accessToken, body: { display_name: 'Off Inc' }, headers: json });
    const refused = await http<Json>('POST', `${baseUrl}/api/v1/organizations/${organization.body.organization.id}/directories`, {
      token: accessToken,
      body: { directory_type: 'SCIM', directory_provider: 'OKTA' },
      headers: json,
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'feature_disabled');
  });
});
