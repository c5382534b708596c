import assert from 'node:assert/strict';
import { test } from 'node:test';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { createResource, ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, type Json } from './support/scim-fixtures.js';

// What a schema-driven client (python's scim2-tester, say) does: write an attribute, read the
// resource back, and compare what it sent with what it got. An attribute PATCH removed reads back
// absent (RFC 7643 section 2.5), and what the server fills in itself is readOnly in /Schemas or
// not returned unless asked for.

const FULL_USER: Json = {
  schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
  externalId: 'ext-readback',
  name: { givenName: 'Ada', familyName: 'Lovelace', middleName: 'King' },
  displayName: 'Ada Lovelace',
  nickName: 'Ada',
  profileUrl: 'https://example.com/ada',
  title: 'Countess',
  userType: 'Employee',
  preferredLanguage: 'en-GB',
  locale: 'en-GB',
  timezone: 'Europe/London',
  active: true,
  emails: [{ value: 'ada@readback.example', type: 'work', primary: true }],
  phoneNumbers: [{ value: '+44 20 7946 0000', type: 'work' }],
  ims: [{ value: 'ada', type: 'xmpp' }],
  photos: [{ value: 'https://example.com/ada.png', type: 'photo' }],
  addresses: [{ type: 'work', streetAddress: '12 St James Square', locality: 'London', country: 'GB' }],
  entitlements: [{ value: 'analytical-engine' }],
  roles: [{ value: 'mathematician' }],
  x509Certificates: [{ value: 'TUlJQ...' }],
  [ENTERPRISE_SCHEMA]: { employeeNumber: '1815', costCenter: 'CC', organization: 'Babbage', division: 'Engines', department: 'Notes' },
};

/** Every attribute of FULL_USER a client may remove, as the path it would send and where it is read back. */
const REMOVABLE: Array<{ path: string; read: (user: Json) => unknown }> = [
  ...Object.keys(FULL_USER)
    .filter((key) => key !== 'schemas' && !key.startsWith('urn:'))
    .map((key) => ({ path: key, read: (user: Json) => user[key] })),
  { path: 'name.middleName', read: (user) => (user.name as Json | undefined)?.middleName },
  ...Object.keys(FULL_USER[ENTERPRISE_SCHEMA] as Json).map((key) => ({ path: `${ENTERPRISE_SCHEMA}:${key}`, read: (user: Json) => (user[ENTERPRISE_SCHEMA] as Json | undefined)?.[key] })),
];

describeEachStore('what a client writes is what it reads back', (fixture) => {
  const endpoint = () => ({ scim: fixture.directory().scim, token: fixture.directory().token });
  const patch = (type: 'Users' | 'Groups', id: string, operations: Json[], query = '') =>
    http<Json>('PATCH', `${endpoint().scim}/${type}/${id}${query}`, { token: endpoint().token, body: { schemas: [PATCH_SCHEMA], Operations: operations } });
  const read = async (type: 'Users' | 'Groups', id: string, query = '') => {
    const response = await http<Json>('GET', `${endpoint().scim}/${type}/${id}${query}`, { token: endpoint().token });
    assert.equal(response.status, 200, response.text);
    return response.body;
  };

  test('every attribute a PATCH removes reads back absent, active included, in the PATCH answer and on GET', async () => {
    for (const [index, { path, read: valueOf }] of REMOVABLE.entries()) {
      const user = await createResource(endpoint(), 'Users', { ...FULL_USER, userName: `readback-${index}@example.com` });
      const id = String(user.id);
      assert.notEqual(valueOf(user), undefined, `${path} is there before the remove`);
      const removed = await patch('Users', id, [{ op: 'remove', path }]);
      assert.equal(removed.status, 200, `${path}: ${removed.text}`);
      assert.equal(valueOf(removed.body), undefined, `${path} is gone from the PATCH answer`);
      const after = await read('Users', id);
      assert.equal(valueOf(after), undefined, `${path} is gone on GET: ${JSON.stringify(valueOf(after))}`);
      if (path === 'active') assert.ok(!('active' in after), 'no "active" key at all');
    }
  });

  test('a user never given active, or in no group, reads back without them', async () => {
    const user = await createResource(endpoint(), 'Users', { schemas: [USER_SCHEMA], userName: 'bare@readback.example' });
    const after = await read('Users', String(user.id));
    assert.deepEqual(Object.keys(after).sort(), ['id', 'meta', 'schemas', 'userName']);
  });

  test('removing every member reads back a group without members; its other attributes stay', async () => {
    const member = await createResource(endpoint(), 'Users', { schemas: [USER_SCHEMA], userName: 'member@readback.example', displayName: 'Member One' });
    const group = await createResource(endpoint(), 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Readback', externalId: 'g-readback', members: [{ value: String(member.id) }] });
    const id = String(group.id);
    assert.equal(((await read('Groups', id)).members as Json[]).length, 1);
    assert.equal((await patch('Groups', id, [{ op: 'remove', path: 'members' }])).status, 204);
    const emptied = await read('Groups', id);
    assert.ok(!('members' in emptied), JSON.stringify(emptied));
    assert.equal((await patch('Groups', id, [{ op: 'remove', path: 'externalId' }])).status, 204);
    assert.ok(!('externalId' in (await read('Groups', id))));
  });

  test('members read back as the client wrote them; display, which the server fills in, is readOnly and only returned when asked for', async () => {
    const schema = await http<Json>('GET', `${endpoint().scim}/Schemas/${GROUP_SCHEMA}`, { token: endpoint().token });
    const members = (schema.body.attributes as Json[]).find((attribute) => attribute.name === 'members');
    const display = (members?.subAttributes as Json[]).find((sub) => sub.name === 'display');
    assert.deepEqual([display?.mutability, display?.returned], ['readOnly', 'request']);

    const ada = await createResource(endpoint(), 'Users', { schemas: [USER_SCHEMA], userName: 'ada@members.example', displayName: 'Ada L' });
    const bob = await createResource(endpoint(), 'Users', { schemas: [USER_SCHEMA], userName: 'bob@members.example' });
    const group = await createResource(endpoint(), 'Groups', { schemas: [GROUP_SCHEMA], displayName: 'Members read back' });
    const id = String(group.id);
    const location = (user: Json) => String((user.meta as Json).location);
    // As scim2-tester fills it in: value, $ref and type (every member sub-attribute that is not readOnly).
    const written = [
      { value: String(ada.id), $ref: location(ada), type: 'User' },
      { value: String(bob.id), $ref: location(bob), type: 'User' },
    ];
    const patched = await patch('Groups', id, [{ op: 'add', path: 'members', value: written }], '?attributes=members');
    assert.equal(patched.status, 200, patched.text);
    const byValue = (list: unknown) => [...(list as Json[])].sort((a, b) => String(a.value).localeCompare(String(b.value)));
    assert.deepEqual(byValue(patched.body.members), byValue(written), 'the PATCH answer');
    assert.deepEqual(byValue((await read('Groups', id)).members), byValue(written), 'GET');

    // A client that sends its own display (Okta does) gets the same; asking for display shows the server's.
    await patch('Groups', id, [{ op: 'replace', path: 'members', value: written.map((member) => ({ ...member, display: 'what the client thinks' })) }]);
    assert.deepEqual(byValue((await read('Groups', id)).members), byValue(written));
    const asked = await read('Groups', id, '?attributes=members.value,members.display');
    assert.deepEqual(byValue(asked.members), byValue([{ value: String(ada.id), display: 'Ada L' }, { value: String(bob.id), display: 'bob@members.example' }]));
  });
});
