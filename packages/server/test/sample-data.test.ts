import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { EVENT_TYPES, type EventType } from '../src/events/event-types.js';
import { eventEnvelopeSchema } from '../src/http/serializers/event-catalogue.js';
import { describeEachStore } from './support/each-store.js';
import { management, readEvents, readEventsUntil, type EventJson } from './support/events-client.js';
import { expansionIdle } from './support/expansion.js';
import { USER_SCHEMA, createResource, type Json } from './support/scim-fixtures.js';

// "Send sample data" pushes eight sample people and three groups into a customer's real
// directory, as real events. They are marked as sample data (in the management API and in
// events), the push never touches what the IdP created, and they can be removed (management
// API and the portal's and dashboard's routes) with user_deleted and group_deleted events.

const json = { 'content-type': 'application/json' };
const USER_EVENTS = 'organization.directory.user_created,organization.directory.user_deleted';
const GROUP_EVENTS = 'organization.directory.group_created,organization.directory.group_deleted';

interface ListedUser {
  id: string;
  preferred_username: string;
  sample?: boolean;
  updated_at: string;
}
interface ListedGroup {
  id: string;
  display_name: string;
  sample?: boolean;
}

/** Sample events, marked, still match their event catalogue schemas (the OpenAPI document's `webhooks`, which the SDKs' models follow). */
function assertCatalogued(events: EventJson[]): void {
  for (const event of events) {
    assert.ok((EVENT_TYPES as readonly string[]).includes(event.type), event.type);
    const parsed = eventEnvelopeSchema(event.type as EventType).safeParse(event);
    assert.ok(parsed.success, `${event.type} does not match its catalogue schema: ${JSON.stringify(parsed.error?.issues)}`);
  }
}

describeEachStore('Sample data: marked, never touching real users, removable with events', (fixture) => {
  const base = () => fixture.server().baseUrl;

  async function openPortal(directory: ProvisionedDirectory) {
    const link = await http<{ link: { location: string } }>('PUT', `${base()}/api/v1/organizations/${directory.organizationId}/portal_links`, { token: directory.accessToken, body: {}, headers: json });
    assert.equal(link.status, 200, link.text);
    const opened = await fetch(link.body.link.location.replace(/^https?:\/\/[^/]+/, base()), { redirect: 'manual' });
    const cookie = (opened.headers.getSetCookie().find((header) => header.startsWith('roster_portal=')) ?? '').split(';')[0] ?? '';
    const session = await http<{ csrf_token: string }>('GET', `${base()}/api/v1/portal/session`, { headers: { cookie } });
    assert.equal(session.status, 200, session.text);
    const headers = { cookie, 'x-roster-csrf': session.body.csrf_token };
    const path = `${base()}/api/v1/portal/directories/${directory.directoryId}`;
    return {
      push: () => http<{ result: { users: number; groups: number; failed_requests: number } }>('POST', `${path}:simulate`, { headers }),
      count: () => http<{ sample_data: { users: number; groups: number } }>('GET', `${path}/sample_data`, { headers }),
      remove: () => http<{ removed: { users: number; groups: number } }>('DELETE', `${path}/sample_data`, { headers }),
    };
  }

  const managementPath = (directory: ProvisionedDirectory) => `${base()}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}`;
  const users = async (directory: ProvisionedDirectory) =>
    (await management<{ users: ListedUser[] }>('GET', `${managementPath(directory)}/users?page_size=100`, directory.accessToken)).body.users;
  const groups = async (directory: ProvisionedDirectory) =>
    (await management<{ groups: ListedGroup[] }>('GET', `${managementPath(directory)}/groups?page_size=100`, directory.accessToken)).body.groups;
  const sampleCounts = async (directory: ProvisionedDirectory) =>
    (await management<{ sample_data: { users: number; groups: number } }>('GET', `${managementPath(directory)}/sample_data`, directory.accessToken)).body.sample_data;

  test('the push marks what it creates; the app sees the mark; real users stay as they are; removal deletes the sample with events', { timeout: 300_000 }, async () => {
    const directory = await fixture.newDirectory();
    const real = await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: 'real.person@customer.example' });
    // User events are composed after their change (issue 10): the real user's must stand before the cursor.
    await expansionIdle(fixture.server());
    const start = (await readEvents(base(), directory.accessToken, { directory_id: directory.directoryId })).cursor;
    const portal = await openPortal(directory);

    const pushed = await portal.push();
    assert.equal(pushed.status, 200, pushed.text);
    assert.deepEqual([pushed.body.result.users, pushed.body.result.groups, pushed.body.result.failed_requests], [8, 3, 0]);

    const listed = await users(directory);
    assert.equal(listed.length, 9);
    const sampleUsers = listed.filter((user) => user.sample === true);
    assert.equal(sampleUsers.length, 8);
    const realListed = listed.find((user) => user.id === real.id);
    assert.ok(realListed && !('sample' in realListed), 'a real user carries no sample mark');
    assert.deepEqual((await groups(directory)).map((group) => group.sample), [true, true, true]);
    assert.deepEqual(await sampleCounts(directory), { users: 8, groups: 3 });
    assert.deepEqual((await portal.count()).body.sample_data, { users: 8, groups: 3 });

    // The app's events say sample too.
    const created = await readEventsUntil(base(), directory.accessToken, { directory_id: directory.directoryId, types: `${USER_EVENTS},${GROUP_EVENTS}` }, start, 11);
    assert.equal(created.events.length, 11);
    assert.ok(created.events.every((event) => event.data.sample === true), 'every sample user_created and group_created event is marked');
    assertCatalogued(created.events);

    // A real user who takes a sample person's userName is never changed by a later push.
    const [taken] = sampleUsers;
    assert.ok(taken);
    assert.equal((await http('DELETE', `${directory.scim}/Users/${taken.id}`, { token: directory.token })).status, 204);
    const lookalike = await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: taken.preferred_username, title: 'Real' });
    const again = await portal.push();
    assert.ok(again.status === 200 || again.status === 502, again.text);
    const afterPush = await http<Json>('GET', `${directory.scim}/Users/${String(lookalike.id)}`, { token: directory.token });
    assert.equal(afterPush.body.title, 'Real');
    assert.deepEqual(afterPush.body.meta, lookalike.meta, 'not a single change');
    assert.ok(!('sample' in ((await users(directory)).find((user) => user.id === lookalike.id) ?? {})));
    const counts = await sampleCounts(directory);
    assert.deepEqual(counts, { users: 7, groups: 3 }, 'the push added nothing in place of the real user');

    // Removal through the portal: the sample goes, with events; the real users stay.
    await expansionIdle(fixture.server());
    const cursor = (await readEvents(base(), directory.accessToken, { directory_id: directory.directoryId })).cursor;
    const removed = await portal.remove();
    assert.equal(removed.status, 200, removed.text);
    assert.deepEqual(removed.body.removed, counts);
    assert.deepEqual((await users(directory)).map((user) => user.id).sort(), [String(real.id), String(lookalike.id)].sort());
    assert.deepEqual(await groups(directory), []);
    assert.deepEqual(await sampleCounts(directory), { users: 0, groups: 0 });
    const deletions = await readEventsUntil(base(), directory.accessToken, { directory_id: directory.directoryId, types: `${USER_EVENTS},${GROUP_EVENTS}` }, cursor, 10);
    const kinds = (type: string) => deletions.events.filter((event: EventJson) => event.type === type).length;
    assert.deepEqual([kinds('organization.directory.user_deleted'), kinds('organization.directory.group_deleted')], [7, 3]);
    assertCatalogued(deletions.events);

    // Without the lookalike, pushed again whole, and removed through the management API.
    assert.equal((await http('DELETE', `${directory.scim}/Users/${String(lookalike.id)}`, { token: directory.token })).status, 204);
    const third = await portal.push();
    assert.equal(third.status, 200, third.text);
    assert.deepEqual(await sampleCounts(directory), { users: 8, groups: 3 });
    const removedByApi = await management<{ removed: { users: number; groups: number } }>('DELETE', `${managementPath(directory)}/sample_data`, directory.accessToken);
    assert.equal(removedByApi.status, 200, removedByApi.text);
    assert.deepEqual(removedByApi.body.removed, { users: 8, groups: 3 });
    assert.deepEqual(await sampleCounts(directory), { users: 0, groups: 0 });
    assert.deepEqual((await users(directory)).map((user) => user.id), [String(real.id)]);
  });

  test('another organization cannot count or remove a directory\'s sample data', async () => {
    const [mine, other] = [await fixture.newDirectory(), await fixture.newDirectory()];
    const response = await management('DELETE', `${base()}/api/v1/organizations/${other.organizationId}/directories/${mine.directoryId}/sample_data`, mine.accessToken);
    assert.equal(response.status, 404, response.text);
  });
});
