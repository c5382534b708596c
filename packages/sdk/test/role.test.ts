import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError, ConflictError, NotFoundError } from '../src/index.js';
import { GROUP_SCHEMA, collect, describeEachStore, provision, rejectsWith, scimCreate } from './support/sdk-server.js';

describeEachStore('SDK: roster.role', (fixture) => {
  const roster = () => fixture.roster();

  test('create, get, list, iterate, update, delete', async () => {
    const { role } = await roster().role.createRole({ name: 'editor', description: 'Edits things', permissions: ['docs:write', 'docs:read'] });
    assert.equal(role.name, 'editor');
    assert.equal(role.display_name, 'editor', 'defaults to the name');
    assert.deepEqual(role.permissions, ['docs:read', 'docs:write']);
    assert.equal(role.is_default, false);
    assert.deepEqual((await roster().role.getRole('editor')).role, role);

    const updated = await roster().role.updateRole('editor', { displayName: 'Editor', permissions: ['docs:write'], description: null });
    assert.equal(updated.role.display_name, 'Editor');
    assert.deepEqual(updated.role.permissions, ['docs:write']);
    assert.equal(updated.role.description, null);

    await roster().role.createRole({ name: 'viewer', isDefault: true });
    await roster().role.createRole({ name: 'auditor', displayName: 'Auditor' });
    assert.equal((await roster().role.getRole('viewer')).role.is_default, true);
    const page = await roster().role.listRoles({ pageSize: 2 });
    assert.equal(page.roles.length, 2);
    assert.equal(page.total_size, 3);
    assert.deepEqual((await collect(roster().role.iterateRoles({ pageSize: 1 }))).map((item) => item.name), ['auditor', 'editor', 'viewer']);

    await roster().role.deleteRole('auditor');
    await rejectsWith(roster().role.getRole('auditor'), NotFoundError);
    await rejectsWith(roster().role.deleteRole('auditor'), NotFoundError);
    await rejectsWith(roster().role.updateRole('auditor', { displayName: 'x' }), NotFoundError);
  });

  test('errors: a taken name conflicts, bad names and permissions are named, a mapped role cannot be deleted', async () => {
    await roster().role.createRole({ name: 'owner' });
    assert.equal((await rejectsWith(roster().role.createRole({ name: 'owner' }), ConflictError)).code, 'already_exists');
    assert.equal((await rejectsWith(roster().role.createRole({ name: 'has space' }), BadRequestError)).parameter, 'name');
    assert.equal((await rejectsWith(roster().role.createRole({ name: 'ok-name', permissions: ['fine', 'not fine'] }), BadRequestError)).parameter, 'permissions.1');

    const { organizationId, directoryId, connection } = await provision(roster(), 'Mapped');
    const groupId = await scimCreate(connection, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Owners' });
    const assigned = await roster().directory.assignDirectoryGroupRoles(organizationId, directoryId, { assignments: [{ groupId, roleName: 'owner' }] });
    assert.deepEqual(assigned.role_assignments.assignments, [{ group_id: groupId, role_name: 'owner' }]);
    const held = await rejectsWith(roster().role.deleteRole('owner'), ConflictError);
    assert.equal(held.status, 409);
    await roster().directory.assignDirectoryGroupRoles(organizationId, directoryId, { assignments: [] });
    await roster().role.deleteRole('owner');
  });
});
