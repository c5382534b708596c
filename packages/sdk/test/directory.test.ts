import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError, NotFoundError, PermissionDeniedError, type DirectoryProvider } from '../src/index.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, collect, describeEachStore, provision, rejectsWith, scim, scimCreate } from './support/sdk-server.js';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describeEachStore('SDK: roster.directory', (fixture) => {
  const roster = () => fixture.roster();

  test('directories: create needs the scim feature; get, list, primary, update, enable, disable, delete', async () => {
    const { organization } = await roster().organization.createOrganization('Directories');
    const refused = await rejectsWith(roster().directory.createDirectory(organization.id, { directoryProvider: 'OKTA' }), PermissionDeniedError);
    assert.equal(refused.status, 403);
    assert.equal(refused.code, 'feature_disabled');
    await rejectsWith(roster().directory.getPrimaryDirectoryByOrganizationId(organization.id), NotFoundError);

    await roster().organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
    const { directory } = await roster().directory.createDirectory(organization.id, { directoryProvider: 'OKTA', name: 'Okta production' });
    assert.match(directory.id, /^dir_/);
    assert.equal(directory.directory_type, 'SCIM');
    assert.equal(directory.organization_id, organization.id);
    assert.equal(directory.status, 'NOT_CONFIGURED');
    assert.ok(directory.directory_endpoint.endsWith(`/api/v1/directories/${directory.id}/scim/v2`), directory.directory_endpoint);
    const { directory: second } = await roster().directory.createDirectory(organization.id, { directoryProvider: 'AZURE_AD', directoryType: 'SCIM' });
    assert.equal(second.name, 'AZURE_AD directory');

    assert.deepEqual((await roster().directory.getDirectory(organization.id, directory.id)).directory, directory);
    const listed = await roster().directory.listDirectories(organization.id);
    assert.deepEqual(listed.directories.map((item) => item.id), [directory.id, second.id]);
    assert.equal(listed.total_size, 2);
    assert.equal((await roster().directory.getPrimaryDirectoryByOrganizationId(organization.id)).id, directory.id);
    const paged = await roster().directory.listDirectories(organization.id, { pageSize: 1 });
    assert.deepEqual((await roster().directory.listDirectories(organization.id, { pageSize: 1, pageToken: paged.next_page_token })).directories.map((item) => item.id), [second.id]);

    const updated = await roster().directory.updateDirectory(organization.id, second.id, { name: 'Entra', directoryProvider: 'OTHER' });
    assert.equal(updated.directory.name, 'Entra');
    assert.equal(updated.directory.directory_provider, 'OTHER');

    // Disabled, the IdP is refused; enabled again, it is served.
    const { plain_secret } = await roster().directory.createDirectorySecret(organization.id, directory.id);
    const connection = { endpoint: directory.directory_endpoint, secret: plain_secret };
    assert.deepEqual(await roster().directory.disableDirectory(organization.id, directory.id), { enabled: false });
    assert.equal((await scim(connection, 'GET', '/Users')).status, 403);
    assert.equal((await roster().directory.getDirectory(organization.id, directory.id)).directory.status, 'DISABLED');
    assert.deepEqual(await roster().directory.enableDirectory(organization.id, directory.id), { enabled: true });
    assert.equal((await scim(connection, 'GET', '/Users')).status, 200);

    await roster().directory.deleteDirectory(organization.id, second.id);
    await rejectsWith(roster().directory.getDirectory(organization.id, second.id), NotFoundError);
    await rejectsWith(roster().directory.deleteDirectory(organization.id, second.id), NotFoundError);
  });

  test("bad input names the parameter; unknown ids and another organization's ids are NotFoundErrors", async () => {
    const mine = await provision(roster(), 'Mine');
    const theirs = await provision(roster(), 'Theirs');
    const provider = 'OKTA_CLASSIC' as DirectoryProvider;
    assert.equal((await rejectsWith(roster().directory.createDirectory(mine.organizationId, { directoryProvider: provider }), BadRequestError)).parameter, 'directory_provider');
    assert.equal((await rejectsWith(roster().directory.listDirectoryUsers(mine.organizationId, mine.directoryId, { pageSize: 101 }), BadRequestError)).parameter, 'page_size');
    assert.equal((await rejectsWith(roster().directory.listDirectoryGroups(mine.organizationId, mine.directoryId, { updatedAfter: 'yesterday' }), BadRequestError)).parameter, 'updated_after');
    assert.equal((await rejectsWith(roster().directory.regenerateDirectorySecret(mine.organizationId, mine.directoryId, { gracePeriodSeconds: -1 }), BadRequestError)).parameter, 'grace_period_seconds');
    const badMapping = roster().directory.updateDirectoryAttributeMappings(mine.organizationId, mine.directoryId, { attributes: [{ key: 'noSuchThing', mapTo: 'custom_attributes.x' }] });
    assert.equal((await rejectsWith(badMapping, BadRequestError)).parameter, 'attributes.0.key');

    await rejectsWith(roster().directory.listDirectories('org_unknown'), NotFoundError);
    await rejectsWith(roster().directory.getDirectory(mine.organizationId, 'dir_unknown'), NotFoundError);
    await rejectsWith(roster().directory.getDirectoryUser(mine.organizationId, mine.directoryId, 'diruser_unknown'), NotFoundError);
    await rejectsWith(roster().directory.getDirectoryGroup(mine.organizationId, mine.directoryId, 'dirgroup_unknown'), NotFoundError);
    await rejectsWith(roster().directory.listDirectoryUsers(mine.organizationId, mine.directoryId, { directoryGroupId: 'dirgroup_unknown' }), NotFoundError);

    // Their directory, asked for through my organization: as unknown as any id, for every kind of call.
    const userId = await scimCreate(theirs.connection, 'Users', { schemas: [USER_SCHEMA], userName: 'theirs@example.com' });
    const crossed = [
      () => roster().directory.getDirectory(mine.organizationId, theirs.directoryId),
      () => roster().directory.listDirectoryUsers(mine.organizationId, theirs.directoryId),
      () => roster().directory.getDirectoryUser(mine.organizationId, theirs.directoryId, userId),
      () => roster().directory.getDirectoryUser(mine.organizationId, mine.directoryId, userId),
      () => roster().directory.listDirectoryGroups(mine.organizationId, theirs.directoryId),
      () => roster().directory.enableDirectory(mine.organizationId, theirs.directoryId),
      () => roster().directory.updateDirectory(mine.organizationId, theirs.directoryId, { name: 'Mine now' }),
      () => roster().directory.createDirectorySecret(mine.organizationId, theirs.directoryId),
      () => roster().directory.assignDirectoryGroupRoles(mine.organizationId, theirs.directoryId, { assignments: [] }),
      () => roster().directory.updateDirectoryAttributeMappings(mine.organizationId, theirs.directoryId, { attributes: [] }),
      () => roster().directory.getDirectoryEventSettings(mine.organizationId, theirs.directoryId),
      () => roster().directory.deleteDirectory(mine.organizationId, theirs.directoryId),
    ];
    for (const call of crossed) assert.equal((await rejectsWith(call(), NotFoundError)).status, 404);
    assert.equal((await roster().directory.getDirectory(theirs.organizationId, theirs.directoryId)).directory.name, 'OKTA directory', 'theirs is untouched');
  });

  test('secrets: create, regenerate with a grace period, revoke', async () => {
    const { organizationId, directoryId, connection } = await provision(roster(), 'Secrets');
    assert.equal((await scim(connection, 'GET', '/Users')).status, 200);
    const { directory } = await roster().directory.getDirectory(organizationId, directoryId);
    assert.equal(directory.secrets.length, 1);
    assert.equal(directory.secrets[0]?.secret_suffix, connection.secret.slice(-4));

    const expiring = await roster().directory.createDirectorySecret(organizationId, directoryId, { expireTime: new Date(Date.now() + 86_400_000) });
    assert.notEqual(expiring.secret.expire_time, null);

    const rotated = await roster().directory.regenerateDirectorySecret(organizationId, directoryId, { gracePeriodSeconds: 0 });
    assert.equal(rotated.expiring_secrets.length, 2);
    await sleep(1_100);
    assert.equal((await scim(connection, 'GET', '/Users')).status, 401, 'the old secret stopped after a zero grace period');
    const fresh = { ...connection, secret: rotated.plain_secret };
    assert.equal((await scim(fresh, 'GET', '/Users')).status, 200);

    const graced = await roster().directory.regenerateDirectorySecret(organizationId, directoryId);
    const hours = (Date.parse(graced.expiring_secrets[0]?.expire_time ?? '') - Date.now()) / 3_600_000;
    assert.ok(hours > 23 && hours <= 24, `the default grace is 24 hours (${hours})`);
    assert.equal((await scim(fresh, 'GET', '/Users')).status, 200, 'still works during the grace period');

    const revoked = await roster().directory.revokeDirectorySecret(organizationId, directoryId, rotated.secret.id);
    assert.equal(revoked.secret.status, 'REVOKED');
    assert.equal((await scim(fresh, 'GET', '/Users')).status, 401);
    await rejectsWith(roster().directory.revokeDirectorySecret(organizationId, directoryId, 'dirsec_unknown'), NotFoundError);
  });

  test('users and groups: lists, filters, details, members, and iterators over every page', async () => {
    const { organizationId, directoryId, connection } = await provision(roster(), 'People');
    const userIds: string[] = [];
    for (let index = 0; index < 5; index++) {
      userIds.push(
        await scimCreate(connection, 'Users', {
          schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
          userName: `person${index}@example.com`,
          name: { givenName: `Given${index}`, familyName: 'Family' },
          emails: [{ value: `person${index}@example.com`, primary: true }],
          active: true,
          [ENTERPRISE_SCHEMA]: { department: `Dept ${index}` },
        }),
      );
    }
    const inner = await scimCreate(connection, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Inner', members: [{ value: userIds[0] }, { value: userIds[1] }] });
    const outer = await scimCreate(connection, 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Outer', members: [{ value: userIds[2] }, { value: inner }] });

    const first = await roster().directory.listDirectoryUsers(organizationId, directoryId, { pageSize: 2 });
    assert.equal(first.users.length, 2);
    assert.equal(first.total_size, 5);
    assert.equal(first.prev_page_token, '');
    const second = await roster().directory.listDirectoryUsers(organizationId, directoryId, { pageSize: 2, pageToken: first.next_page_token });
    assert.deepEqual(second.users.map((user) => user.id), userIds.slice(2, 4));
    const all = await collect(roster().directory.iterateDirectoryUsers(organizationId, directoryId, { pageSize: 2 }));
    assert.deepEqual(all.map((user) => user.id), userIds, 'every user once, in order, over three pages');
    const ada = all[0];
    assert.equal(ada?.email, 'person0@example.com');
    assert.equal(ada?.given_name, 'Given0');
    assert.deepEqual(ada?.groups, [{ id: inner, display_name: 'Inner' }]);
    assert.equal(ada?.user_detail, undefined);

    const detailed = await roster().directory.listDirectoryUsers(organizationId, directoryId, { includeDetail: true, pageSize: 1 });
    assert.deepEqual(detailed.users[0]?.user_detail?.[ENTERPRISE_SCHEMA], { department: 'Dept 0' });
    const one = await roster().directory.getDirectoryUser(organizationId, directoryId, userIds[3] ?? '', { includeDetail: true });
    assert.equal(one.user.user_detail?.userName, 'person3@example.com');
    assert.equal((await roster().directory.getDirectoryUser(organizationId, directoryId, userIds[3] ?? '')).user.user_detail, undefined);

    const inGroup = await roster().directory.listDirectoryUsers(organizationId, directoryId, { directoryGroupId: outer });
    assert.deepEqual(inGroup.users.map((user) => user.id), [userIds[2]], 'direct members only');
    const members = await collect(roster().directory.iterateDirectoryGroupMembers(organizationId, directoryId, outer, { pageSize: 1 }));
    assert.deepEqual(members.map((member) => [member.type, member.id]).sort(), [['group', inner], ['user', userIds[2]]].sort());
    assert.equal((await roster().directory.listDirectoryGroupMembers(organizationId, directoryId, inner)).total_size, 2);

    const groups = await collect(roster().directory.iterateDirectoryGroups(organizationId, directoryId, { pageSize: 1 }));
    assert.deepEqual(groups.map((group) => [group.display_name, group.total_users]), [['Inner', 2], ['Outer', 1]]);
    const listedGroups = await roster().directory.listDirectoryGroups(organizationId, directoryId, { includeDetail: true });
    assert.equal(listedGroups.groups[0]?.group_detail?.displayName, 'Inner');
    assert.equal((await roster().directory.getDirectoryGroup(organizationId, directoryId, outer, { includeDetail: true })).group.group_detail?.displayName, 'Outer');

    // updated_after, given as a Date: only what changed since.
    await sleep(20);
    const since = new Date();
    await sleep(20);
    const patched = await scim(connection, 'PATCH', `/Users/${userIds[4]}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'displayName', value: 'Renamed' }] });
    assert.equal(patched.status, 200);
    const changed = await roster().directory.listDirectoryUsers(organizationId, directoryId, { updatedAfter: since });
    assert.deepEqual(changed.users.map((user) => [user.id, user.name]), [[userIds[4], 'Renamed']]);
    assert.equal((await roster().directory.listDirectoryGroups(organizationId, directoryId, { updatedAfter: since })).total_size, 0);

    const { directory } = await roster().directory.getDirectory(organizationId, directoryId);
    assert.equal(directory.total_users, 5);
    assert.equal(directory.total_groups, 2);
    assert.equal(directory.status, 'ACTIVE');
  });

  test('event settings', async () => {
    const { organizationId, directoryId } = await provision(roster(), 'Events');
    assert.deepEqual(await roster().directory.getDirectoryEventSettings(organizationId, directoryId), { event_settings: { deactivation_as_deletion: false } });
    assert.deepEqual(await roster().directory.updateDirectoryEventSettings(organizationId, directoryId, { deactivationAsDeletion: true }), { event_settings: { deactivation_as_deletion: true } });
    assert.equal((await roster().directory.getDirectoryEventSettings(organizationId, directoryId)).event_settings.deactivation_as_deletion, true);
  });
});
