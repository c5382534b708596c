import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { readEvents, type EventJson } from './support/events-client.js';
import { expansionIdle } from './support/expansion.js';
import { managementApi } from './support/management-api.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, type Json } from './support/scim-fixtures.js';

// Apps take event ids as versions, across a directory's objects too: the sample app
// (examples/b2b-app) tombstones every user and group of a deleted directory whose last event is
// older than `organization.directory.deleted`, and ignores older events after it. The user
// events of changes committed just before the deletion are composed after it (issue 10's
// expansion worker), so the deletion's id must still be the greatest of its directory's events,
// or those late events bring deleted users back. Each test holds the worker while the changes
// and the deletion commit, so that every user event is composed after the deletion.

const DELETED = 'organization.directory.deleted';
const patch = (operations: Json[]) => ({ schemas: [PATCH_SCHEMA], Operations: operations });

/** The objects an app following `events` by the greatest id keeps alive (deleted directories are tombstones). */
function aliveAfter(events: EventJson[]): string[] {
  const latest = new Map<string, EventJson>();
  const tombstones = new Map<string, string>();
  for (const event of events) {
    if (event.type === DELETED) {
      tombstones.set(String(event.directory_id), event.id);
      continue;
    }
    const object = String(event.data.id);
    const held = latest.get(object);
    if (!held || held.id < event.id) latest.set(object, event);
  }
  return [...latest.values()]
    .filter((event) => !event.type.endsWith('_deleted'))
    .filter((event) => event.id > (tombstones.get(String(event.directory_id)) ?? ''))
    .map((event) => String(event.data.id));
}

describeEachStore('a directory deleted while its changes wait for their events', (fixture) => {
  const base = () => fixture.server().baseUrl;
  const worker = () => fixture.server().server.expansionWorker;
  const scim = (directory: ProvisionedDirectory, method: string, path: string, body?: Json) =>
    http<Json>(method, `${directory.scim}${path}`, { token: directory.token, ...(body ? { body } : {}) });

  /** Users, a group of some of them, an update and a membership change: every kind of user event. */
  async function churn(directory: ProvisionedDirectory): Promise<void> {
    const users: string[] = [];
    for (let index = 0; index < 6; index++) {
      users.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `user${index}@example.com`, title: 'Engineer' })).id));
    }
    const group = String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering', members: users.slice(0, 4).map((value) => ({ value })) })).id);
    assert.equal((await scim(directory, 'PATCH', `/Users/${users[1]}`, patch([{ op: 'replace', path: 'title', value: 'Manager' }]))).status, 200);
    assert.equal((await scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'add', path: 'members', value: [{ value: users[5] }] }]))).status, 204);
    assert.equal((await scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'remove', path: `members[value eq "${users[0]}"]` }]))).status, 204);
    assert.equal((await scim(directory, 'DELETE', `/Users/${users[2]}`)).status, 204);
  }

  /** The directory's events, once every change is composed. */
  async function eventsOf(directory: ProvisionedDirectory): Promise<EventJson[]> {
    await expansionIdle(fixture.server());
    return (await readEvents(base(), directory.accessToken, { directory_id: directory.directoryId, limit: 1_000 })).events;
  }

  function assertDeletionIsNewest(events: EventJson[], directoryId: string): void {
    const deletion = events.at(-1);
    assert.equal(deletion?.type, DELETED, 'the deletion is the last event of its directory in the log');
    const newer = events.slice(0, -1).filter((event) => event.id >= String(deletion?.id));
    assert.deepEqual(newer.map((event) => `${event.type} ${event.id}`), [], `no event of ${directoryId} has an id at or past its deletion's ${deletion?.id}`);
    assert.ok(events.some((event) => event.type.endsWith('user_updated')), 'the churn composed user events after the deletion');
    // Every event of the directory's users, groups and the directory itself is named in log order.
    const ids = events.map((event) => event.id);
    assert.deepEqual(ids, [...ids].sort(), 'the directory\'s event ids, in log order');
    assert.deepEqual(aliveAfter(events), [], 'an app keeping the greatest id keeps nothing of a deleted directory');
  }

  test('DELETE of the directory: its deletion event has the greatest id of its events', async () => {
    const directory = await fixture.newDirectory();
    await worker().stop();
    try {
      await churn(directory);
      const deleted = await managementApi(base(), directory.accessToken).delete(`/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}`);
      assert.equal(deleted.status, 204, deleted.text);
    } finally {
      worker().start();
    }
    assertDeletionIsNewest(await eventsOf(directory), directory.directoryId);
  });

  test('DELETE of the organization: each of its directories\' deletion events has the greatest id of its events', async () => {
    const directory = await fixture.newDirectory();
    const api = managementApi(base(), directory.accessToken);
    const second = await api.post<Json>(`/api/v1/organizations/${directory.organizationId}/directories`, { directory_type: 'SCIM', directory_provider: 'AZURE_AD' });
    assert.equal(second.status, 201, second.text);
    await worker().stop();
    try {
      await churn(directory);
      const deleted = await api.delete(`/api/v1/organizations/${directory.organizationId}`);
      assert.equal(deleted.status, 204, deleted.text);
    } finally {
      worker().start();
    }
    assertDeletionIsNewest(await eventsOf(directory), directory.directoryId);
    const secondId = String((second.body.directory as Json | undefined)?.id);
    const secondEvents = (await readEvents(base(), directory.accessToken, { directory_id: secondId, limit: 1_000 })).events;
    assert.deepEqual(secondEvents.map((event) => event.type).at(-1), DELETED, 'the other directory is announced deleted too');
  });
});
