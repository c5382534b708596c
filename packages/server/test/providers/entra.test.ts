import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachStore } from '../support/each-store.js';
import {
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  LIST_SCHEMA,
  USER_SCHEMA,
  mapConcurrently,
  memberRows,
  providerDirectory,
  sorted,
  storedGroup,
  storedUser,
  type Json,
  type ProviderClient,
} from './provider-helpers.js';

// Microsoft Entra ID's provisioning service in its default mode (no feature flag), replaying
// the requests of Microsoft's "Tutorial: Develop and plan provisioning for a SCIM endpoint".

const ENTRA = { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' };
const ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
/** The enterprise URN as one of Microsoft's documented examples spells it (no colon before User). */
const MALFORMED_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User';

/** The user body Entra POSTs: meta.resourceType, roles: [], nulls for unmapped attributes. */
function entraUser(userName: string, externalId: string, extra: Json = {}): Json {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    externalId,
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
    ...extra,
  };
}

describeEachStore('Microsoft Entra ID (default mode)', (fixture) => {
  const entra = providerDirectory(fixture, 'AZURE_AD', ENTRA);

  async function createEntraUser(client: ProviderClient, userName: string, externalId: string, extra: Json = {}): Promise<string> {
    const response = await client.post('/Users', entraUser(userName, externalId, extra));
    assert.equal(response.status, 201, response.text);
    return String(response.body.id);
  }

  test('Test Connection: userName eq "<random guid>" answers 200 with an empty ListResponse', async () => {
    const response = await entra().list('Users', { filter: `userName eq "${randomUUID()}"` });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.schemas, [LIST_SCHEMA]);
    assert.equal(response.body.totalResults, 0);
    assert.deepEqual(response.body.Resources ?? [], []);
    const groups = await entra().list('Groups', { excludedAttributes: 'members', filter: `displayName eq "${randomUUID()}"` });
    assert.equal(groups.status, 200, groups.text);
    assert.equal(groups.body.totalResults, 0);
  });

  test('create body with meta.resourceType, roles: [], null values and the malformed enterprise URN', async () => {
    const client = entra();
    const response = await client.post('/Users', {
      ...entraUser('Test_User_ab6490ee@testuser.com', '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef'),
      schemas: [USER_SCHEMA, MALFORMED_ENTERPRISE],
      title: null,
      nickName: null,
      phoneNumbers: null,
      [MALFORMED_ENTERPRISE]: { employeeNumber: '701984', department: 'Finance', costCenter: null },
    });
    assert.equal(response.status, 201, response.text);
    const id = String(response.body.id);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.external_id, '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef');
    assert.equal(row.active, true);
    assert.ok(!('meta' in row.resource), 'meta is server-owned and never stored');
    for (const absent of ['title', 'nickName', 'phoneNumbers', 'roles']) assert.ok(!(absent in row.resource), `${absent} (null or empty) is not stored`);
    assert.deepEqual(row.resource[ENTERPRISE_SCHEMA], { employeeNumber: '701984', department: 'Finance' });
    assert.ok((row.resource.schemas as string[]).includes(ENTERPRISE_SCHEMA), 'the malformed URN is stored canonically');
    assert.ok(!(row.resource.schemas as string[]).includes(MALFORMED_ENTERPRISE));

    const read = await client.readUser(id);
    assert.equal((read[ENTERPRISE_SCHEMA] as Json).employeeNumber, '701984');
    assert.equal((read.meta as Json).resourceType, 'User');
  });

  test('lookups by userName, externalId (quoted and unquoted) and emails[type eq "work"].value', async () => {
    const client = entra();
    const id = await createEntraUser(client, 'jyoung@contoso.example', 'jyoung');
    const byName = await client.list('Users', { filter: 'userName eq "jyoung@contoso.example"' });
    assert.deepEqual(byName.body.Resources?.map((user) => user.id), [id]);
    const byExternalId = await client.list('Users', { filter: 'externalId eq "jyoung"' });
    assert.equal(byExternalId.status, 200, byExternalId.text);
    assert.deepEqual(byExternalId.body.Resources?.map((user) => user.id), [id]);
    // Microsoft's docs show the value unquoted.
    const unquoted = await client.list('Users', { filter: 'externalId eq jyoung' });
    assert.equal(unquoted.status, 200, unquoted.text);
    assert.deepEqual(unquoted.body.Resources?.map((user) => user.id), [id]);
    const byWorkEmail = await client.list('Users', { filter: 'emails[type eq "work"].value eq "jyoung@contoso.example"' });
    assert.equal(byWorkEmail.status, 200, byWorkEmail.text);
    assert.deepEqual(byWorkEmail.body.Resources?.map((user) => user.id), [id]);
    const andFilter = await client.list('Users', { filter: 'userName eq "jyoung@contoso.example" and externalId eq "jyoung"' });
    assert.deepEqual(andFilter.body.Resources?.map((user) => user.id), [id]);
  });

  test('PATCH with capitalised ops and filtered/sub-attribute paths', async () => {
    const client = entra();
    const id = await createEntraUser(client, 'paths@contoso.example', 'paths-ext');
    const response = await client.patch(`/Users/${id}`, [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@contoso.example' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      { op: 'Add', path: 'addresses[type eq "work"].streetAddress', value: '1 Microsoft Way' },
      { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Redmond' },
      { op: 'Add', path: `${ENTERPRISE_SCHEMA}:employeeNumber`, value: '42' },
      { op: 'Replace', path: `${ENTERPRISE_SCHEMA}:department`, value: 'Research' },
      { op: 'Add', path: 'title', value: 'Engineer' },
    ]);
    assert.equal(response.status, 200, response.text);

    const row = await storedUser(fixture, client, id);
    assert.deepEqual(row.resource.emails, [{ primary: true, type: 'work', value: 'updatedEmail@contoso.example' }]);
    assert.equal(row.primary_email, 'updatedEmail@contoso.example');
    assert.deepEqual(row.emails, ['updatedemail@contoso.example']);
    assert.equal((row.resource.name as Json).familyName, 'updatedFamilyName');
    assert.equal((row.resource.name as Json).givenName, 'givenName');
    assert.deepEqual(row.resource.addresses, [{ type: 'work', streetAddress: '1 Microsoft Way', locality: 'Redmond' }]);
    assert.deepEqual(row.resource[ENTERPRISE_SCHEMA], { employeeNumber: '42', department: 'Research' });
    assert.equal(row.resource.title, 'Engineer');

    const read = await client.readUser(id);
    assert.deepEqual(read.addresses, [{ type: 'work', streetAddress: '1 Microsoft Way', locality: 'Redmond' }]);
    const found = await client.list('Users', { filter: 'emails[type eq "work"].value eq "updatedEmail@contoso.example"' });
    assert.deepEqual(found.body.Resources?.map((user) => user.id), [id]);
  });

  test('manager as a bare id string and as [{"$ref", "value"}]', async () => {
    const client = entra();
    const managerA = await createEntraUser(client, 'manager.a@contoso.example', 'mgr-a');
    const managerB = await createEntraUser(client, 'manager.b@contoso.example', 'mgr-b');
    const id = await createEntraUser(client, 'report@contoso.example', 'report');
    const manager = `${ENTERPRISE_SCHEMA}:manager`;

    const bare = await client.patch(`/Users/${id}`, [{ op: 'Add', path: manager, value: managerA }]);
    assert.equal(bare.status, 200, bare.text);
    assert.deepEqual(((await storedUser(fixture, client, id)).resource[ENTERPRISE_SCHEMA] as Json).manager, { value: managerA });

    const asArray = await client.patch(`/Users/${id}`, [{ op: 'Add', path: manager, value: [{ $ref: `../Users/${managerB}`, value: managerB }] }]);
    assert.equal(asArray.status, 200, asArray.text);
    const stored = ((await storedUser(fixture, client, id)).resource[ENTERPRISE_SCHEMA] as Json).manager as Json;
    assert.equal(stored.value, managerB);
    assert.equal((((await client.readUser(id))[ENTERPRISE_SCHEMA] as Json).manager as Json).value, managerB);

    const cleared = await client.patch(`/Users/${id}`, [{ op: 'Remove', path: manager }]);
    assert.equal(cleared.status, 200, cleared.text);
    assert.equal(((await storedUser(fixture, client, id)).resource[ENTERPRISE_SCHEMA] as Json | undefined)?.manager, undefined);
  });

  test('manager by the unqualified path "manager" (older sample code) and by the dotted URN form (API-driven inbound)', async () => {
    const client = entra();
    const managerA = await createEntraUser(client, 'dotted.manager.a@contoso.example', 'dotted-mgr-a');
    const managerB = await createEntraUser(client, 'dotted.manager.b@contoso.example', 'dotted-mgr-b');
    const id = await createEntraUser(client, 'dotted.report@contoso.example', 'dotted-report');
    const managerOf = async () => ((await storedUser(fixture, client, id)).resource[ENTERPRISE_SCHEMA] as Json | undefined)?.manager;

    const unqualified = await client.patch(`/Users/${id}`, [{ op: 'Add', path: 'manager', value: [{ $ref: null, value: managerA }] }]);
    assert.equal(unqualified.status, 200, unqualified.text);
    assert.deepEqual(await managerOf(), { value: managerA });
    assert.deepEqual((unqualified.body[ENTERPRISE_SCHEMA] as Json).manager, { value: managerA });
    assert.equal(unqualified.body.manager, undefined, 'no top-level "manager" appears');

    const dotted = await client.patch(`/Users/${id}`, [{ op: 'replace', path: `${ENTERPRISE_SCHEMA}.manager`, value: managerB }]);
    assert.equal(dotted.status, 200, dotted.text);
    assert.deepEqual(await managerOf(), { value: managerB });
    const row = await storedUser(fixture, client, id);
    assert.deepEqual(Object.keys(row.resource).filter((key) => key.toLowerCase().startsWith('urn:')), [ENTERPRISE_SCHEMA], 'no "...:2.0" pseudo-extension is created');

    // The reads Entra does next find the manager where it put it.
    const found = await client.list('Users', { filter: `manager.value eq "${managerB}"` });
    assert.deepEqual(found.body.Resources?.map((user) => user.id), [id]);

    const removed = await client.patch(`/Users/${id}`, [{ op: 'Remove', path: 'manager' }]);
    assert.equal(removed.status, 200, removed.text);
    assert.equal(await managerOf(), undefined);
  });

  test('roles with primary "True", phone numbers by filter, nulls inside complex values, Remove of a filtered value', async () => {
    const client = entra();
    const id = await createEntraUser(client, 'roles@contoso.example', 'roles', {
      name: { formatted: null, familyName: 'Roles', givenName: 'Has', middleName: null },
      addresses: [{ type: 'work', streetAddress: null, locality: 'Redmond', country: null }],
    });
    let row = await storedUser(fixture, client, id);
    assert.deepEqual(row.resource.name, { familyName: 'Roles', givenName: 'Has' });
    assert.deepEqual(row.resource.addresses, [{ type: 'work', locality: 'Redmond' }]);

    const response = await client.patch(`/Users/${id}`, [
      { op: 'Add', path: 'roles', value: [{ primary: 'True', type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' }] },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0101' },
      { op: 'Replace', path: 'phoneNumbers[type eq "fax"].value', value: '+1 555 0102' },
      { op: 'Replace', path: 'addresses[type eq "work"].country', value: 'US' },
    ]);
    assert.equal(response.status, 200, response.text);
    row = await storedUser(fixture, client, id);
    assert.deepEqual(row.resource.roles, [{ primary: true, type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' }]);
    assert.deepEqual(row.resource.phoneNumbers, [{ type: 'mobile', value: '+1 555 0101' }, { type: 'fax', value: '+1 555 0102' }]);
    assert.deepEqual(row.resource.addresses, [{ type: 'work', locality: 'Redmond', country: 'US' }]);

    const removed = await client.patch(`/Users/${id}`, [{ op: 'Remove', path: 'phoneNumbers[type eq "fax"]' }]);
    assert.equal(removed.status, 200, removed.text);
    assert.deepEqual((await storedUser(fixture, client, id)).resource.phoneNumbers, [{ type: 'mobile', value: '+1 555 0101' }]);
  });

  test('disable with {"op":"Replace","path":"active","value":"False"} stores boolean false; the user stays readable', async () => {
    const client = entra();
    const id = await createEntraUser(client, 'disabled@contoso.example', 'disabled');
    const response = await client.patch(`/Users/${id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.active, false);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.active, false);
    assert.equal(row.resource.active, false, 'a real boolean, not the string "False"');
    const typed = await fixture.server().server.services.db.pool.query<{ kind: string }>(
      "SELECT jsonb_typeof(resource->'active') AS kind FROM directory_users WHERE directory_id = $1 AND id = $2",
      [client.directory.directoryId, id],
    );
    assert.equal(typed.rows[0]?.kind, 'boolean');

    const read = await client.readUser(id);
    assert.equal(read.active, false);
    const filtered = await client.list('Users', { filter: 'userName eq "disabled@contoso.example"' });
    assert.deepEqual(filtered.body.Resources?.map((user) => [user.id, user.active]), [[id, false]]);
    const enabled = await client.patch(`/Users/${id}`, [{ op: 'Replace', path: 'active', value: 'True' }]);
    assert.equal(enabled.status, 200, enabled.text);
    assert.equal((await storedUser(fixture, client, id)).active, true);
  });

  test('group create with the ADSCIM schema URN; reads with excludedAttributes=members; lookup by displayName', async () => {
    const client = entra();
    const created = await client.post('/Groups', {
      schemas: [GROUP_SCHEMA, ADSCIM_GROUP],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Entra Group One',
      meta: { resourceType: 'Group' },
    });
    assert.equal(created.status, 201, created.text);
    const groupId = String(created.body.id);
    const stored = await storedGroup(fixture, client, groupId);
    assert.equal(stored.display_name, 'Entra Group One');
    assert.equal(stored.external_id, '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159');
    assert.ok((stored.resource.schemas as string[]).includes(ADSCIM_GROUP), 'the Microsoft schema URN is kept');

    const byName = await client.list('Groups', { excludedAttributes: 'members', filter: 'displayName eq "Entra Group One"' });
    assert.equal(byName.status, 200, byName.text);
    assert.deepEqual(byName.body.Resources?.map((group) => group.id), [groupId]);
    assert.equal(byName.body.Resources?.[0]?.members, undefined);
    const byExternalId = await client.list('Groups', { excludedAttributes: 'members', filter: 'externalId eq "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"' });
    assert.deepEqual(byExternalId.body.Resources?.map((group) => group.id), [groupId]);
    const single = await client.get(`/Groups/${groupId}?excludedAttributes=members`);
    assert.equal(single.status, 200, single.text);
    assert.equal(single.body.displayName, 'Entra Group One');
    assert.equal(single.body.members, undefined);
  });

  test('member add with "$ref": null, Remove members with a value array removes only those; rename', async () => {
    const client = entra();
    const users = await client.createUsers('entra-members-', 4);
    const groupId = await client.createGroup('Entra Members');
    const add = await client.patch(`/Groups/${groupId}`, [{ op: 'Add', path: 'members', value: users.map((value) => ({ $ref: null, value })) }]);
    assert.ok(add.status === 204 || add.status === 200, add.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users));

    const remove = await client.patch(`/Groups/${groupId}`, [{ op: 'Remove', path: 'members', value: [{ value: users[0] }, { value: users[2] }] }]);
    assert.ok(remove.status === 204 || remove.status === 200, remove.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted([users[1] ?? '', users[3] ?? '']));
    assert.deepEqual(await client.memberIds(groupId), sorted([users[1] ?? '', users[3] ?? '']));

    const rename = await client.patch(`/Groups/${groupId}`, [{ op: 'Replace', path: 'displayName', value: 'Entra Members Renamed' }]);
    assert.ok(rename.status === 204 || rename.status === 200, rename.text);
    assert.equal((await storedGroup(fixture, client, groupId)).display_name, 'Entra Members Renamed');
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted([users[1] ?? '', users[3] ?? '']), 'a rename keeps the members');
  });

  test('a displayName with quotes and a backslash is found by an escaped filter; removing a non-member is a no-op', async () => {
    const client = entra();
    const name = 'Sales & "Marketing" \\ EMEA';
    const groupId = await client.createGroup(name);
    const filter = `displayName eq ${JSON.stringify(name)}`;
    const found = await client.list('Groups', { excludedAttributes: 'members', filter });
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(found.body.Resources?.map((group) => group.id), [groupId]);

    const [userId] = await client.createUsers('entra-nonmember-', 1);
    const remove = await client.patch(`/Groups/${groupId}`, [{ op: 'Remove', path: 'members', value: [{ value: userId }] }]);
    assert.ok(remove.status === 204 || remove.status === 200, remove.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), []);
  });

  test('100 concurrent single-member PATCHes (10 at a time) on one group lose no membership', async () => {
    const client = entra();
    const users = await client.createUsers('entra-concurrent-', 100, 10);
    const groupId = await client.createGroup('Entra Concurrent');
    const statuses = await mapConcurrently(users, 10, async (value) => {
      const response = await client.patch(`/Groups/${groupId}`, [{ op: 'Add', path: 'members', value: [{ $ref: null, value }] }]);
      return response.status;
    });
    assert.ok(statuses.every((status) => status === 204 || status === 200), `statuses: ${[...new Set(statuses)].join(',')}`);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users));

    // And as many concurrent removes of half of them.
    const leaving = users.filter((_, index) => index % 2 === 0);
    await mapConcurrently(leaving, 10, (value) => client.patch(`/Groups/${groupId}`, [{ op: 'Remove', path: 'members', value: [{ value }] }]));
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users.filter((_, index) => index % 2 === 1)));
  });
});
