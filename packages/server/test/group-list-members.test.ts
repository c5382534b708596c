import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LISTED_MEMBERS_PER_GROUP, MAX_LISTED_MEMBERS_PER_PAGE, MEMBERS_OMITTED_SCHEMA } from '../src/directory/scim/listed-members.js';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { BULK_REQUEST_SCHEMA, GROUP_SCHEMA, SEARCH_SCHEMA, USER_SCHEMA, type Json, type ListBody } from './support/scim-fixtures.js';

// A list page of groups once built every member of every group in memory (40 groups with 8,683
// members: 1.8 MB a page; groups of 100k members, unbounded). The rule (README, "The SCIM
// endpoint"): a list page carries a group's members only whole, for groups of at most
// MAX_LISTED_MEMBERS_PER_GROUP members, and at most MAX_LISTED_MEMBERS_PER_PAGE members in all; a
// group listed without them says so, and GET /Groups/{id} has them all. No group is left off the page.

type Group = Json & { id: string; displayName: string; members?: { value: string }[] };

async function createUsers(directory: ProvisionedDirectory, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const operations = Array.from({ length: Math.min(1_000, count - start) }, (_, index) => ({
      method: 'POST', bulkId: `u${start + index}`, path: '/Users', data: { schemas: [USER_SCHEMA], userName: `member-${start + index}@example.com` },
    }));
    const response = await http<{ Operations: { status: string; location: string }[] }>('POST', `${directory.scim}/Bulk`, { token: directory.token, body: { schemas: [BULK_REQUEST_SCHEMA], Operations: operations } });
    assert.equal(response.status, 200, response.text.slice(0, 300));
    for (const result of response.body.Operations) {
      assert.equal(result.status, '201');
      ids.push(String(result.location.split('/').at(-1)));
    }
  }
  return ids;
}

describeEachStore('Group list pages: bounded member payload', (fixture) => {
  test('whole member lists up to the per-group and per-page bounds, the rest said to be omitted and readable one by one', { timeout: 600_000 }, async (t) => {
    const directory = await fixture.newDirectory();
    const perGroup = MAX_LISTED_MEMBERS_PER_GROUP;
    const perPage = MAX_LISTED_MEMBERS_PER_PAGE;
    const users = await createUsers(directory, perGroup * 2 + 500);
    // In listing order: one group over the per-group bound; then groups of 90% of it until the
    // page bound is passed; then a small one that still fits.
    const nearBound = Math.floor(perGroup * 0.9);
    const fitting = Math.floor(perPage / nearBound);
    const plan = [
      { name: 'huge', size: users.length },
      ...Array.from({ length: fitting + 1 }, (_, index) => ({ name: `large-${index}`, size: nearBound })),
      { name: 'small', size: 100 },
      { name: 'empty', size: 0 },
    ];
    const created: Group[] = [];
    for (const { name, size } of plan) {
      const response = await http<Group>('POST', `${directory.scim}/Groups`, {
        token: directory.token,
        body: { schemas: [GROUP_SCHEMA], displayName: name, members: users.slice(0, size).map((value) => ({ value })) },
      });
      assert.equal(response.status, 201, response.text.slice(0, 300));
      created.push(response.body);
    }
    const expectedWithMembers = new Set(['small', 'empty', ...Array.from({ length: fitting }, (_, index) => `large-${index}`)]);
    const expectedOmitted = new Set(['huge', `large-${fitting}`]);

    const check = async (label: string, response: { status: number; text: string; body: ListBody & Json }) => {
      assert.equal(response.status, 200, response.text.slice(0, 300));
      const groups = (response.body.Resources ?? []) as Group[];
      assert.equal(groups.length, plan.length, `${label}: every group is on the page`);
      assert.equal(response.body.itemsPerPage, plan.length);
      let listed = 0;
      for (const group of groups) {
        const omitted = (group[MEMBERS_OMITTED_SCHEMA] as Json | undefined)?.membersOmitted === true;
        const size = plan.find((entry) => entry.name === group.displayName)?.size ?? -1;
        if (expectedOmitted.has(group.displayName)) {
          assert.ok(omitted, `${label}: ${group.displayName} says its members are omitted`);
          assert.equal(group.members, undefined, `${label}: ${group.displayName} has no partial member list`);
          assert.ok((group.schemas as string[]).includes(MEMBERS_OMITTED_SCHEMA));
        } else {
          assert.ok(expectedWithMembers.has(group.displayName));
          assert.ok(!omitted, `${label}: ${group.displayName} is not flagged`);
          assert.equal((group.members ?? []).length, size, `${label}: ${group.displayName} has all ${size} members`);
          listed += size;
        }
      }
      assert.ok(listed <= perPage, `${label}: ${listed} members on the page`);
      return response.text.length;
    };

    const list = await http<ListBody & Json>('GET', `${directory.scim}/Groups?count=100`, { token: directory.token });
    const bytes = await check('GET /Groups', list);
    const search = await http<ListBody & Json>('POST', `${directory.scim}/Groups/.search`, { token: directory.token, body: { schemas: [SEARCH_SCHEMA], count: 100 } });
    await check('POST /Groups/.search', search);
    const naive = Math.round(bytes + (users.length + nearBound) * 200);
    t.diagnostic(`a page of ${plan.length} groups holding ${plan.reduce((sum, entry) => sum + entry.size, 0)} memberships: ${bytes} bytes (all members would be about ${naive})`);
    assert.ok(bytes < perPage * 400, `the page is ${bytes} bytes`);

    // Omitted members are all there one group at a time.
    const huge = created[0];
    assert.ok(huge);
    const single = await http<Group>('GET', `${directory.scim}/Groups/${huge.id}`, { token: directory.token });
    assert.equal(single.status, 200);
    assert.equal(single.body.members?.length, users.length);
    assert.equal(single.body[MEMBERS_OMITTED_SCHEMA], undefined, 'a single group is whole and not flagged');

    // Asking for no members: none, and no flag (Entra and Okta read groups this way).
    for (const query of ['excludedAttributes=members', 'attributes=displayName']) {
      const lean = await http<ListBody & Json>('GET', `${directory.scim}/Groups?count=100&${query}`, { token: directory.token });
      for (const group of (lean.body.Resources ?? []) as Group[]) {
        assert.equal(group.members, undefined, query);
        assert.equal(group[MEMBERS_OMITTED_SCHEMA], undefined, query);
      }
    }
    // Asking only for members: the flag comes too (it is returned always).
    const onlyMembers = await http<ListBody & Json>('GET', `${directory.scim}/Groups?count=100&attributes=members`, { token: directory.token });
    const hugeOnly = ((onlyMembers.body.Resources ?? []) as Group[]).find((group) => group.id === huge.id);
    assert.deepEqual(hugeOnly?.[MEMBERS_OMITTED_SCHEMA], { membersOmitted: true });
  });
});
