import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../support/each-store.js';
import {
  ENTERPRISE_SCHEMA,
  USER_SCHEMA,
  memberRows,
  providerDirectory,
  sorted,
  storedGroup,
  storedUser,
  type Json,
  type ProviderClient,
} from './provider-helpers.js';

// Microsoft Entra ID with the `aadOptscim062020` feature flag (the SCIM 2.0 compliant behaviour
// Microsoft documents in "Known issues and resolutions with SCIM 2.0 protocol compliance").

const ENTRA = { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' };

describeEachStore('Microsoft Entra ID (aadOptscim062020)', (fixture) => {
  const entra = providerDirectory(fixture, 'AZURE_AD', ENTRA);

  async function createUser(client: ProviderClient, userName: string): Promise<string> {
    const response = await client.post('/Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      externalId: userName.split('@')[0],
      userName,
      active: true,
      displayName: 'Before Rename',
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { familyName: 'Family', givenName: 'Given' },
      roles: [],
    });
    assert.equal(response.status, 201, response.text);
    return String(response.body.id);
  }

  test('lower-case ops with real booleans', async () => {
    const client = entra();
    const id = await createUser(client, 'flag.bool@contoso.example');
    const disable = await client.patch(`/Users/${id}`, [{ op: 'replace', path: 'active', value: false }]);
    assert.equal(disable.status, 200, disable.text);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.active, false);
    assert.equal(row.resource.active, false);
    const enable = await client.patch(`/Users/${id}`, [{ op: 'replace', value: { active: true } }]);
    assert.equal(enable.status, 200, enable.text);
    assert.equal((await storedUser(fixture, client, id)).active, true);
    assert.equal((await client.readUser(id)).active, true);
  });

  test('no-path replace whose keys are paths: dotted, URN-qualified and value-filtered', async () => {
    const client = entra();
    const id = await createUser(client, 'flag.keys@contoso.example');
    const response = await client.patch(`/Users/${id}`, [
      {
        op: 'replace',
        value: {
          displayName: 'After Rename',
          'name.givenName': 'A',
          'name.familyName': 'B',
          'emails[type eq "work"].value': 'flag.keys.new@contoso.example',
          [`${ENTERPRISE_SCHEMA}:employeeNumber`]: '7',
          [`${ENTERPRISE_SCHEMA}:department`]: 'Sales',
          active: false,
        },
      },
    ]);
    assert.equal(response.status, 200, response.text);

    const row = await storedUser(fixture, client, id);
    assert.deepEqual(row.resource.name, { familyName: 'B', givenName: 'A' });
    assert.equal(row.resource.displayName, 'After Rename');
    assert.deepEqual(row.resource[ENTERPRISE_SCHEMA], { employeeNumber: '7', department: 'Sales' });
    assert.deepEqual(row.resource.emails, [{ primary: true, type: 'work', value: 'flag.keys.new@contoso.example' }]);
    assert.equal(row.primary_email, 'flag.keys.new@contoso.example');
    assert.equal(row.active, false);
    for (const key of Object.keys(row.resource).filter((name) => !name.startsWith('urn:'))) assert.ok(!key.includes('.'), `"${key}": a path key is applied, not stored as an attribute`);
    assert.ok(!Object.keys(row.resource).some((key) => key.endsWith(':employeeNumber')));

    const read = await client.readUser(id);
    assert.equal((read.name as Json).givenName, 'A');
    assert.equal((read[ENTERPRISE_SCHEMA] as Json).employeeNumber, '7');
  });

  test('no-path replace of the URN-qualified manager, as an object and as a bare id', async () => {
    const client = entra();
    const managerA = await createUser(client, 'flag.manager.a@contoso.example');
    const managerB = await createUser(client, 'flag.manager.b@contoso.example');
    const id = await createUser(client, 'flag.report@contoso.example');
    const manager = `${ENTERPRISE_SCHEMA}:manager`;

    const asObject = await client.patch(`/Users/${id}`, [{ op: 'replace', value: { [manager]: { value: managerA } } }]);
    assert.equal(asObject.status, 200, asObject.text);
    let row = await storedUser(fixture, client, id);
    assert.deepEqual((row.resource[ENTERPRISE_SCHEMA] as Json | undefined)?.manager, { value: managerA });
    assert.equal(row.resource[manager], undefined, 'an attribute path is not a new extension');
    assert.ok(!(row.resource.schemas as string[]).includes(manager), 'schemas lists no "...:User:manager" extension');

    const asString = await client.patch(`/Users/${id}`, [{ op: 'replace', value: { [manager]: managerB } }]);
    assert.equal(asString.status, 200, asString.text);
    row = await storedUser(fixture, client, id);
    assert.deepEqual((row.resource[ENTERPRISE_SCHEMA] as Json).manager, { value: managerB });
    assert.equal((((await client.readUser(id))[ENTERPRISE_SCHEMA] as Json).manager as Json).value, managerB);
  });

  test('members: add with lower-case op, remove by members[value eq "<id>"]', async () => {
    const client = entra();
    const users = await client.createUsers('flag-members-', 3);
    const groupId = await client.createGroup('Flag Members');
    const add = await client.patch(`/Groups/${groupId}`, [{ op: 'add', path: 'members', value: users.map((value) => ({ value })) }]);
    assert.ok(add.status === 204 || add.status === 200, add.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users));

    const remove = await client.patch(`/Groups/${groupId}`, [{ op: 'remove', path: `members[value eq "${users[1]}"]` }]);
    assert.ok(remove.status === 204 || remove.status === 200, remove.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted([users[0] ?? '', users[2] ?? '']));
    assert.deepEqual(await client.memberIds(groupId), sorted([users[0] ?? '', users[2] ?? '']));

    const rename = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', path: 'displayName', value: 'Flag Members Renamed' }]);
    assert.ok(rename.status === 204 || rename.status === 200, rename.text);
    assert.equal((await storedGroup(fixture, client, groupId)).display_name, 'Flag Members Renamed');
  });
});
