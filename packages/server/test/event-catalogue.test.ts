import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import { EVENT_TYPES, type EventType } from '../src/events/event-types.js';
import { EVENT_CATALOGUE, eventEnvelopeSchema } from '../src/http/serializers/event-catalogue.js';
import { renderEventsMarkdown } from '../src/http/serializers/event-catalogue-markdown.js';
import { FakeGoogleWorkspace } from '../src/simulator/sources/fake-google.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { readEvents, readEventsUntil } from './support/events-client.js';
import { managementApi } from './support/management-api.js';
import { PulledApi, pulledEnv } from './support/pulled-directories.js';
import { createResource, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, type Json } from './support/scim-fixtures.js';

// The event catalogue (every event type, its payload schema and an example) is one source for the
// OpenAPI document's `webhooks` section and docs/events.md. These tests hold the three together
// and hold the catalogue to what the server really emits.

test('the catalogue has every event type the server can emit, and nothing else', () => {
  assert.deepEqual(Object.keys(EVENT_CATALOGUE).sort(), [...EVENT_TYPES].sort());
});

test("each example is a valid event of its type, and not of any other type's schema", () => {
  for (const type of EVENT_TYPES) {
    const parsed = eventEnvelopeSchema(type).safeParse(EVENT_CATALOGUE[type].example);
    assert.ok(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues)}`);
    for (const other of EVENT_TYPES.filter((candidate) => candidate !== type)) {
      assert.ok(!eventEnvelopeSchema(other).safeParse(EVENT_CATALOGUE[type].example).success, `${type}'s example also passes as ${other}`);
    }
  }
});

test('docs/events.md is what the catalogue renders (`npm run docs:events -w @roster/server`)', async () => {
  const committed = await readFile(new URL('../../../docs/events.md', import.meta.url), 'utf8');
  assert.ok(committed === renderEventsMarkdown(), 'docs/events.md is stale: run `npm run docs:events -w @roster/server`');
});

// A Google Workspace for the pulled directory whose held sync writes sync_needs_review.
const google = await FakeGoogleWorkspace.start();
after(() => google.close());

describeEachStore('the event catalogue against the live server', (fixture) => {
  test('the OpenAPI document lists every event type under `webhooks`, with a schema and an example', async () => {
    const response = await http<Json>('GET', `${fixture.server().baseUrl}/api/openapi.json`);
    assert.equal(response.status, 200, response.text);
    const document = response.body as { webhooks: Record<string, { post: Json }>; components: { schemas: Record<string, Json> } };
    assert.deepEqual(Object.keys(document.webhooks).sort(), [...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const post = document.webhooks[type]?.post as { summary: string; description: string; parameters: Json[]; requestBody: { content: Record<string, { schema: Json; example: unknown }> } };
      assert.ok(post.summary && post.description, type);
      assert.deepEqual(post.parameters.map((parameter) => parameter.name), ['webhook-id', 'webhook-timestamp', 'webhook-signature']);
      const body = post.requestBody.content['application/json'];
      assert.deepEqual(body?.example, EVENT_CATALOGUE[type].example, type);
      const name = EVENT_CATALOGUE[type].schemaName;
      assert.deepEqual(body?.schema, { $ref: `#/components/schemas/${name}` });
      const properties = document.components.schemas[name]?.properties as Record<string, Json> | undefined;
      assert.deepEqual(properties?.type, { type: 'string', const: type }, `${name}.type`);
    }
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1] ?? '');
    for (const reference of new Set(references)) assert.ok(document.components.schemas[reference], `dangling $ref ${reference}`);
  });

  test('every event the server writes, of every type, validates against its catalogue schema', async () => {
    const { baseUrl } = fixture.server();
    const directory = await fixture.newDirectory();
    const api = managementApi(baseUrl, directory.accessToken);
    const scim = { scim: directory.scim, token: directory.token };
    const org = `/api/v1/organizations/${directory.organizationId}`;
    const dir = `${org}/directories/${directory.directoryId}`;
    const ok = (response: { status: number; text: string }, status = 200) => assert.equal(response.status, status, response.text);

    // Users and groups, through SCIM as an IdP sends them.
    const ada = String((await createResource(scim, 'Users', { schemas: [USER_SCHEMA], userName: 'ada@catalogue.example', name: { givenName: 'Ada' } })).id);
    const bob = String((await createResource(scim, 'Users', { schemas: [USER_SCHEMA], userName: 'bob@catalogue.example' })).id);
    const group = String((await createResource(scim, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Catalogue', members: [{ value: ada }] })).id);
    const patch = (path: string, operations: Json[]) => http('PATCH', `${directory.scim}${path}`, { token: directory.token, body: { schemas: [PATCH_SCHEMA], Operations: operations } });
    ok(await patch(`/Users/${ada}`, [{ op: 'replace', path: 'title', value: 'Countess' }]));
    ok(await patch(`/Groups/${group}`, [{ op: 'add', path: 'members', value: [{ value: bob }] }, { op: 'replace', path: 'displayName', value: 'Catalogue 2' }]), 204);
    // A role mapping: user_updated for the group's users without a change of their own.
    ok(await api.post('/api/v1/roles', { name: `catalogue_${directory.directoryId}`, permissions: ['docs:read'] }), 201);
    ok(await api.put(`${dir}/groups/-/roles:assign`, { assignments: [{ group_id: group, role_name: `catalogue_${directory.directoryId}` }] }));
    ok(await http('DELETE', `${directory.scim}/Users/${bob}`, { token: directory.token }), 204);
    ok(await http('DELETE', `${directory.scim}/Groups/${group}`, { token: directory.token }), 204);

    // The directory and its secrets, through the management API.
    const secret = await api.post<{ secret: { id: string } }>(`${dir}/secrets`, {});
    ok(secret, 201);
    ok(await api.post(`${dir}/secrets/${secret.body.secret.id}:revoke`, {}));
    ok(await api.patch(`${dir}:disable`));
    ok(await api.patch(`${dir}:enable`));
    const second = await api.post<{ directory: { id: string } }>(`${org}/directories`, { directory_type: 'SCIM', directory_provider: 'AZURE_AD' });
    ok(second, 201);
    ok(await api.delete(`${org}/directories/${second.body.directory.id}`), 204);
    ok(await api.delete(org), 204);

    // A pulled directory whose second sync would remove most of it: held, with its event.
    const pulled = await PulledApi.connect(baseUrl, fixture.server().clientId, fixture.server().clientSecret);
    const pulledOrganization = await pulled.organization('Catalogue pulled');
    const people = ['ada', 'bob', 'cy'].map((handle) => google.directory.addUser({ primaryEmail: `${handle}.${directory.directoryId}@acme.example`, givenName: handle, familyName: 'Catalogue' }));
    const googleDirectory = await pulled.createDirectory(pulledOrganization, {
      directory_type: 'GOOGLE_WORKSPACE',
      credentials: { service_account_key: google.createServiceAccountKey(), admin_email: 'admin@acme.example' },
    });
    assert.equal((await pulled.nextRun(pulledOrganization, googleDirectory.id)).status, 'succeeded');
    for (const person of people) google.directory.deleteUser(person.id);
    assert.equal((await pulled.syncAndWait(pulledOrganization, googleDirectory.id)).status, 'held');

    const { events } = await readEvents(baseUrl, directory.accessToken, { organization_id: directory.organizationId, limit: 100 });
    // Three user_created, then sync_needs_review (events settle a moment after their commit).
    const pulledEvents = await readEventsUntil(baseUrl, directory.accessToken, { organization_id: pulledOrganization, limit: 100 }, '', 4);
    events.push(...pulledEvents.events);
    const seen = new Set<string>();
    for (const event of events) {
      seen.add(event.type);
      assert.ok((EVENT_TYPES as readonly string[]).includes(event.type), `an event type the catalogue lacks: ${event.type}`);
      const parsed = eventEnvelopeSchema(event.type as EventType).safeParse(event);
      assert.ok(parsed.success, `${event.type} ${event.id} does not match its schema: ${JSON.stringify(parsed.error?.issues)}\n${JSON.stringify(event)}`);
    }
    assert.deepEqual([...seen].sort(), [...EVENT_TYPES].sort(), 'this test makes the server write every event type');
  });
}, { env: pulledEnv({ google: google.url }) });
