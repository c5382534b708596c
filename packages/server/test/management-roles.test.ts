import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expectBadParameter, expectError, managementApi, walkPages, type Json } from './support/management-api.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource } from './support/scim-fixtures.js';

interface Role {
  id: string;
  name: string;
  display_name: string;
  description: string | null;
  permissions: string[];
  is_default: boolean;
}

interface User {
  id: string;
  email: string | null;
  preferred_username: string;
  roles: { role_name: string }[];
  permissions: string[];
  custom_attributes: Json;
}

const ACME = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';

describeEachStore('management API: roles, group-to-role mapping and attribute mapping', (fixture) => {
  const api = () => managementApi(fixture.server().baseUrl, fixture.directory().accessToken);
  const suffix = () => randomBytes(3).toString('hex');

  test('roles: create, get, list, update, one default at a time, delete', async () => {
    const name = `editor-${suffix()}`;
    const created = await api().post<{ role: Role }>('/api/v1/roles', { name, description: 'Edits things', permissions: ['docs:write', 'docs:read', 'docs:read'] });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.role.display_name, name, 'the display name defaults to the name');
    assert.deepEqual(created.body.role.permissions, ['docs:read', 'docs:write'], 'deduplicated and sorted');
    assert.equal(created.body.role.is_default, false);
    expectError(await api().post('/api/v1/roles', { name }), 409, 'already_exists');

    const fetched = await api().get<{ role: Role }>(`/api/v1/roles/${name}`);
    assert.deepEqual(fetched.body.role, created.body.role);
    expectError(await api().get('/api/v1/roles/no-such-role'), 404, 'not_found');

    const updated = await api().patch<{ role: Role }>(`/api/v1/roles/${name}`, { display_name: 'Editor', permissions: ['docs:write'], description: null });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.role.display_name, 'Editor');
    assert.deepEqual(updated.body.role.permissions, ['docs:write']);
    assert.equal(updated.body.role.description, null);

    const first = `first-${suffix()}`;
    const second = `second-${suffix()}`;
    assert.equal((await api().post<{ role: Role }>('/api/v1/roles', { name: first, is_default: true })).body.role.is_default, true);
    await api().post('/api/v1/roles', { name: second, is_default: true });
    assert.equal((await api().get<{ role: Role }>(`/api/v1/roles/${first}`)).body.role.is_default, false, 'the new default takes it from the old');
    await api().patch(`/api/v1/roles/${first}`, { is_default: true });
    assert.equal((await api().get<{ role: Role }>(`/api/v1/roles/${second}`)).body.role.is_default, false);
    await api().patch(`/api/v1/roles/${first}`, { is_default: false });

    const { pages, last } = await walkPages<Role>((token) => api().get(`/api/v1/roles?page_size=2&page_token=${token}`), 'roles');
    const names = pages.flat().map((role) => role.name);
    assert.deepEqual(names, [...names].sort(), 'roles list by name');
    assert.equal(names.length, last.total_size);
    assert.ok(names.includes(name) && names.includes(first) && names.includes(second));

    for (const bad of [{ name: '' }, { name: 'has space' }, { name: 'a'.repeat(65) }, { name: 7 }]) {
      expectBadParameter(await api().post('/api/v1/roles', bad), 'name');
    }
    expectBadParameter(await api().post('/api/v1/roles', { name: `x-${suffix()}`, permissions: ['ok', 'not ok'] }), 'permissions.1');
    expectBadParameter(await api().patch(`/api/v1/roles/${name}`, { is_default: 'yes' }), 'is_default');

    assert.equal((await api().delete(`/api/v1/roles/${name}`)).status, 204);
    expectError(await api().delete(`/api/v1/roles/${name}`), 404, 'not_found');
  });

  test('roles derive from groups through nested groups, with the default role for everyone else, and follow SCIM changes', async () => {
    const run = suffix();
    const admin = `admin-${run}`;
    const member = `member-${run}`;
    const viewer = `viewer-${run}`;
    await api().post('/api/v1/roles', { name: admin, permissions: ['users:write', 'users:read', 'billing:manage'] });
    await api().post('/api/v1/roles', { name: member, permissions: ['users:read'] });
    await api().post('/api/v1/roles', { name: viewer, permissions: ['dashboard:view'], is_default: true });

    const provisioned = await fixture.newDirectory();
    const base = `/api/v1/organizations/${provisioned.organizationId}/directories/${provisioned.directoryId}`;
    const alice = await createResource(provisioned, 'Users', { schemas: [USER_SCHEMA], userName: 'alice@example.com' });
    const bob = await createResource(provisioned, 'Users', { schemas: [USER_SCHEMA], userName: 'bob@example.com' });
    // Engineering ⊂ Platform ⊂ Admins, and Admins ⊂ Engineering: a cycle the walk must survive.
    const engineering = await createResource(provisioned, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering', members: [{ value: alice.id }] });
    const platform = await createResource(provisioned, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Platform', members: [{ value: engineering.id }] });
    const admins = await createResource(provisioned, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Admins', members: [{ value: platform.id }] });
    const patchMembers = async (groupId: unknown, op: 'add' | 'remove', memberId: unknown) => {
      const operation = op === 'add' ? { op, path: 'members', value: [{ value: memberId }] } : { op, path: `members[value eq "${String(memberId)}"]` };
      const response = await http('PATCH', `${provisioned.scim}/Groups/${String(groupId)}`, { token: provisioned.token, body: { schemas: [PATCH_SCHEMA], Operations: [operation] } });
      assert.ok(response.status === 200 || response.status === 204, response.text);
    };
    await patchMembers(engineering.id, 'add', admins.id);

    const assigned = await api().put<{ role_assignments: { assignments: { group_id: string; role_name: string }[] } }>(`${base}/groups/-/roles:assign`, {
      assignments: [
        { group_id: admins.id, role_name: admin },
        { group_id: engineering.id, role_name: member },
      ],
    });
    assert.equal(assigned.status, 200, assigned.text);
    assert.equal(assigned.body.role_assignments.assignments.length, 2);
    const directory = await api().get<{ directory: { role_assignments: { assignments: unknown[] } } }>(base);
    assert.deepEqual(
      new Set(directory.body.directory.role_assignments.assignments),
      new Set([{ group_id: admins.id, role_name: admin }, { group_id: engineering.id, role_name: member }]),
    );

    const rolesOf = async (user: Json) => {
      const response = await api().get<{ user: User }>(`${base}/users/${String(user.id)}`);
      assert.equal(response.status, 200, response.text);
      return { roles: response.body.user.roles.map((role) => role.role_name), permissions: response.body.user.permissions };
    };
    assert.deepEqual(await rolesOf(alice), { roles: [admin, member], permissions: ['billing:manage', 'users:read', 'users:write'] });
    assert.deepEqual(await rolesOf(bob), { roles: [viewer], permissions: ['dashboard:view'] }, 'in no mapped group: the default role');

    // The list shows the same derived roles as a single read.
    const listed = await api().get<{ users: User[] }>(`${base}/users`);
    assert.deepEqual(listed.body.users.find((user) => user.id === alice.id)?.roles.map((role) => role.role_name), [admin, member]);

    // Engineering leaves Platform: alice is in Engineering only, which is in no group any more.
    await patchMembers(platform.id, 'remove', engineering.id);
    assert.deepEqual((await rolesOf(alice)).roles, [member]);

    // Bob joins Platform, which is in Admins, which is in Engineering (the cycle's edge): both roles.
    await patchMembers(platform.id, 'add', bob.id);
    assert.deepEqual(await rolesOf(bob), { roles: [admin, member], permissions: ['billing:manage', 'users:read', 'users:write'] });

    // A role's permissions change: every holder sees it at once.
    await api().patch(`/api/v1/roles/${admin}`, { permissions: ['everything'] });
    assert.deepEqual((await rolesOf(bob)).permissions, ['everything', 'users:read']);

    // The IdP deletes Admins: its assignment goes with it, and bob falls back to the default role.
    const removed = await http('DELETE', `${provisioned.scim}/Groups/${String(admins.id)}`, { token: provisioned.token });
    assert.equal(removed.status, 204, removed.text);
    assert.deepEqual((await rolesOf(bob)).roles, [viewer]);
    const after = await api().get<{ directory: { role_assignments: { assignments: unknown[] } } }>(base);
    assert.deepEqual(after.body.directory.role_assignments.assignments, [{ group_id: engineering.id, role_name: member }]);

    // A role still assigned cannot be deleted; once unassigned it can.
    const refused = expectError(await api().delete(`/api/v1/roles/${member}`), 409, 'failed_precondition');
    assert.deepEqual(refused.details?.directory_ids, [provisioned.directoryId]);
    assert.equal((await api().put(`${base}/groups/-/roles:assign`, { assignments: [] })).status, 200);
    assert.deepEqual((await rolesOf(alice)).roles, [viewer]);
    assert.equal((await api().delete(`/api/v1/roles/${member}`)).status, 204);
    await api().patch(`/api/v1/roles/${viewer}`, { is_default: false });
    assert.deepEqual(await rolesOf(alice), { roles: [], permissions: [] }, 'no default role: no role');
  });

  test('role assignments refuse unknown groups, unknown roles and groups of another directory', async () => {
    const role = `r-${suffix()}`;
    await api().post('/api/v1/roles', { name: role });
    const mine = await fixture.newDirectory();
    const theirs = await fixture.newDirectory();
    const theirGroup = await createResource(theirs, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Theirs' });
    const myGroup = await createResource(mine, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Mine' });
    const assign = `/api/v1/organizations/${mine.organizationId}/directories/${mine.directoryId}/groups/-/roles:assign`;
    const foreign = expectError(await api().put(assign, { assignments: [{ group_id: theirGroup.id, role_name: role }] }), 404, 'not_found');
    assert.equal(foreign.details?.parameter, 'assignments.0.group_id');
    const unknownRole = expectError(await api().put(assign, { assignments: [{ group_id: myGroup.id, role_name: 'no-such-role' }] }), 404);
    assert.equal(unknownRole.details?.parameter, 'assignments.0.role_name');
    expectBadParameter(await api().put(assign, { assignments: [{ group_id: myGroup.id }] }), 'assignments.0.role_name');
    expectBadParameter(await api().put(assign, {}), 'assignments');
    expectBadParameter(await api().put(assign, { assignments: 'all' }), 'assignments');
  });

  test('attribute mappings apply to users already stored, and a changed mapping shows at once', async () => {
    const provisioned = await fixture.newDirectory();
    const base = `/api/v1/organizations/${provisioned.organizationId}/directories/${provisioned.directoryId}`;
    const stored = await createResource(provisioned, 'Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA, ACME],
      userName: 'grace@example.com',
      title: 'Rear Admiral',
      emails: [{ value: 'grace@home.example', type: 'home', primary: true }, { value: 'grace@navy.example', type: 'work' }],
      [ENTERPRISE_SCHEMA]: { department: 'Navy', employeeNumber: 'E-1906' },
      [ACME]: { costCenter: 'CC-42' },
    });
    const user = async () => (await api().get<{ user: User }>(`${base}/users/${String(stored.id)}`)).body.user;
    assert.deepEqual((await user()).custom_attributes, {});

    const mapped = await api().put<{ attribute_mappings: { attributes: { key: string; map_to: string }[] } }>(`${base}/attributes`, {
      attributes: [
        { key: `${ENTERPRISE_SCHEMA}:department`, map_to: 'custom_attributes.department' },
        { key: 'title', map_to: 'custom_attributes.job_title' },
        { key: `${ACME}:costCenter`, map_to: 'custom_attributes.cost_center' },
        { key: 'emails[type eq "work"].value', map_to: 'email' },
        { key: `${ENTERPRISE_SCHEMA}:employeeNumber`, map_to: 'preferred_username' },
      ],
    });
    assert.equal(mapped.status, 200, mapped.text);
    assert.equal(mapped.body.attribute_mappings.attributes.length, 5);
    const after = await user();
    assert.deepEqual(after.custom_attributes, { department: 'Navy', job_title: 'Rear Admiral', cost_center: 'CC-42' });
    assert.equal(after.email, 'grace@navy.example');
    assert.equal(after.preferred_username, 'E-1906');
    const directory = await api().get<{ directory: { attribute_mappings: { attributes: unknown[] } } }>(base);
    assert.deepEqual(directory.body.directory.attribute_mappings, mapped.body.attribute_mappings);

    // The IdP changes the user: the mapped value follows.
    await http('PATCH', `${provisioned.scim}/Users/${String(stored.id)}`, {
      token: provisioned.token,
      body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: `${ENTERPRISE_SCHEMA}:department`, value: 'Computing' }] },
    });
    assert.equal((await user()).custom_attributes.department, 'Computing');

    // A new mapping replaces the old one as a whole.
    await api().put(`${base}/attributes`, { attributes: [{ key: 'userName', map_to: 'custom_attributes.login' }] });
    const remapped = await user();
    assert.deepEqual(remapped.custom_attributes, { login: 'grace@example.com' });
    assert.equal(remapped.email, 'grace@home.example', 'unmapped: the primary email again');
    assert.equal(remapped.preferred_username, 'grace@example.com');

    expectBadParameter(await api().put(`${base}/attributes`, { attributes: [{ key: 'noSuchThing', map_to: 'custom_attributes.x' }] }), 'attributes.0.key');
    expectBadParameter(await api().put(`${base}/attributes`, { attributes: [{ key: 'title', map_to: 'job' }] }), 'attributes.0.map_to');
    expectBadParameter(
      await api().put(`${base}/attributes`, { attributes: [{ key: 'title', map_to: 'custom_attributes.x' }, { key: 'nickName', map_to: 'custom_attributes.x' }] }),
      'attributes.1.map_to',
    );
    expectBadParameter(await api().put(`${base}/attributes`, { attributes: [{ key: 'title' }] }), 'attributes.0.map_to');
    assert.deepEqual((await user()).custom_attributes, { login: 'grace@example.com' }, 'a refused mapping changes nothing');
  });
});
