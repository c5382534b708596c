import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { GROUP_SCHEMA as GROUP, PATCH_SCHEMA as PATCH, USER_SCHEMA as USER, type Json } from './support/scim-fixtures.js';


type Member = { value: string; type?: string };

describeEachStore('SCIM Groups', (fixture) => {
  const scim = () => fixture.directory().scim;
  const token = () => fixture.directory().token;

  async function createUsers(prefix: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const response = await http<Json>('POST', `${scim()}/Users`, { token: token(), body: { schemas: [USER], userName: `${prefix}${index}@example.com` } });
      assert.equal(response.status, 201, response.text);
      ids.push(response.body.id as string);
    }
    return ids;
  }

  async function memberIds(groupId: string): Promise<string[]> {
    const response = await http<Json>('GET', `${scim()}/Groups/${groupId}`, { token: token() });
    assert.equal(response.status, 200, response.text);
    return ((response.body.members as Member[] | undefined) ?? []).map((member) => member.value).sort();
  }

  test('POST with members, GET shows them; users show their groups', async () => {
    const users = await createUsers('member-a', 3);
    const created = await http<Json>('POST', `${scim()}/Groups`, {
      token: token(),
      body: { schemas: [GROUP], displayName: 'Engineering', members: users.map((value) => ({ value })) },
    });
    assert.equal(created.status, 201, created.text);
    const groupId = created.body.id as string;
    assert.deepEqual(await memberIds(groupId), [...users].sort());
    const user = await http<Json>('GET', `${scim()}/Users/${users[0]}`, { token: token() });
    assert.deepEqual((user.body.groups as Json[]).map((group) => [group.value, group.display]), [[groupId, 'Engineering']]);
  });

  test('PATCH add/remove members answers 204 without the member list; removes are idempotent', async () => {
    const users = await createUsers('member-b', 3);
    const group = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: [GROUP], displayName: 'Sales' } });
    const groupId = group.body.id as string;
    const add = await http('PATCH', `${scim()}/Groups/${groupId}`, {
      token: token(),
      body: { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: users.map((value) => ({ value })) }] },
    });
    assert.equal(add.status, 204, add.text);
    assert.equal(add.text, '');
    assert.deepEqual(await memberIds(groupId), [...users].sort());
    for (let attempt = 0; attempt < 2; attempt++) {
      const remove = await http('PATCH', `${scim()}/Groups/${groupId}`, {
        token: token(),
        body: { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${users[0]}"]` }] },
      });
      assert.equal(remove.status, 204, remove.text);
    }
    assert.deepEqual(await memberIds(groupId), [users[1], users[2]].sort());
    const asked = await http<Json>('PATCH', `${scim()}/Groups/${groupId}?attributes=displayName`, {
      token: token(),
      body: { schemas: [PATCH], Operations: [{ op: 'replace', path: 'displayName', value: 'Sales EMEA' }] },
    });
    assert.equal(asked.status, 200);
    assert.equal(asked.body.displayName, 'Sales EMEA');
    assert.equal(asked.body.members, undefined);
  });

  test('PUT replaces the member list; excludedAttributes=members leaves members out', async () => {
    const users = await createUsers('member-c', 4);
    const group = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: [GROUP], displayName: 'Ops', members: [{ value: users[0] }, { value: users[1] }] } });
    const groupId = group.body.id as string;
    const put = await http<Json>('PUT', `${scim()}/Groups/${groupId}`, {
      token: token(),
      body: { schemas: [GROUP], displayName: 'Ops', members: [{ value: users[1] }, { value: users[2] }, { value: users[3] }] },
    });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(await memberIds(groupId), [users[1], users[2], users[3]].sort());
    const excluded = await http<Json>('GET', `${scim()}/Groups/${groupId}?excludedAttributes=members`, { token: token() });
    assert.equal(excluded.body.members, undefined);
    assert.equal(excluded.body.displayName, 'Ops');
  });

  test('nested groups are members of type Group; an unknown member id is 400 invalidValue', async () => {
    const child = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: [GROUP], displayName: 'Child' } });
    const parent = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: [GROUP], displayName: 'Parent', members: [{ value: child.body.id, type: 'Group' }] } });
    assert.equal(parent.status, 201, parent.text);
    const members = parent.body.members as Member[];
    assert.deepEqual(members.map((member) => [member.value, member.type]), [[child.body.id, 'Group']]);
    const unknown = await http<Json>('PATCH', `${scim()}/Groups/${parent.body.id as string}`, {
      token: token(),
      body: { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: 'diruser_nope' }] }] },
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.scimType, 'invalidValue');
  });

  test('deleting a user removes it from its groups', async () => {
    const [userId] = await createUsers('member-d', 1);
    const group = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: [GROUP], displayName: 'Temp', members: [{ value: userId }] } });
    assert.equal((await http('DELETE', `${scim()}/Users/${userId}`, { token: token() })).status, 204);
    assert.deepEqual(await memberIds(group.body.id as string), []);
  });

  test('concurrent single-member PATCHes on one group lose no update', async () => {
    const users = await createUsers('member-e', 40);
    const group = await http<Json>('POST', `${scim()}/Groups`, { token: token(), body: { schemas: [GROUP], displayName: 'Busy' } });
    const groupId = group.body.id as string;
    const results = await Promise.all(
      users.map((value) =>
        http('PATCH', `${scim()}/Groups/${groupId}`, { token: token(), body: { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value }] }] } }),
      ),
    );
    assert.deepEqual(results.map((result) => result.status), users.map(() => 204));
    assert.deepEqual(await memberIds(groupId), [...users].sort());
  });
});
