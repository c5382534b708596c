import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachStore } from '../support/each-store.js';
import {
  GROUP_SCHEMA,
  USER_SCHEMA,
  memberRows,
  providerDirectory,
  sorted,
  storedGroup,
  storedUser,
  type Json,
  type ProviderClient,
} from './provider-helpers.js';

// authentik's SCIM provider (authentik/providers/scim/clients): reads /ServiceProviderConfig
// first and adapts, sends application/json, users by POST/PUT/DELETE only, groups patched with
// one member operation per user, chunked by bulk.maxOperations.

const AUTHENTIK = { headers: { accept: 'application/scim+json' }, contentType: 'application/json' };

interface ServiceProviderConfig {
  patch?: { supported?: boolean };
  bulk?: { supported?: boolean; maxOperations?: number };
  filter?: { supported?: boolean };
}

/** What authentik does with the config: PATCH if supported, member ops chunked by maxOperations. */
async function readConfig(client: ProviderClient): Promise<{ patch: boolean; maxOperations: number }> {
  const response = await client.get<ServiceProviderConfig>('/ServiceProviderConfig');
  assert.equal(response.status, 200, response.text);
  const maxOperations = response.body.bulk?.maxOperations;
  assert.equal(typeof maxOperations, 'number', 'bulk.maxOperations must be a number authentik can chunk by');
  assert.ok(Number.isInteger(maxOperations) && (maxOperations ?? 0) > 0);
  assert.equal(response.body.patch?.supported, true, 'patch.supported, or authentik falls back to PUT with full member lists');
  assert.equal(response.body.filter?.supported, true, 'authentik filters by displayName after a 409');
  return { patch: response.body.patch?.supported === true, maxOperations: maxOperations ?? 1 };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

function authentikUser(userName: string, uid: string, extra: Json = {}): Json {
  return {
    schemas: [USER_SCHEMA],
    userName,
    name: { formatted: 'authentik User', givenName: 'authentik', familyName: 'User' },
    displayName: 'authentik User',
    active: true,
    emails: [{ value: `${userName}@authentik.example`, type: 'other', primary: true }],
    externalId: uid,
    ...extra,
  };
}

describeEachStore('authentik', (fixture) => {
  const authentik = providerDirectory(fixture, 'AUTHENTIK', AUTHENTIK);

  test('users: POST, PUT of the whole user, DELETE (no PATCH); 409 on a taken userName', async () => {
    const client = authentik();
    await readConfig(client);
    const uid = randomUUID();
    const created = await client.post('/Users', authentikUser('akuser', uid));
    assert.equal(created.status, 201, created.text);
    const id = String(created.body.id);

    const put = await client.put(`/Users/${id}`, { ...authentikUser('akuser', uid, { displayName: 'authentik Renamed', active: false }), id });
    assert.equal(put.status, 200, put.text);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.resource.displayName, 'authentik Renamed');
    assert.equal(row.active, false);
    assert.equal(row.external_id, uid);

    const duplicate = await client.post('/Users', authentikUser('AKUSER', randomUUID()));
    assert.equal(duplicate.status, 409, duplicate.text);
    assert.equal(duplicate.body.scimType, 'uniqueness');
    // authentik then looks the existing one up and links it.
    const found = await client.list('Users', { filter: 'userName eq "akuser"' });
    assert.deepEqual(found.body.Resources?.map((user) => user.id), [id]);

    const groupId = await client.createGroup('authentik deleted member', [id]);
    const deleted = await client.delete(`/Users/${id}`);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal((await client.get(`/Users/${id}`)).status, 404);
    assert.deepEqual(await memberRows(fixture, client, groupId), [], 'a deleted user leaves its groups');
  });

  test('member ops one per user, chunked by bulk.maxOperations', async () => {
    const client = authentik();
    const { maxOperations } = await readConfig(client);
    const users = await client.createUsers('authentik-members-', 25, 10);
    const created = await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'authentik members', externalId: randomUUID() });
    assert.equal(created.status, 201, created.text);
    const groupId = String(created.body.id);

    for (const chunk of chunks(users, maxOperations)) {
      const response = await client.patch(`/Groups/${groupId}`, chunk.map((value) => ({ op: 'add', path: 'members', value: [{ value }] })));
      assert.ok(response.status === 204 || response.status === 200, response.text);
    }
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users));

    const leaving = users.slice(0, 10);
    for (const chunk of chunks(leaving, maxOperations)) {
      const response = await client.patch(`/Groups/${groupId}`, chunk.map((value) => ({ op: 'remove', path: 'members', value: [{ value }] })));
      assert.ok(response.status === 204 || response.status === 200, response.text);
    }
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.slice(10)));
  });

  test('group update is a no-path replace of the whole group object, members included', async () => {
    const client = authentik();
    const users = await client.createUsers('authentik-update-', 4);
    const uid = randomUUID();
    const created = await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'authentik update', externalId: uid, members: users.slice(0, 2).map((value) => ({ value })) });
    const groupId = String(created.body.id);
    const whole = { schemas: [GROUP_SCHEMA], id: groupId, displayName: 'authentik updated', externalId: uid, members: users.slice(1).map((value) => ({ value })) };
    const response = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', value: whole }]);
    assert.ok(response.status === 204 || response.status === 200, response.text);

    const stored = await storedGroup(fixture, client, groupId);
    assert.equal(stored.display_name, 'authentik updated');
    assert.equal(stored.external_id, uid);
    assert.equal(stored.resource.id, undefined, 'the echoed id is not stored');
    assert.equal(stored.resource.members, undefined, 'members are rows');
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.slice(1)));

    // Re-sending the same object changes nothing.
    const again = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', value: whole }]);
    assert.ok(again.status === 204 || again.status === 200, again.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.slice(1)));
  });

  test('a second group with a taken displayName, then the displayName filter authentik uses after a 409', async () => {
    const client = authentik();
    const first = await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'authentik Admins', externalId: randomUUID() });
    assert.equal(first.status, 201, first.text);
    const second = await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'authentik Admins', externalId: randomUUID() });
    // A Group's displayName has uniqueness "none" (RFC 7643 section 8.7.1 schema): a second group
    // is created, not refused. authentik recovers from a 409 by this same filter, so both show.
    assert.equal(second.status, 201, second.text);

    const found = await client.list('Groups', { filter: 'displayName eq "authentik Admins"' });
    assert.equal(found.status, 200, found.text);
    const ids = (found.body.Resources ?? []).map((group) => String(group.id));
    assert.ok(ids.includes(String(first.body.id)), 'the filter finds the existing group');
    assert.deepEqual(sorted(ids), sorted([String(first.body.id), String(second.body.id)]));
    const caseInsensitive = await client.list('Groups', { filter: 'displayName eq "AUTHENTIK admins"' });
    assert.equal(caseInsensitive.body.totalResults, 2, 'displayName compares case-insensitively (caseExact false)');
  });
});
