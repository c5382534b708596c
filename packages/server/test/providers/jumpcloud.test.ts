import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../support/each-store.js';
import { memberRows, providerDirectory, sorted, storedGroup } from './provider-helpers.js';

// JumpCloud renames groups with a top-level replace of `displayName` and no path (docs/providers.md).

describeEachStore('JumpCloud', (fixture) => {
  const jumpcloud = providerDirectory(fixture, 'JUMPCLOUD', { contentType: 'application/scim+json' });

  test('group rename: {"op":"replace","value":{"displayName":...}} without a path', async () => {
    const client = jumpcloud();
    const users = await client.createUsers('jumpcloud-', 2);
    const groupId = await client.createGroup('JumpCloud Engineers', users);
    const response = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', value: { displayName: 'JumpCloud Platform' } }]);
    assert.ok(response.status === 204 || response.status === 200, response.text);

    const stored = await storedGroup(fixture, client, groupId);
    assert.equal(stored.display_name, 'JumpCloud Platform');
    assert.equal(stored.resource.displayName, 'JumpCloud Platform');
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users), 'a rename keeps the members');
    assert.equal((await client.readGroup(groupId)).displayName, 'JumpCloud Platform');

    const renamed = await client.list('Groups', { filter: 'displayName eq "JumpCloud Platform"' });
    assert.deepEqual(renamed.body.Resources?.map((group) => group.id), [groupId]);
    const old = await client.list('Groups', { filter: 'displayName eq "JumpCloud Engineers"' });
    assert.equal(old.body.totalResults, 0);
    // Users see the new name on their groups.
    const user = await client.readUser(users[0] ?? '');
    assert.deepEqual((user.groups as { display: string }[]).map((group) => group.display), ['JumpCloud Platform']);
  });
});
