import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Roster, type DirectoryUser } from '../src/index.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, describeEachStore, scim, scimCreate, type ScimConnection } from './support/sdk-server.js';

// Issue 3's promise: the app's backend runs Scalekit's guide calls against Roster with only the
// import line changed. The snippet below is the text, character for character; only the
// '<organization_id>' placeholder is filled in when it runs.
const SNIPPET = `await roster.organization.updateOrganizationSettings('<organization_id>', {
  features: [{ name: 'scim', enabled: true }],
});
const { directories } = await roster.directory.listDirectories('<organization_id>');`;

type Snippet = (roster: Roster) => Promise<{ directories: { id: string; directory_endpoint: string }[] }>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...source: string[]) => Snippet;
const runSnippet = (roster: Roster, organizationId: string) =>
  new AsyncFunction('roster', `${SNIPPET.replaceAll('<organization_id>', organizationId)}\nreturn { directories };`)(roster);

describeEachStore("SDK: Scalekit's SCIM guide, end to end", (fixture) => {
  test('the seed snippet enables SCIM and finds the directory; a user pushed over SCIM reads back with roles, permissions and mapped attributes, and follows changes', async () => {
    const { baseUrl, clientId, clientSecret } = fixture.server();
    // The only line that differs from Scalekit's guide: `new Scalekit(envUrl, clientId, clientSecret)`.
    const roster = new Roster(baseUrl, clientId, clientSecret);

    // The customer's directory exists (made in the admin portal), but the app has SCIM turned off for them.
    const { organization } = await roster.organization.createOrganization('Acme Corporation', { externalId: 'acme' });
    await roster.organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
    const { directory } = await roster.directory.createDirectory(organization.id, { directoryProvider: 'OKTA' });
    const { plain_secret } = await roster.directory.createDirectorySecret(organization.id, directory.id);
    await roster.organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: false }] });
    const idp: ScimConnection = { endpoint: directory.directory_endpoint, secret: plain_secret };
    assert.equal((await scim(idp, 'GET', '/Users')).status, 403, 'SCIM is off: the IdP is refused');

    const { directories } = await runSnippet(roster, organization.id);
    assert.deepEqual(directories.map((item) => item.id), [directory.id]);
    assert.equal(directories[0]?.directory_endpoint, idp.endpoint);

    // The IdP pushes two people and a group; the app maps the group to a role and an attribute to a field.
    await roster.role.createRole({ name: 'engineer', permissions: ['deploy', 'repo:write'] });
    await roster.role.createRole({ name: 'viewer', permissions: ['dashboard:view'], isDefault: true });
    const ada = await scimCreate(idp, 'Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      userName: 'ada@acme.example',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@acme.example', primary: true }],
      [ENTERPRISE_SCHEMA]: { department: 'Analytical Engines', employeeNumber: 'E-1815' },
    });
    const grace = await scimCreate(idp, 'Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      userName: 'grace@acme.example',
      [ENTERPRISE_SCHEMA]: { department: 'Compilers', employeeNumber: 'E-1906' },
    });
    const engineering = await scimCreate(idp, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering', members: [{ value: ada }] });
    await roster.directory.assignDirectoryGroupRoles(organization.id, directory.id, { assignments: [{ groupId: engineering, roleName: 'engineer' }] });
    await roster.directory.updateDirectoryAttributeMappings(organization.id, directory.id, {
      attributes: [{ key: `${ENTERPRISE_SCHEMA}:department`, mapTo: 'custom_attributes.department' }],
    });

    const usersById = async () => {
      const { users } = await roster.directory.listDirectoryUsers(organization.id, directory.id, { pageSize: 100 });
      return new Map<string, DirectoryUser>(users.map((user) => [user.id, user]));
    };
    let users = await usersById();
    assert.deepEqual(users.get(ada)?.roles, [{ role_name: 'engineer' }]);
    assert.deepEqual(users.get(ada)?.permissions, ['deploy', 'repo:write']);
    assert.deepEqual(users.get(ada)?.custom_attributes, { department: 'Analytical Engines' });
    assert.deepEqual(users.get(ada)?.groups, [{ id: engineering, display_name: 'Engineering' }]);
    assert.equal(users.get(ada)?.email, 'ada@acme.example');
    assert.equal(users.get(ada)?.given_name, 'Ada');
    assert.deepEqual(users.get(grace)?.roles, [{ role_name: 'viewer' }], 'in no mapped group: the default role');
    assert.deepEqual(users.get(grace)?.permissions, ['dashboard:view']);
    assert.deepEqual(users.get(grace)?.custom_attributes, { department: 'Compilers' });

    // The app changes the mapping; the IdP moves Ada out of Engineering and Grace into a group nested in it.
    await roster.directory.updateDirectoryAttributeMappings(organization.id, directory.id, {
      attributes: [{ key: `${ENTERPRISE_SCHEMA}:employeeNumber`, mapTo: 'custom_attributes.employee_id' }],
    });
    const platform = await scimCreate(idp, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Platform', members: [{ value: grace }] });
    const patch = async (groupId: string, operations: Record<string, unknown>[]) =>
      assert.ok([200, 204].includes((await scim(idp, 'PATCH', `/Groups/${groupId}`, { schemas: [PATCH_SCHEMA], Operations: operations })).status));
    await patch(engineering, [
      { op: 'remove', path: `members[value eq "${ada}"]` },
      { op: 'add', path: 'members', value: [{ value: platform }] },
    ]);

    users = await usersById();
    assert.deepEqual(users.get(ada)?.roles, [{ role_name: 'viewer' }]);
    assert.deepEqual(users.get(ada)?.permissions, ['dashboard:view']);
    assert.deepEqual(users.get(ada)?.groups, []);
    assert.deepEqual(users.get(ada)?.custom_attributes, { employee_id: 'E-1815' }, 'the new mapping applies to users already stored');
    assert.deepEqual(users.get(grace)?.roles, [{ role_name: 'engineer' }], 'through Platform, nested in Engineering');
    assert.deepEqual(users.get(grace)?.permissions, ['deploy', 'repo:write']);
    assert.deepEqual(users.get(grace)?.groups, [{ id: platform, display_name: 'Platform' }]);
    assert.deepEqual(users.get(grace)?.custom_attributes, { employee_id: 'E-1906' });

    const { user } = await roster.directory.getDirectoryUser(organization.id, directory.id, grace);
    assert.deepEqual(user, users.get(grace), 'one user reads the same as the list');
    const primary = await roster.directory.getPrimaryDirectoryByOrganizationId(organization.id);
    assert.deepEqual(primary.role_assignments.assignments, [{ group_id: engineering, role_name: 'engineer' }]);
    assert.deepEqual(primary.attribute_mappings.attributes, [{ key: `${ENTERPRISE_SCHEMA}:employeeNumber`, map_to: 'custom_attributes.employee_id' }]);
  });
});
