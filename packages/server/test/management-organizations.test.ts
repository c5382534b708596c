import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expectBadParameter, expectError, managementApi, walkPages, type Json } from './support/management-api.js';
import { USER_SCHEMA } from './support/scim-fixtures.js';

interface Organization {
  id: string;
  display_name: string;
  external_id: string | null;
  settings: { features: { name: string; enabled: boolean }[] };
  create_time: string;
  update_time: string;
}

describeEachStore('management API: organizations', (fixture) => {
  const api = () => managementApi(fixture.server().baseUrl, fixture.directory().accessToken);
  const unique = () => randomBytes(4).toString('hex');

  test('create, get, update, look up by external_id, delete', async () => {
    const externalId = `acme-${unique()}`;
    const created = await api().post<{ organization: Organization }>('/api/v1/organizations', { display_name: 'Acme', external_id: externalId });
    assert.equal(created.status, 201, created.text);
    const organization = created.body.organization;
    assert.match(organization.id, /^org_/);
    assert.deepEqual(Object.keys(organization).sort(), ['create_time', 'display_name', 'external_id', 'id', 'settings', 'update_time']);
    assert.deepEqual(organization.settings, { features: [] });

    const fetched = await api().get<{ organization: Organization }>(`/api/v1/organizations/${organization.id}`);
    assert.deepEqual(fetched.body.organization, organization);

    const byExternal = await api().get<{ organization: Organization }>(`/api/v1/organizations:external/${encodeURIComponent(externalId)}`);
    assert.equal(byExternal.status, 200, byExternal.text);
    assert.equal(byExternal.body.organization.id, organization.id);
    expectError(await api().get(`/api/v1/organizations:external/nobody-${unique()}`), 404, 'not_found');

    const renamed = await api().patch<{ organization: Organization }>(`/api/v1/organizations/${organization.id}`, { display_name: 'Acme Corp' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.organization.display_name, 'Acme Corp');
    assert.equal(renamed.body.organization.external_id, externalId, 'a field not named keeps its value');
    const cleared = await api().patch<{ organization: Organization }>(`/api/v1/organizations/${organization.id}`, { external_id: null });
    assert.equal(cleared.body.organization.external_id, null);
    assert.equal(cleared.body.organization.display_name, 'Acme Corp');

    const deleted = await api().delete(`/api/v1/organizations/${organization.id}`);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal(deleted.text, '');
    expectError(await api().get(`/api/v1/organizations/${organization.id}`), 404, 'not_found');
    expectError(await api().delete(`/api/v1/organizations/${organization.id}`), 404, 'not_found');
  });

  test('external_id is unique: a second organization or an update to a taken one is 409', async () => {
    const externalId = `dup-${unique()}`;
    assert.equal((await api().post('/api/v1/organizations', { display_name: 'One', external_id: externalId })).status, 201);
    const second = await api().post('/api/v1/organizations', { display_name: 'Two', external_id: externalId });
    assert.equal(expectError(second, 409, 'already_exists').details?.parameter, 'external_id');
    const other = await api().post<{ organization: Organization }>('/api/v1/organizations', { display_name: 'Three' });
    expectError(await api().patch(`/api/v1/organizations/${other.body.organization.id}`, { external_id: externalId }), 409, 'already_exists');
  });

  test('bad input is a 400 naming the parameter', async () => {
    const { organizationId } = fixture.directory();
    expectBadParameter(await api().post('/api/v1/organizations', { display_name: 42 }), 'display_name');
    expectBadParameter(await api().post('/api/v1/organizations', { display_name: 'x', external_id: '' }), 'external_id');
    expectBadParameter(await api().patch(`/api/v1/organizations/${organizationId}`, { display_name: '' }), 'display_name');
    expectBadParameter(await api().patch(`/api/v1/organizations/${organizationId}`, { external_id: 7 }), 'external_id');
    expectBadParameter(await api().patch(`/api/v1/organizations/${organizationId}/settings`, { features: 'scim' }), 'features');
    expectBadParameter(await api().patch(`/api/v1/organizations/${organizationId}/settings`, { features: [{ name: 'scim', enabled: 'yes' }] }), 'features.0.enabled');
    expectBadParameter(await api().get('/api/v1/organizations?page_size=0'), 'page_size');
    expectBadParameter(await api().get('/api/v1/organizations?page_size=101'), 'page_size');
    expectBadParameter(await api().get('/api/v1/organizations?page_size=ten'), 'page_size');
    expectBadParameter(await api().get('/api/v1/organizations?page_token=garbage'), 'page_token');
    expectError(await api().patch('/api/v1/organizations/org_unknown', { display_name: 'x' }), 404, 'not_found');
    // PostgreSQL text cannot hold NUL: a 400, and the store keeps serving.
    expectBadParameter(await api().post('/api/v1/organizations', { display_name: 'nul\u0000name' }), 'display_name');
    expectBadParameter(await api().get('/api/v1/organizations:external/a%00b'), 'external_id');
    expectBadParameter(await api().patch(`/api/v1/organizations/${organizationId}`, { external_id: 'x\u0000' }), 'external_id');
    assert.equal((await api().get(`/api/v1/organizations/${organizationId}`)).status, 200);
  });

  test('list pages by keyset with opaque tokens: every organization once, forward and back', async () => {
    for (let index = 0; index < 7; index++) {
      assert.equal((await api().post('/api/v1/organizations', { display_name: `Paged ${index}` })).status, 201);
    }
    const first = await api().get<{ organizations: Organization[]; total_size: number }>('/api/v1/organizations?page_size=100');
    const total = first.body.total_size;
    assert.ok(total >= 8);
    const { pages, last } = await walkPages<Organization>((token) => api().get(`/api/v1/organizations?page_size=3&page_token=${token}`), 'organizations');
    const walked = pages.flat().map((organization) => organization.id);
    assert.equal(walked.length, total);
    assert.equal(new Set(walked).size, total, 'no organization twice');
    assert.deepEqual(walked, first.body.organizations.map((organization) => organization.id));
    assert.ok(pages.slice(0, -1).every((page) => page.length === 3));
    assert.equal(last.next_page_token, '');

    // Walking back from the last page with prev_page_token gives the same pages in reverse.
    const back: string[][] = [];
    let previous = last.prev_page_token;
    while (previous) {
      const page = await api().get<{ organizations: Organization[]; prev_page_token: string }>(`/api/v1/organizations?page_size=3&page_token=${previous}`);
      assert.equal(page.status, 200, page.text);
      back.unshift(page.body.organizations.map((organization) => organization.id));
      previous = page.body.prev_page_token;
    }
    assert.deepEqual([...back.flat(), ...(pages.at(-1) ?? []).map((organization) => organization.id)], walked);

    // A token belongs to its list: the organizations' token is refused by the roles list.
    const second = await api().get<{ next_page_token: string }>('/api/v1/organizations?page_size=1');
    expectBadParameter(await api().get(`/api/v1/roles?page_token=${second.body.next_page_token}`), 'page_token');
  });

  test('turning SCIM off in settings answers the IdP 403; deleting the organization ends its directories', async () => {
    const directory = await fixture.newDirectory();
    const settings = await api().patch<{ organization: Organization }>(`/api/v1/organizations/${directory.organizationId}/settings`, {
      features: [{ name: 'dir_sync', enabled: true }],
    });
    assert.deepEqual(settings.body.organization.settings.features, [
      { name: 'scim', enabled: true },
      { name: 'dir_sync', enabled: true },
    ]);
    await api().patch(`/api/v1/organizations/${directory.organizationId}/settings`, { features: [{ name: 'scim', enabled: false }, { name: 'dir_sync', enabled: false }] });
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: directory.token })).status, 403);
    await api().patch(`/api/v1/organizations/${directory.organizationId}/settings`, { features: [{ name: 'scim', enabled: true }] });
    const user = await http<Json>('POST', `${directory.scim}/Users`, { token: directory.token, body: { schemas: [USER_SCHEMA], userName: 'gone@example.com' } });
    assert.equal(user.status, 201, user.text);

    assert.equal((await api().delete(`/api/v1/organizations/${directory.organizationId}`)).status, 204);
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: directory.token })).status, 401, 'the secret died with its directory');
    expectError(await api().get(`/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}`), 404);
  });

  test('without a valid access token every route is 401', async () => {
    const { baseUrl } = fixture.server();
    const { organizationId } = fixture.directory();
    for (const token of [undefined, 'rat_not_a_token']) {
      const anonymous = managementApi(baseUrl, token ?? '');
      expectError(await anonymous.call('GET', '/api/v1/organizations', undefined, token), 401, 'unauthenticated');
      expectError(await anonymous.call('DELETE', `/api/v1/organizations/${organizationId}`, undefined, token), 401, 'unauthenticated');
    }
    assert.equal((await api().get(`/api/v1/organizations/${organizationId}`)).status, 200, 'nothing was deleted');
  });
});
