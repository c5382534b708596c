import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { GOOGLE_CALLBACK_PATH } from '../src/connectors/google-consent.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expectBadParameter, expectError, managementApi, walkPages, type Json } from './support/management-api.js';

interface ApiClient {
  id: string;
  name: string;
  create_time: string;
  revoke_time: string | null;
}

interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; parameters: Json[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, { content?: Record<string, { schema: Json }> }>; security?: unknown[] }>>;
  components: { schemas: Record<string, Json> };
}

/**
 * [method, OpenAPI path] of every route in fastify's printRoutes tree, HEAD left out. The tree
 * prints a parameter as `/:name` (with its pattern, if any) and a literal colon as `:`.
 */
function registeredRoutes(tree: string): [string, string][] {
  const routes: [string, string][] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods = ''] = match;
    stack.length = indent.length / 4;
    stack.push(segment);
    const path = stack
      .join('')
      .replace(/:(\w+)\([^)]*\)/g, '{$1}')
      .replaceAll('::', ':')
      .replace(/\/:(\w+)/g, '/{$1}');
    for (const method of methods.split(', ')) if (method !== 'HEAD') routes.push([method.toLowerCase(), path]);
  }
  return routes;
}

const token = async (baseUrl: string, clientId: string, clientSecret: string) =>
  http<{ access_token: string }>('POST', `${baseUrl}/oauth/token`, {
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    headers: { 'content-type': 'application/json' },
  });

describeEachStore('management API: portal links, API clients, tokens and the OpenAPI document', (fixture) => {
  const api = () => managementApi(fixture.server().baseUrl, fixture.directory().accessToken);

  test('portal links: generated with a secret location once, listed without it, revoked', async () => {
    const { organizationId } = fixture.directory();
    const links = `/api/v1/organizations/${organizationId}/portal_links`;
    const generated = await api().put<{ link: { id: string; location: string; expire_time: string } }>(links, {});
    assert.equal(generated.status, 200, generated.text);
    assert.equal(generated.headers.get('cache-control'), 'no-store');
    const { link } = generated.body;
    assert.match(link.id, /^plink_/);
    assert.match(link.location, new RegExp(`^${fixture.server().baseUrl}/portal\\?token=rpl_`));
    const ttl = Date.parse(link.expire_time) - Date.now();
    assert.ok(ttl > 23 * 3600_000 && ttl <= 24 * 3600_000, 'a day by default');

    // Stored only as a hash: the token appears nowhere in the database.
    const portalToken = new URL(link.location).searchParams.get('token') ?? '';
    const pool = fixture.server().server.services.db.pool;
    const stored = await pool.query<{ token_hash: string }>('SELECT token_hash FROM portal_links WHERE id = $1', [link.id]);
    assert.equal(stored.rows[0]?.token_hash, createHash('sha256').update(portalToken).digest('hex'));

    const soon = new Date(Date.now() + 3600_000).toISOString();
    const short = await api().put<{ link: { id: string; expire_time: string } }>(links, { expire_time: soon });
    assert.equal(Date.parse(short.body.link.expire_time), Date.parse(soon));
    expectBadParameter(await api().put(links, { expire_time: new Date(Date.now() + 8 * 86400_000).toISOString() }), 'expire_time');
    expectBadParameter(await api().put(links, { expire_time: '2001-01-01T00:00:00Z' }), 'expire_time');
    expectBadParameter(await api().put(links, { expire_time: 'soon' }), 'expire_time');

    const listed = await walkPages<Json>((page) => api().get(`${links}?page_size=1&page_token=${page}`), 'links');
    assert.deepEqual(listed.pages.flat().map((each) => each.id), [link.id, short.body.link.id]);
    assert.deepEqual(Object.keys(listed.pages[0]?.[0] ?? {}).sort(), ['create_time', 'expire_time', 'id'], 'no location');

    assert.equal((await api().delete(`${links}/${link.id}`)).status, 204);
    expectError(await api().delete(`${links}/${link.id}`), 404, 'not_found');
    const remaining = await api().get<{ links: Json[]; total_size: number }>(links);
    assert.deepEqual(remaining.body.links.map((each) => each.id), [short.body.link.id]);
    assert.equal(remaining.body.total_size, 1);

    // Another organization's link is not found through this one.
    const other = await fixture.newDirectory();
    const theirs = await api().put<{ link: { id: string } }>(`/api/v1/organizations/${other.organizationId}/portal_links`, {});
    expectError(await api().delete(`${links}/${theirs.body.link.id}`), 404, 'not_found');
    expectError(await api().put('/api/v1/organizations/org_unknown/portal_links', {}), 404, 'not_found');
  });

  test('API clients: the secret is shown once and works; revoking ends its tokens at once; the last one stays', async () => {
    const { baseUrl, clientId } = fixture.server();
    const created = await api().post<{ client: ApiClient; plain_secret: string }>('/api/v1/clients', { name: 'billing backend' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    assert.match(created.body.client.id, /^client_/);
    assert.equal(created.body.client.revoke_time, null);
    const issued = await token(baseUrl, created.body.client.id, created.body.plain_secret);
    assert.equal(issued.status, 200, issued.text);
    const theirApi = managementApi(baseUrl, issued.body.access_token);
    assert.equal((await theirApi.get('/api/v1/organizations')).status, 200);

    const listed = await walkPages<ApiClient>((page) => api().get(`/api/v1/clients?page_size=1&page_token=${page}`), 'clients');
    const ids = listed.pages.flat().map((client) => client.id);
    assert.ok(ids.includes(clientId) && ids.includes(created.body.client.id), ids.join());
    assert.ok(!JSON.stringify(listed.pages).includes(created.body.plain_secret));
    const fetched = await api().get<{ client: ApiClient }>(`/api/v1/clients/${created.body.client.id}`);
    assert.deepEqual(fetched.body.client, created.body.client);

    const revoked = await api().post<{ client: ApiClient }>(`/api/v1/clients/${created.body.client.id}:revoke`, {});
    assert.equal(revoked.status, 200, revoked.text);
    assert.notEqual(revoked.body.client.revoke_time, null);
    expectError(await theirApi.get('/api/v1/organizations'), 401, 'unauthenticated');
    expectError(await token(baseUrl, created.body.client.id, created.body.plain_secret), 401, 'invalid_client');

    // The bootstrap client is now the last active one: revoking it would lock everyone out.
    const last = expectError(await api().post(`/api/v1/clients/${clientId}:revoke`, {}), 409, 'failed_precondition');
    assert.match(last.message, /last active client/);
    expectError(await api().post('/api/v1/clients/client_unknown:revoke', {}), 404, 'not_found');
    expectError(await api().get('/api/v1/clients/client_unknown'), 404, 'not_found');
    expectBadParameter(await api().post('/api/v1/clients', { name: '' }), 'name');
  });

  test('an expired access token is 401', async () => {
    const { baseUrl, clientId, clientSecret, server } = fixture.server();
    const issued = await token(baseUrl, clientId, clientSecret);
    const hash = createHash('sha256').update(issued.body.access_token).digest('hex');
    await server.services.db.pool.query("UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [hash]);
    const body = expectError(await managementApi(baseUrl, issued.body.access_token).get('/api/v1/organizations'), 401, 'unauthenticated');
    assert.match(body.message, /expired/);
  });

  test('the OpenAPI 3.1 document lists every management route with request and response schemas', async () => {
    const { baseUrl } = fixture.server();
    const response = await http<OpenApi>('GET', `${baseUrl}/api/openapi.json`);
    assert.equal(response.status, 200, response.text);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const document = JSON.parse(response.text) as OpenApi;
    assert.match(document.openapi, /^3\.1\.\d+$/);
    assert.equal(document.info.title, 'Roster management API');

    // Every route the server registered under /api/v1 and /oauth appears, under its OpenAPI path. Not
    // the management API: SCIM, the dashboard's and portal's own session-cookie routes, and the
    // page Google's consent screen sends the customer's admin back to (a browser redirect).
    const documented = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path.toLowerCase()}`)));
    const notManagement = (path: string) =>
      path.includes('/scim/v2') || path.startsWith('/api/v1/dashboard/') || path.startsWith('/api/v1/portal/') || path === GOOGLE_CALLBACK_PATH;
    const registered = registeredRoutes(fixture.server().server.app.printRoutes({ commonPrefix: false }))
      .filter(([, path]) => (path.startsWith('/api/v1/') || path.startsWith('/oauth/')) && !notManagement(path));
    assert.ok(registered.length >= 37, `${registered.length} routes`);
    for (const [method, path] of registered) assert.ok(documented.has(`${method} ${path.toLowerCase()}`), `${method.toUpperCase()} ${path} is not documented`);
    const expected: [string, string][] = [
      ['post', '/oauth/token'],
      ['post', '/api/v1/organizations'],
      ['get', '/api/v1/organizations'],
      ['get', '/api/v1/organizations:external/{external_id}'],
      ['get', '/api/v1/organizations/{organization_id}'],
      ['patch', '/api/v1/organizations/{organization_id}'],
      ['delete', '/api/v1/organizations/{organization_id}'],
      ['patch', '/api/v1/organizations/{organization_id}/settings'],
      ['post', '/api/v1/organizations/{organization_id}/directories'],
      ['get', '/api/v1/organizations/{organization_id}/directories'],
      ['get', '/api/v1/organizations/{organization_id}/directories/{directory_id}'],
      ['patch', '/api/v1/organizations/{organization_id}/directories/{directory_id}'],
      ['delete', '/api/v1/organizations/{organization_id}/directories/{directory_id}'],
      ['patch', '/api/v1/organizations/{organization_id}/directories/{directory_id}:enable'],
      ['patch', '/api/v1/organizations/{organization_id}/directories/{directory_id}:disable'],
      ['post', '/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets'],
      ['post', '/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets:regenerate'],
      ['post', '/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets/{secret_id}:revoke'],
      ['get', '/api/v1/organizations/{organization_id}/directories/{directory_id}/users'],
      ['get', '/api/v1/organizations/{organization_id}/directories/{directory_id}/users/{user_id}'],
      ['get', '/api/v1/organizations/{organization_id}/directories/{directory_id}/groups'],
      ['get', '/api/v1/organizations/{organization_id}/directories/{directory_id}/groups/{group_id}'],
      ['get', '/api/v1/organizations/{organization_id}/directories/{directory_id}/groups/{group_id}/members'],
      ['put', '/api/v1/organizations/{organization_id}/directories/{directory_id}/groups/-/roles:assign'],
      ['put', '/api/v1/organizations/{organization_id}/directories/{directory_id}/attributes'],
      ['post', '/api/v1/roles'],
      ['get', '/api/v1/roles'],
      ['get', '/api/v1/roles/{role_name}'],
      ['patch', '/api/v1/roles/{role_name}'],
      ['delete', '/api/v1/roles/{role_name}'],
      ['put', '/api/v1/organizations/{organization_id}/portal_links'],
      ['get', '/api/v1/organizations/{organization_id}/portal_links'],
      ['delete', '/api/v1/organizations/{organization_id}/portal_links/{link_id}'],
      ['post', '/api/v1/clients'],
      ['get', '/api/v1/clients'],
      ['get', '/api/v1/clients/{client_id}'],
      ['post', '/api/v1/clients/{client_id}:revoke'],
    ];
    for (const [method, path] of expected) assert.ok(document.paths[path]?.[method], `${method.toUpperCase()} ${path} is missing`);

    const operationIds = new Set<string>();
    const references = new Set<string>();
    JSON.stringify(document, (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string') references.add(value);
      return value;
    });
    for (const [path, item] of Object.entries(document.paths)) {
      const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        assert.ok(!operationIds.has(operation.operationId), `${where}: operationId ${operation.operationId} twice`);
        operationIds.add(operation.operationId);
        const declared = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
        assert.deepEqual(declared, pathParameters, `${where}: path parameters`);
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        assert.ok(success, `${where}: no success response`);
        if (success[0] !== '204') assert.ok(success[1].content?.['application/json']?.schema, `${where}: no response schema`);
        // Actions (revoke, enable, disable, sync, approve) take no body; every other write has one.
        const bodylessAction = [':revoke', ':enable', ':disable', ':sync', ':approve'].some((action) => path.endsWith(action));
        if (['post', 'put', 'patch'].includes(method) && !bodylessAction) {
          assert.ok(operation.requestBody?.content['application/json']?.schema, `${where}: no request schema`);
        }
        if (operation.security === undefined) assert.ok(operation.responses['401'], `${where}: authenticated routes document 401`);
        for (const [status, answer] of Object.entries(operation.responses)) {
          if (status.startsWith('4')) assert.deepEqual(answer.content?.['application/json']?.schema, { $ref: '#/components/schemas/ApiError' }, `${where} ${status}`);
        }
      }
    }
    for (const reference of references) {
      const name = reference.replace('#/components/schemas/', '');
      assert.ok(document.components.schemas[name], `dangling reference ${reference}`);
    }
    const user = document.components.schemas.DirectoryUser as { required: string[] };
    assert.deepEqual(
      [...user.required].sort(),
      ['active', 'custom_attributes', 'email', 'emails', 'family_name', 'given_name', 'groups', 'id', 'name', 'permissions', 'preferred_username', 'roles', 'updated_at'],
    );
  });

  test('/api/docs is Swagger UI from local assets, with no CDN', async () => {
    const { baseUrl } = fixture.server();
    const page = await http('GET', `${baseUrl}/api/docs`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(!/https?:\/\//.test(page.text), 'the page loads nothing from another host');
    for (const asset of [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '')) {
      const loaded = await fetch(`${baseUrl}${asset}`);
      assert.equal(loaded.status, 200, asset);
      await loaded.arrayBuffer();
    }
    const init = await http('GET', `${baseUrl}/api/docs/init.js`);
    assert.match(init.text, /\/api\/openapi\.json/);
    assert.equal((await fetch(`${baseUrl}/api/docs/assets/package.json`)).status, 404, 'only the UI files are served');
  });
});
