import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../support/each-store.js';
import { ENTERPRISE_SCHEMA, LIST_SCHEMA, USER_SCHEMA, providerDirectory, storedUser, type Json } from './provider-helpers.js';

// docs/providers.md, "Any client": what any client may send, whichever provider it is.

const ACME_EXTENSION = 'urn:example:params:scim:schemas:extension:acme:2.0:User';

describeEachStore('Any provider', (fixture) => {
  const any = providerDirectory(fixture, 'OTHER');

  test('attribute names and URNs are case-insensitive in bodies, paths, ops and filters', async () => {
    const client = any();
    const created = await client.post('/Users', {
      SCHEMAS: [USER_SCHEMA.toUpperCase(), ENTERPRISE_SCHEMA.toUpperCase()],
      USERNAME: 'Case.User@example.com',
      Name: { GivenName: 'Case', FAMILYNAME: 'User' },
      Emails: [{ Value: 'case.user@example.com', TYPE: 'work', Primary: true }],
      ACTIVE: true,
      [ENTERPRISE_SCHEMA.toUpperCase()]: { EmployeeNumber: '11' },
    });
    assert.equal(created.status, 201, created.text);
    const id = String(created.body.id);
    let row = await storedUser(fixture, client, id);
    assert.equal(row.user_name, 'Case.User@example.com');
    assert.deepEqual(row.resource.name, { givenName: 'Case', familyName: 'User' });
    assert.deepEqual(row.resource.emails, [{ value: 'case.user@example.com', type: 'work', primary: true }]);
    assert.deepEqual(row.resource[ENTERPRISE_SCHEMA], { employeeNumber: '11' });
    assert.deepEqual(row.resource.schemas, [USER_SCHEMA, ENTERPRISE_SCHEMA]);
    assert.equal(row.resource.USERNAME, undefined);

    const patched = await client.request('PATCH', `/Users/${id}`, {
      SCHEMAS: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      operations: [
        { OP: 'REPLACE', PATH: 'Name.GivenName', VALUE: 'Cased' },
        { op: 'Replace', path: 'USERNAME', value: 'case.renamed@example.com' },
        { op: 'replace', path: `${ENTERPRISE_SCHEMA.toUpperCase()}:EMPLOYEENUMBER`, value: '12' },
        { op: 'replace', path: 'EMAILS[TYPE eq "work"].VALUE', value: 'case.renamed@example.com' },
      ],
    });
    assert.equal(patched.status, 200, patched.text);
    row = await storedUser(fixture, client, id);
    assert.deepEqual(row.resource.name, { givenName: 'Cased', familyName: 'User' });
    assert.equal(row.user_name, 'case.renamed@example.com');
    assert.deepEqual(row.resource[ENTERPRISE_SCHEMA], { employeeNumber: '12' });
    assert.deepEqual(row.resource.emails, [{ value: 'case.renamed@example.com', type: 'work', primary: true }]);

    for (const filter of ['USERNAME eq "CASE.RENAMED@example.com"', 'name.GIVENNAME eq "cased"', `${ENTERPRISE_SCHEMA.toUpperCase()}:employeeNumber eq "12"`]) {
      const found = await client.list('Users', { filter });
      assert.equal(found.status, 200, `${filter}: ${found.text}`);
      assert.deepEqual(found.body.Resources?.map((user) => user.id), [id], filter);
    }
    const projected = await client.get(`/Users/${id}?attributes=USERNAME,Name.FamilyName`);
    assert.equal(projected.body.userName, 'case.renamed@example.com');
    assert.deepEqual(projected.body.name, { familyName: 'User' });
  });

  test('an unknown extension URN in schemas is kept; its attributes are stored, returned and patchable', async () => {
    const client = any();
    const created = await client.post('/Users', {
      schemas: [USER_SCHEMA, ACME_EXTENSION],
      userName: 'acme.user@example.com',
      [ACME_EXTENSION]: { costCode: 'CC-1', badges: ['red', 'blue'] },
    });
    assert.equal(created.status, 201, created.text);
    const id = String(created.body.id);
    const row = await storedUser(fixture, client, id);
    assert.ok((row.resource.schemas as string[]).includes(ACME_EXTENSION));
    assert.deepEqual(row.resource[ACME_EXTENSION], { costCode: 'CC-1', badges: ['red', 'blue'] });
    const read = await client.readUser(id);
    assert.ok((read.schemas as string[]).includes(ACME_EXTENSION));
    assert.deepEqual(read[ACME_EXTENSION], { costCode: 'CC-1', badges: ['red', 'blue'] });

    const patched = await client.patch(`/Users/${id}`, [{ op: 'replace', path: `${ACME_EXTENSION}:costCode`, value: 'CC-2' }]);
    assert.equal(patched.status, 200, patched.text);
    assert.equal(((await storedUser(fixture, client, id)).resource[ACME_EXTENSION] as Json).costCode, 'CC-2');
  });

  test('unknown attributes in POST and PUT are kept and returned', async () => {
    const client = any();
    const created = await client.post('/Users', { schemas: [USER_SCHEMA], userName: 'unknown.attrs@example.com', favoriteColor: 'green', badge: { level: 3 } });
    assert.equal(created.status, 201, created.text);
    const id = String(created.body.id);
    let row = await storedUser(fixture, client, id);
    assert.equal(row.resource.favoriteColor, 'green');
    assert.deepEqual(row.resource.badge, { level: 3 });
    assert.equal((await client.readUser(id)).favoriteColor, 'green');

    const put = await client.put(`/Users/${id}`, { schemas: [USER_SCHEMA], userName: 'unknown.attrs@example.com', favoriteColor: 'blue' });
    assert.equal(put.status, 200, put.text);
    row = await storedUser(fixture, client, id);
    assert.equal(row.resource.favoriteColor, 'blue');
    assert.equal(row.resource.badge, undefined);
  });

  test('count=0 answers only totalResults, with no resources', async () => {
    const client = any();
    await client.createUsers('count-zero-', 3);
    const total = (await client.list('Users', { count: 1000 })).body.Resources?.length ?? 0;
    assert.ok(total >= 3);
    const response = await client.list('Users', { count: 0 });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.schemas, [LIST_SCHEMA]);
    assert.equal(response.body.totalResults, total);
    assert.equal(response.body.itemsPerPage, 0);
    assert.deepEqual(response.body.Resources ?? [], []);
    const filtered = await client.list('Users', { count: 0, filter: 'userName sw "count-zero-"' });
    assert.equal(filtered.status, 200, filtered.text);
    assert.equal(filtered.body.totalResults, 3);
    assert.deepEqual(filtered.body.Resources ?? [], []);
  });
});
