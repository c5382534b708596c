import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { createResource, GROUP_SCHEMA, LIST_SCHEMA, SEARCH_SCHEMA, USER_SCHEMA, type Json, type ListBody, type ScimEndpoint } from './support/scim-fixtures.js';

// RFC 7644 section 3.4.3: "POST /.search" at the service provider's root queries every resource
// type. Users come first, then groups, each in its endpoint's own order; sortBy orders them all
// together. A type that does not define an attribute the filter names has no match in it.

interface Seeded {
  endpoint: ScimEndpoint;
  /** Every resource, in the order the root lists them by default (users, then groups, by id). */
  all: Json[];
  userIds: string[];
  groupIds: string[];
}

describeEachStore('POST /.search at the SCIM root', (fixture) => {
  let seeded: Seeded;
  const search = (body: Json) => http<ListBody>('POST', `${seeded.endpoint.scim}/.search`, { token: seeded.endpoint.token, body: { schemas: [SEARCH_SCHEMA], ...body } });
  const ids = (body: ListBody) => (body.Resources ?? []).map((resource) => String(resource.id));

  before(async () => {
    const directory = await fixture.newDirectory();
    const endpoint = { scim: directory.scim, token: directory.token };
    // Display names interleave users and groups, some in another case, one user without one.
    const users = [];
    for (const [userName, displayName] of [['ada@root.example', 'Root Ada'], ['bob@root.example', 'root Bob'], ['cy@root.example', 'Root Eve'], ['dee@root.example', undefined]] as const) {
      users.push(await createResource(endpoint, 'Users', { schemas: [USER_SCHEMA], userName, ...(displayName ? { displayName } : {}) }));
    }
    const groups = [];
    for (const displayName of ['Root Cats', 'Root Dogs', 'Zebras']) {
      groups.push(await createResource(endpoint, 'Groups', { schemas: [GROUP_SCHEMA], displayName, members: [{ value: String(users[0]?.id) }] }));
    }
    const byId = (a: Json, b: Json) => (String(a.id) < String(b.id) ? -1 : 1);
    seeded = { endpoint, all: [...[...users].sort(byId), ...[...groups].sort(byId)], userIds: users.map((u) => String(u.id)), groupIds: groups.map((g) => String(g.id)) };
  });

  test('no filter: every user, then every group, as a ListResponse with each resource typed', async () => {
    const response = await search({});
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.schemas, [LIST_SCHEMA]);
    assert.equal(response.body.totalResults, 7);
    assert.equal(response.body.itemsPerPage, 7);
    assert.deepEqual(ids(response.body), seeded.all.map((resource) => String(resource.id)));
    const types = (response.body.Resources ?? []).map((resource) => (resource.meta as Json).resourceType);
    assert.deepEqual(types, ['User', 'User', 'User', 'User', 'Group', 'Group', 'Group']);
    const group = (response.body.Resources ?? []).find((resource) => resource.id === seeded.groupIds[0]);
    assert.deepEqual((group?.members as Json[]).map((member) => member.value), [seeded.userIds[0]]);
  });

  test('a filter both types define matches in both; one only users define matches only users', async () => {
    const both = await search({ filter: 'displayName sw "root"' });
    assert.equal(both.status, 200, both.text);
    const expected = seeded.all.filter((resource) => String(resource.displayName ?? '').toLowerCase().startsWith('root')).map((resource) => String(resource.id));
    assert.deepEqual(ids(both.body), expected);
    assert.equal(both.body.totalResults, 5);

    const users = await search({ filter: 'userName eq "bob@root.example"' });
    assert.deepEqual(ids(users.body), [seeded.userIds[1]]);
    const groups = await search({ filter: `members.value eq "${seeded.userIds[0]}"` });
    assert.deepEqual(ids(groups.body).sort(), [...seeded.groupIds].sort());
  });

  test('sortBy orders users and groups together, case-insensitively, without a value last', async () => {
    for (const sortOrder of ['ascending', 'descending'] as const) {
      const response = await search({ sortBy: 'displayName', sortOrder });
      assert.equal(response.status, 200, response.text);
      const named = seeded.all.filter((resource) => typeof resource.displayName === 'string');
      const key = (resource: Json) => String(resource.displayName).toLowerCase();
      named.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (sortOrder === 'ascending' ? 1 : -1));
      const unnamed = seeded.all.filter((resource) => typeof resource.displayName !== 'string');
      assert.deepEqual(ids(response.body), [...named, ...unnamed].map((resource) => String(resource.id)), sortOrder);
    }
    const byUserName = await search({ sortBy: 'userName', sortOrder: 'descending' });
    assert.deepEqual(ids(byUserName.body).slice(0, 4), [...seeded.userIds].reverse(), 'groups have no userName: they sort last');
  });

  test('startIndex and count page across the boundary between users and groups, sorted or not', async () => {
    for (const extra of [{}, { sortBy: 'displayName' }, { filter: 'displayName pr' }]) {
      const whole = ids((await search(extra)).body);
      for (const count of [1, 2, 3, 5]) {
        const paged: string[] = [];
        for (let startIndex = 1; startIndex <= whole.length; startIndex += count) {
          const page = await search({ ...extra, startIndex, count });
          assert.equal(page.status, 200, page.text);
          assert.equal(page.body.startIndex, startIndex);
          assert.equal(page.body.totalResults, whole.length);
          assert.equal(page.body.itemsPerPage, Math.min(count, whole.length - startIndex + 1));
          paged.push(...ids(page.body));
        }
        assert.deepEqual(paged, whole, `${JSON.stringify(extra)} count ${count}`);
      }
    }
    const totals = await search({ count: 0 });
    assert.equal(totals.body.totalResults, 7);
    assert.deepEqual(totals.body.Resources ?? [], []);
    const beyond = await search({ startIndex: 50 });
    assert.equal(beyond.body.totalResults, 7);
    assert.deepEqual(beyond.body.Resources ?? [], []);
  });

  test('attributes and excludedAttributes apply to each resource by its own schema', async () => {
    const named = await search({ attributes: ['displayName'], filter: 'displayName sw "root"' });
    for (const resource of named.body.Resources ?? []) {
      assert.deepEqual(Object.keys(resource).sort(), ['displayName', 'id', 'schemas'], JSON.stringify(resource));
    }
    const lean = await search({ excludedAttributes: ['members', 'groups'] });
    for (const resource of lean.body.Resources ?? []) {
      assert.equal(resource.members, undefined);
      assert.equal(resource.groups, undefined);
    }
  });

  test('client mistakes are 400 with the RFC scimType', async () => {
    const cases: Array<[Json, string]> = [
      [{ filter: 'displayName eq' }, 'invalidFilter'],
      [{ filter: 'favoriteColor eq "red"' }, 'invalidFilter'],
      [{ sortBy: 'favoriteColor' }, 'invalidValue'],
      [{ cursor: '' }, 'invalidValue'],
    ];
    for (const [body, scimType] of cases) {
      const response = await search(body);
      assert.equal(response.status, 400, `${JSON.stringify(body)}: ${response.text}`);
      assert.equal((response.body as unknown as Json).scimType, scimType, JSON.stringify(body));
    }
    const notASearch = await http('POST', `${seeded.endpoint.scim}/.search`, { token: seeded.endpoint.token, body: { schemas: [USER_SCHEMA] } });
    assert.equal(notASearch.status, 400, notASearch.text);
  });
});
