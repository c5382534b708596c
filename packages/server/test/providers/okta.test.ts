import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../support/each-store.js';
import { waitFor, type ListBody } from '../support/scim-fixtures.js';
import {
  GROUP_SCHEMA,
  LIST_SCHEMA,
  USER_SCHEMA,
  assertIntegerPaging,
  memberRows,
  providerDirectory,
  sorted,
  storedGroup,
  storedUser,
  type Json,
  type Member,
  type ProviderClient,
} from './provider-helpers.js';

// Okta as docs/providers.md describes it: the SCIM 2.0 client of Okta's catalog apps and of apps
// built with its integration wizard (AIW). Request bodies follow Okta's SCIM 2.0 guide.

const OKTA = { headers: { 'user-agent': 'Okta SCIM Client 1.0.0', accept: 'application/scim+json' }, contentType: 'application/json' };

/** The user body Okta POSTs: placeholder password, empty groups, its own id as externalId. */
function oktaUser(userName: string, externalId: string): Json {
  return {
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId,
    groups: [],
    password: '1mz050nq',
    active: true,
  };
}

describeEachStore('Okta', (fixture) => {
  const okta = providerDirectory(fixture, 'OKTA', OKTA);

  async function createOktaUser(client: ProviderClient, userName: string, externalId: string): Promise<Json> {
    const created = await client.post('/Users', oktaUser(userName, externalId));
    assert.equal(created.status, 201, created.text);
    return created.body;
  }

  test('lookup before create: userName eq, startIndex=1, count=100; compared case-insensitively', async () => {
    const client = okta();
    const before = await client.list('Users', { filter: 'userName eq "lookup.user@okta.local"', startIndex: 1, count: 100 });
    assert.equal(before.status, 200, before.text);
    assert.deepEqual(before.body.schemas, [LIST_SCHEMA]);
    assert.equal(before.body.totalResults, 0);
    assertIntegerPaging(before.body);

    const created = await createOktaUser(client, 'lookup.user@okta.local', '00ulookup');
    // The Okta spec test looks the user up with the userName upper-cased.
    // Okta percent-encodes the filter itself (%20, %22) rather than form-encoding it.
    const found = await client.get<ListBody & Json>('/Users?filter=userName%20eq%20%22LOOKUP.USER%40OKTA.LOCAL%22&startIndex=1&count=100');
    assert.equal(found.status, 200, found.text);
    assertIntegerPaging(found.body);
    assert.equal(found.body.totalResults, 1);
    assert.equal(found.body.startIndex, 1);
    assert.equal(found.body.itemsPerPage, 1);
    assert.equal(found.body.Resources?.[0]?.id, created.id);
  });

  test('create with placeholder password, groups: [] and externalId over application/json', async () => {
    const client = okta();
    const created = await createOktaUser(client, 'create.user@okta.local', '00ujl29u0le5T6Aj10h7');
    const id = String(created.id);
    assert.equal(created.externalId, '00ujl29u0le5T6Aj10h7');
    assert.equal(created.active, true);
    assert.deepEqual(created.groups ?? [], [], 'an empty groups list may be omitted (RFC 7643 2.5)');
    assert.equal(created.password, undefined);

    const read = await client.readUser(id);
    assert.equal(read.userName, 'create.user@okta.local');
    assert.equal(read.locale, 'en-US');
    assert.deepEqual(read.name, { givenName: 'Test', familyName: 'User' });
    const row = await storedUser(fixture, client, id);
    assert.equal(row.external_id, '00ujl29u0le5T6Aj10h7');
    assert.equal(row.active, true);
    assert.equal(row.primary_email, 'create.user@okta.local');
    assert.equal(row.resource.password, undefined, 'the placeholder password is never stored');
    assert.equal(row.resource.groups, undefined, 'a User\'s groups are derived, never stored');
    assert.ok(!JSON.stringify(row.resource).includes('1mz050nq'));

    const duplicate = await client.post('/Users', oktaUser('CREATE.USER@okta.local', '00uother'));
    assert.equal(duplicate.status, 409, duplicate.text);
    assert.equal(duplicate.body.status, '409');
  });

  test('AIW apps PUT the full object, id included, for every change including deactivation and reactivation', async () => {
    const client = okta();
    const created = await createOktaUser(client, 'aiw.user@okta.local', '00uaiw');
    const id = String(created.id);
    const full = { ...oktaUser('aiw.user@okta.local', '00uaiw'), id };

    const renamed = await client.put(`/Users/${id}`, { ...full, name: { givenName: 'Renamed', familyName: 'User' }, displayName: 'Renamed User' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.id, id);
    assert.equal((await storedUser(fixture, client, id)).resource.displayName, 'Renamed User');

    const deactivated = await client.put(`/Users/${id}`, { ...full, active: false });
    assert.equal(deactivated.status, 200, deactivated.text);
    assert.equal(deactivated.body.active, false);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.active, false);
    assert.equal(row.resource.active, false);
    assert.equal(row.resource.displayName, 'Test User', 'PUT replaces: the earlier rename is gone');
    assert.equal((await client.readUser(id)).active, false);

    const reactivated = await client.put(`/Users/${id}`, { ...full, active: true });
    assert.equal(reactivated.status, 200, reactivated.text);
    assert.equal((await storedUser(fixture, client, id)).active, true);

    // A PUT body's `id` is readOnly and ignored (RFC 7643 2.2): the URL names the resource.
    const otherId = await client.put(`/Users/${id}`, { ...full, id: 'diruser_someoneelse' });
    assert.equal(otherId.status, 200, otherId.text);
    assert.equal(otherId.body.id, id);
    assert.equal((await client.readUser(id)).id, id);
  });

  test('catalog apps deactivate with {"op":"replace","value":{"active":false}}', async () => {
    const client = okta();
    const id = String((await createOktaUser(client, 'catalog.user@okta.local', '00ucatalog')).id);
    const response = await client.patch(`/Users/${id}`, [{ op: 'replace', value: { active: false } }]);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.active, false);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.active, false);
    assert.equal(row.resource.active, false);
    assert.equal(row.user_name, 'catalog.user@okta.local', 'other attributes are untouched');
    // Okta never DELETEs users: a deactivated one is still served.
    const read = await client.readUser(id);
    assert.equal(read.active, false);
    assert.equal(read.externalId, '00ucatalog');
  });

  test('group rename is a no-path replace of {id, displayName}, re-sent with membership changes', async () => {
    const client = okta();
    const [alice, bob, carol] = await client.createUsers('okta-rename-', 3);
    assert.ok(alice && bob && carol);
    const created = await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2', members: [{ value: alice, display: 'okta-rename-0@example.com' }, { value: bob }] });
    assert.equal(created.status, 201, created.text);
    const groupId = String(created.body.id);

    const rename = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', value: { id: groupId, displayName: 'Test SCIMv2 Renamed' } }]);
    assert.ok(rename.status === 204 || rename.status === 200, rename.text);
    assert.equal((await storedGroup(fixture, client, groupId)).display_name, 'Test SCIMv2 Renamed');

    // Okta re-sends the (unchanged) name with each push of membership changes.
    const push = await client.patch(`/Groups/${groupId}`, [
      { op: 'replace', value: { id: groupId, displayName: 'Test SCIMv2 Renamed' } },
      { op: 'remove', path: `members[value eq "${alice}"]` },
      { op: 'add', path: 'members', value: [{ value: carol, display: 'okta-rename-2@example.com' }] },
    ]);
    assert.ok(push.status === 204 || push.status === 200, push.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted([bob, carol]));
    assert.deepEqual(await client.memberIds(groupId), sorted([bob, carol]));
    const group = await client.readGroup(groupId);
    assert.equal(group.displayName, 'Test SCIMv2 Renamed');
    const stored = await storedGroup(fixture, client, groupId);
    assert.equal(stored.resource.members, undefined, 'members are rows, never in the resource');
    assert.equal(stored.resource.id, undefined);

    const found = await client.list('Groups', { filter: 'displayName eq "Test SCIMv2 Renamed"', startIndex: 1, count: 100 });
    assert.deepEqual(found.body.Resources?.map((resource) => resource.id), [groupId]);
  });

  test('replace path members with the full list; AIW PUT of the full member list', async () => {
    const client = okta();
    const users = await client.createUsers('okta-replace-', 5);
    const groupId = await client.createGroup('Okta Replace', users.slice(0, 3));
    const replaced = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', path: 'members', value: users.slice(2).map((value) => ({ value })) }]);
    assert.ok(replaced.status === 204 || replaced.status === 200, replaced.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.slice(2)));

    const put = await client.put(`/Groups/${groupId}`, { schemas: [GROUP_SCHEMA], id: groupId, displayName: 'Okta Replace', members: [{ value: users[0] }, { value: users[4] }] });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted([users[0] ?? '', users[4] ?? '']));
    assert.deepEqual(((put.body.members as Member[]) ?? []).map((member) => member.value).sort(), sorted([users[0] ?? '', users[4] ?? '']));
  });

  test('membership PATCHes of 256 and of 1,000 changes in one request', async () => {
    const client = okta();
    const users = await client.createUsers('okta-batch-', 1000, 10);
    const groupId = await client.createGroup('Okta Batch');

    // 256 adds in one operation (some tenants batch 256).
    const add256 = await client.patch(`/Groups/${groupId}`, [{ op: 'add', path: 'members', value: users.slice(0, 256).map((value) => ({ value })) }]);
    assert.ok(add256.status === 204 || add256.status === 200, add256.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.slice(0, 256)));

    // Grow to 500, then 1,000 changes: 500 one-member removes and one add of 500.
    await client.patch(`/Groups/${groupId}`, [{ op: 'add', path: 'members', value: users.slice(256, 500).map((value) => ({ value })) }]);
    assert.equal((await memberRows(fixture, client, groupId)).length, 500);
    const changes = [
      ...users.slice(0, 500).map((value) => ({ op: 'remove', path: `members[value eq "${value}"]` })),
      { op: 'add', path: 'members', value: users.slice(500).map((value) => ({ value })) },
    ];
    const started = Date.now();
    const batch = await client.patch(`/Groups/${groupId}`, changes);
    assert.ok(batch.status === 204 || batch.status === 200, batch.text);
    assert.ok(Date.now() - started < 60_000, 'Okta times every request out after 60 s');
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.slice(500)));
    assert.deepEqual(await client.memberIds(groupId), sorted(users.slice(500)));
  });

  test('DELETE group: 204, then 404; its member rows are gone and users stay', async () => {
    const client = okta();
    const users = await client.createUsers('okta-delete-', 2);
    const groupId = await client.createGroup('Okta Delete', users);
    const deleted = await client.delete(`/Groups/${groupId}`);
    assert.equal(deleted.status, 204, deleted.text);
    const read = await client.get(`/Groups/${groupId}`);
    assert.equal(read.status, 404);
    assert.equal(read.body.status, '404');
    assert.deepEqual(await memberRows(fixture, client, groupId), []);
    for (const id of users) assert.deepEqual((await client.readUser(id)).groups ?? [], []);
  });

  test('import pages with startIndex/count=100 over more than 100 users; paging fields are integers', async () => {
    const client = okta();
    const total = (await client.list('Users', { startIndex: 1, count: 1 })).body.totalResults;
    const fresh = await client.createUsers('okta-import-', 130, 10);
    const seen: string[] = [];
    for (let startIndex = 1; startIndex <= total + fresh.length; startIndex += 100) {
      const page = await client.list('Users', { startIndex, count: 100 });
      assert.equal(page.status, 200, page.text);
      assertIntegerPaging(page.body);
      assert.equal(page.body.startIndex, startIndex);
      assert.equal(page.body.totalResults, total + fresh.length);
      assert.equal(page.body.itemsPerPage, page.body.Resources?.length ?? 0);
      assert.ok(page.body.itemsPerPage <= 100);
      seen.push(...(page.body.Resources ?? []).map((resource) => String(resource.id)));
    }
    assert.equal(seen.length, total + fresh.length);
    assert.equal(new Set(seen).size, seen.length, 'no user is served twice');
    for (const id of fresh) assert.ok(seen.includes(id), `${id} was not imported`);
    const past = await client.list('Users', { startIndex: total + fresh.length + 1, count: 100 });
    assert.equal(past.status, 200);
    assert.equal(past.body.itemsPerPage, 0);
    assertIntegerPaging(past.body);
  });

  test('the request log records Okta\'s User-Agent', async () => {
    const client = okta();
    await client.list('Users', { filter: 'userName eq "nobody@okta.local"', startIndex: 1, count: 100 });
    // The log is written by a background writer about once a second.
    const agents = await waitFor(async () => {
      const result = await fixture.server().server.services.db.pool.query<{ user_agent: string | null }>(
        'SELECT user_agent FROM scim_request_log WHERE directory_id = $1 AND path LIKE $2',
        [client.directory.directoryId, '%nobody%'],
      );
      return result.rows.length > 0 ? result.rows.map((row) => row.user_agent) : undefined;
    }, 10_000);
    assert.deepEqual(agents, ['Okta SCIM Client 1.0.0']);
  });
});
