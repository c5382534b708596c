import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expectBadParameter, expectError, managementApi, walkPages, type Json } from './support/management-api.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, sleep } from './support/scim-fixtures.js';

interface User {
  id: string;
  email: string | null;
  preferred_username: string;
  given_name: string | null;
  family_name: string | null;
  name: string | null;
  active: boolean;
  emails: string[];
  groups: { id: string; display_name: string }[];
  roles: { role_name: string }[];
  permissions: string[];
  custom_attributes: Json;
  updated_at: string;
  user_detail?: Json;
}

interface Group {
  id: string;
  display_name: string;
  total_users: number;
  updated_at: string;
  group_detail?: Json;
}

describeEachStore('management API: directory users and groups', (fixture) => {
  const api = () => managementApi(fixture.server().baseUrl, fixture.directory().accessToken);

  test('a user pushed over SCIM reads back in the management shape; include_detail adds the SCIM resource', async () => {
    const provisioned = await fixture.newDirectory();
    const base = `/api/v1/organizations/${provisioned.organizationId}/directories/${provisioned.directoryId}`;
    const scimUser = await createResource(provisioned, 'Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
      emails: [{ value: 'ada.home@example.com', type: 'home' }, { value: 'Ada@Example.com', type: 'work', primary: true }],
      active: true,
      [ENTERPRISE_SCHEMA]: { department: 'Engineering' },
    });
    const group = await createResource(provisioned, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering', members: [{ value: scimUser.id }] });

    const listed = await api().get<{ users: User[]; total_size: number; next_page_token: string; prev_page_token: string }>(`${base}/users`);
    assert.equal(listed.status, 200, listed.text);
    assert.equal(listed.body.total_size, 1);
    assert.equal(listed.body.next_page_token, '');
    assert.equal(listed.body.prev_page_token, '');
    const [user] = listed.body.users;
    assert.ok(user);
    assert.deepEqual(Object.keys(user).sort(), [
      'active', 'custom_attributes', 'email', 'emails', 'family_name', 'given_name', 'groups', 'id', 'name', 'permissions', 'preferred_username', 'roles', 'updated_at',
    ]);
    assert.equal(user.id, scimUser.id);
    assert.equal(user.email, 'Ada@Example.com', 'the primary email');
    assert.equal(user.preferred_username, 'ada@example.com');
    assert.equal(user.given_name, 'Ada');
    assert.equal(user.family_name, 'Lovelace');
    assert.equal(user.name, 'Ada Lovelace');
    assert.equal(user.active, true);
    assert.deepEqual(user.emails, ['ada.home@example.com', 'Ada@Example.com']);
    assert.deepEqual(user.groups, [{ id: group.id, display_name: 'Engineering' }]);
    assert.deepEqual(user.roles, []);
    assert.deepEqual(user.permissions, []);
    assert.deepEqual(user.custom_attributes, {});

    const detailed = await api().get<{ users: User[] }>(`${base}/users?include_detail=true`);
    const detail = detailed.body.users[0]?.user_detail;
    assert.equal(detail?.id, scimUser.id);
    assert.equal(detail?.userName, 'ada@example.com');
    assert.deepEqual(detail?.[ENTERPRISE_SCHEMA], { department: 'Engineering' });

    const one = await api().get<{ user: User }>(`${base}/users/${scimUser.id}`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body.user, user);
    const oneDetailed = await api().get<{ user: User }>(`${base}/users/${scimUser.id}?include_detail=1`);
    assert.equal(oneDetailed.body.user.user_detail?.userName, 'ada@example.com');
    expectError(await api().get(`${base}/users/diruser_unknown`), 404, 'not_found');
    expectBadParameter(await api().get(`${base}/users?include_detail=maybe`), 'include_detail');

    const groups = await api().get<{ groups: Group[]; total_size: number }>(`${base}/groups`);
    assert.equal(groups.body.total_size, 1);
    const [listedGroup] = groups.body.groups;
    assert.deepEqual(Object.keys(listedGroup ?? {}).sort(), ['display_name', 'id', 'total_users', 'updated_at']);
    assert.equal(listedGroup?.total_users, 1);
    const groupDetail = await api().get<{ group: Group }>(`${base}/groups/${group.id}?include_detail=true`);
    assert.equal(groupDetail.body.group.group_detail?.displayName, 'Engineering');
    assert.equal(groupDetail.body.group.group_detail?.members, undefined, 'members are listed separately');
    expectError(await api().get(`${base}/groups/dirgroup_unknown`), 404, 'not_found');
  });

  test('users page by keyset: page_size up to 100, every user once forward, the same pages backward, filters by group and time', async () => {
    const provisioned = await fixture.newDirectory();
    const base = `/api/v1/organizations/${provisioned.organizationId}/directories/${provisioned.directoryId}`;
    const ids: string[] = [];
    for (let index = 0; index < 23; index++) {
      ids.push(String((await createResource(provisioned, 'Users', { schemas: [USER_SCHEMA], userName: `paged-${index}@example.com` })).id));
    }
    const { pages, last } = await walkPages<User>((token) => api().get(`${base}/users?page_size=10&page_token=${token}`), 'users');
    assert.deepEqual(pages.map((page) => page.length), [10, 10, 3]);
    assert.deepEqual(pages.flat().map((user) => user.id), ids, 'creation order, each once');
    assert.equal(last.total_size, 23);

    const backward: string[] = [];
    let token = last.prev_page_token;
    while (token) {
      const page = await api().get<{ users: User[]; prev_page_token: string; next_page_token: string }>(`${base}/users?page_size=10&page_token=${token}`);
      assert.equal(page.status, 200, page.text);
      assert.notEqual(page.body.next_page_token, '', 'a page reached backward has a next page');
      backward.unshift(...page.body.users.map((user) => user.id));
      token = page.body.prev_page_token;
    }
    assert.deepEqual(backward, ids.slice(0, 20));

    const hundred = await api().get<{ users: User[] }>(`${base}/users?page_size=100`);
    assert.equal(hundred.body.users.length, 23);
    for (const size of ['0', '101', '-5', '2.5', 'abc']) expectBadParameter(await api().get(`${base}/users?page_size=${size}`), 'page_size');

    // A token carries its filters: the unfiltered list's token is refused with a filter.
    const first = await api().get<{ next_page_token: string }>(`${base}/users?page_size=5`);
    expectBadParameter(await api().get(`${base}/users?page_size=5&updated_after=2020-01-01T00:00:00Z&page_token=${first.body.next_page_token}`), 'page_token');
    expectBadParameter(await api().get(`${base}/users?page_token=${first.body.next_page_token}x`), 'page_token');
    expectBadParameter(await api().get(`${base}/users?page_token=not-a-token`), 'page_token');

    // directory_group_id: the group's direct members, paged too.
    const members = [ids[3], ids[7], ids[11], ids[19]].map((value) => ({ value }));
    const group = await createResource(provisioned, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Some', members });
    const inGroup = await walkPages<User>((page) => api().get(`${base}/users?page_size=3&directory_group_id=${group.id}&page_token=${page}`), 'users');
    assert.deepEqual(inGroup.pages.flat().map((user) => user.id), members.map((member) => member.value));
    assert.equal(inGroup.last.total_size, 4);
    expectError(await api().get(`${base}/users?directory_group_id=dirgroup_unknown`), 404, 'not_found');

    // updated_after: only users changed since.
    await sleep(20);
    const since = new Date().toISOString();
    await sleep(20);
    const patched = await http('PATCH', `${provisioned.scim}/Users/${ids[5]}`, {
      token: provisioned.token,
      body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'displayName', value: 'Changed' }] },
    });
    assert.equal(patched.status, 200, patched.text);
    const changed = await api().get<{ users: User[]; total_size: number }>(`${base}/users?updated_after=${encodeURIComponent(since)}`);
    assert.deepEqual(changed.body.users.map((user) => user.id), [ids[5]]);
    assert.equal(changed.body.total_size, 1);
    assert.equal(changed.body.users[0]?.name, 'Changed');
    expectBadParameter(await api().get(`${base}/users?updated_after=yesterday`), 'updated_after');
    expectBadParameter(await api().get(`${base}/users?updated_after=0000-01-01T00:00:00Z`), 'updated_after');
    expectBadParameter(await api().get(`${base}/users?directory_group_id=a%00b`), 'directory_group_id');
  });

  test('groups and a group\'s members page by keyset; nested groups are members', async () => {
    const provisioned = await fixture.newDirectory();
    const base = `/api/v1/organizations/${provisioned.organizationId}/directories/${provisioned.directoryId}`;
    const users: string[] = [];
    for (let index = 0; index < 5; index++) {
      users.push(String((await createResource(provisioned, 'Users', { schemas: [USER_SCHEMA], userName: `member-${index}@example.com` })).id));
    }
    const groupIds: string[] = [];
    for (let index = 0; index < 7; index++) {
      groupIds.push(String((await createResource(provisioned, 'Groups', { schemas: [GROUP_SCHEMA], displayName: `Group ${index}` })).id));
    }
    const parent = await createResource(provisioned, 'Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Parent',
      members: [...users.map((value) => ({ value })), { value: groupIds[0] }],
    });
    groupIds.push(String(parent.id));

    const { pages, last } = await walkPages<Group>((token) => api().get(`${base}/groups?page_size=3&page_token=${token}`), 'groups');
    assert.deepEqual(pages.map((page) => page.length), [3, 3, 2]);
    assert.deepEqual(pages.flat().map((group) => group.id), groupIds);
    assert.equal(last.total_size, 8);
    assert.equal(pages.flat().at(-1)?.total_users, 5, 'users who are direct members');

    const members = await walkPages<{ id: string; type: string; display_name: string | null }>(
      (token) => api().get(`${base}/groups/${parent.id}/members?page_size=4&page_token=${token}`),
      'members',
    );
    assert.deepEqual(members.pages.map((page) => page.length), [4, 2]);
    assert.equal(members.last.total_size, 6);
    const flat = members.pages.flat();
    assert.deepEqual(flat.filter((member) => member.type === 'user').map((member) => member.id).sort(), [...users].sort());
    assert.deepEqual(flat.filter((member) => member.type === 'group'), [{ id: groupIds[0], type: 'group', display_name: 'Group 0' }]);
    expectError(await api().get(`${base}/groups/dirgroup_unknown/members`), 404, 'not_found');

    const since = new Date(Date.now() - 60_000).toISOString();
    const recent = await api().get<{ total_size: number }>(`${base}/groups?updated_after=${encodeURIComponent(since)}`);
    assert.equal(recent.body.total_size, 8);
    const future = await api().get<{ groups: Group[]; total_size: number }>(`${base}/groups?updated_after=2999-01-01T00:00:00Z`);
    assert.deepEqual(future.body, { groups: [], next_page_token: '', prev_page_token: '', total_size: 0 });
  });
});
