import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../support/each-store.js';
import { GROUP_SCHEMA, USER_SCHEMA, memberRows, providerDirectory, sorted, storedGroup, storedUser, type Json } from './provider-helpers.js';

// OneLogin's SCIM provisioner: the generic RFC 7644 client (PATCH with paths, PUT for full
// updates) plus the no-path replace (docs/providers.md, "OneLogin, JumpCloud, PingIdentity").

const ONELOGIN = { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' };

describeEachStore('OneLogin', (fixture) => {
  const onelogin = providerDirectory(fixture, 'ONELOGIN', ONELOGIN);

  const userBody = (userName: string, extra: Json = {}): Json => ({
    schemas: [USER_SCHEMA],
    userName,
    externalId: `ol-${userName}`,
    name: { givenName: 'One', familyName: 'Login' },
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
    ...extra,
  });

  test('PATCH with paths: replace, add to a multi-valued attribute, remove', async () => {
    const client = onelogin();
    const created = await client.post('/Users', userBody('paths@onelogin.example', { title: 'Analyst' }));
    assert.equal(created.status, 201, created.text);
    const id = String(created.body.id);
    const response = await client.patch(`/Users/${id}`, [
      { op: 'replace', path: 'name.givenName', value: 'Uno' },
      { op: 'add', path: 'emails', value: [{ value: 'home@onelogin.example', type: 'home' }] },
      { op: 'add', path: 'phoneNumbers', value: [{ value: '+1 555 0100', type: 'work' }] },
      { op: 'remove', path: 'title' },
      { op: 'replace', path: 'active', value: false },
    ]);
    assert.equal(response.status, 200, response.text);
    const row = await storedUser(fixture, client, id);
    assert.equal((row.resource.name as Json).givenName, 'Uno');
    assert.equal((row.resource.name as Json).familyName, 'Login');
    assert.deepEqual(row.resource.emails, [
      { value: 'paths@onelogin.example', type: 'work', primary: true },
      { value: 'home@onelogin.example', type: 'home' },
    ]);
    assert.deepEqual(row.emails, ['paths@onelogin.example', 'home@onelogin.example']);
    assert.equal(row.primary_email, 'paths@onelogin.example');
    assert.deepEqual(row.resource.phoneNumbers, [{ value: '+1 555 0100', type: 'work' }]);
    assert.equal(row.resource.title, undefined);
    assert.equal(row.active, false);
  });

  test('PUT for a full update replaces the user', async () => {
    const client = onelogin();
    const created = await client.post('/Users', userBody('put@onelogin.example', { title: 'Analyst', nickName: 'Puts' }));
    const id = String(created.body.id);
    const put = await client.put(`/Users/${id}`, userBody('put.renamed@onelogin.example', { displayName: 'Put Renamed' }));
    assert.equal(put.status, 200, put.text);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.user_name, 'put.renamed@onelogin.example');
    assert.equal(row.resource.displayName, 'Put Renamed');
    assert.equal(row.resource.title, undefined, 'attributes left out of a PUT are cleared');
    assert.equal(row.resource.nickName, undefined);
    const found = await client.list('Users', { filter: 'userName eq "put.renamed@onelogin.example"' });
    assert.deepEqual(found.body.Resources?.map((user) => user.id), [id]);
  });

  test('no-path replace on a user and on a group', async () => {
    const client = onelogin();
    const created = await client.post('/Users', userBody('nopath@onelogin.example'));
    const id = String(created.body.id);
    const response = await client.patch(`/Users/${id}`, [{ op: 'replace', value: { displayName: 'No Path', title: 'Lead', name: { givenName: 'Nop' } } }]);
    assert.equal(response.status, 200, response.text);
    const row = await storedUser(fixture, client, id);
    assert.equal(row.resource.displayName, 'No Path');
    assert.equal(row.resource.title, 'Lead');
    // A complex attribute in a replace is merged sub-attribute by sub-attribute (RFC 7644 3.5.2.3).
    assert.deepEqual(row.resource.name, { givenName: 'Nop', familyName: 'Login' });

    const users = await client.createUsers('onelogin-group-', 2);
    const group = await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'OneLogin Group', members: [{ value: users[0] }] });
    const groupId = String(group.body.id);
    const rename = await client.patch(`/Groups/${groupId}`, [{ op: 'replace', value: { displayName: 'OneLogin Group Renamed' } }]);
    assert.ok(rename.status === 204 || rename.status === 200, rename.text);
    assert.equal((await storedGroup(fixture, client, groupId)).display_name, 'OneLogin Group Renamed');
    assert.deepEqual(await memberRows(fixture, client, groupId), [users[0]]);

    const put = await client.put(`/Groups/${groupId}`, { schemas: [GROUP_SCHEMA], displayName: 'OneLogin Group Renamed', members: users.map((value) => ({ value })) });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(await memberRows(fixture, client, groupId), sorted(users));
  });
});
