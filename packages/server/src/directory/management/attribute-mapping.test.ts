import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMappings, compileMapping, compileMappings } from './attribute-mapping.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ACME = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';

const user = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, ACME],
  userName: 'ada@example.com',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  title: 'Countess',
  emails: [
    { value: 'ada@home.example', type: 'home' },
    { value: 'ada@work.example', type: 'work', primary: true },
  ],
  [ENTERPRISE]: { department: 'Engineering', employeeNumber: '7', manager: { value: 'u-2', displayName: 'Babbage' } },
  // Unknown extensions are kept as the client sent them, in any case.
  'urn:ietf:params:scim:schemas:extension:ACME:2.0:User': { costCenter: 'CC-9', level: 3 },
};

test('a mapping key is a SCIM attribute path; map_to a custom attribute or a standard field', () => {
  const cases: { key: string; map_to: string; error?: 'key' | 'map_to' }[] = [
    { key: 'title', map_to: 'custom_attributes.title' },
    { key: 'name.givenName', map_to: 'given_name' },
    { key: 'emails[type eq "work"].value', map_to: 'email' },
    { key: `${ENTERPRISE}:department`, map_to: 'custom_attributes.department' },
    { key: `${ENTERPRISE}:manager.displayName`, map_to: 'custom_attributes.manager' },
    { key: `${ACME}:costCenter`, map_to: 'custom_attributes.cost_center' },
    { key: 'noSuchAttribute', map_to: 'custom_attributes.x', error: 'key' },
    { key: 'name.nickname', map_to: 'custom_attributes.x', error: 'key' },
    { key: ENTERPRISE, map_to: 'custom_attributes.x', error: 'key' },
    { key: 'groups', map_to: 'custom_attributes.x', error: 'key' },
    { key: 'password', map_to: 'custom_attributes.x', error: 'key' },
    { key: 'emails[type eq', map_to: 'custom_attributes.x', error: 'key' },
    { key: 'title', map_to: 'title', error: 'map_to' },
    { key: 'title', map_to: 'custom_attributes.', error: 'map_to' },
    { key: 'title', map_to: 'custom_attributes.__proto__', error: 'map_to' },
    { key: 'title', map_to: 'custom_attributes.a.b', error: 'map_to' },
  ];
  for (const { key, map_to, error } of cases) {
    const compiled = compileMapping({ key, map_to });
    if (error) assert.equal(compiled.ok ? 'ok' : compiled.error.field, error, `${key} -> ${map_to}`);
    else assert.ok(compiled.ok, `${key} -> ${map_to}: ${compiled.ok ? '' : compiled.error.message}`);
  }
});

test('mappings read core, enterprise, filtered and unknown-extension values from a stored user', () => {
  const mappings = compileMappings([
    { key: 'title', map_to: 'custom_attributes.title' },
    { key: 'emails[type eq "work"].value', map_to: 'email' },
    { key: 'emails.value', map_to: 'custom_attributes.all_emails' },
    { key: `${ENTERPRISE}:department`, map_to: 'custom_attributes.department' },
    { key: `${ENTERPRISE}:employeeNumber`, map_to: 'preferred_username' },
    { key: `${ENTERPRISE}:manager.displayName`, map_to: 'custom_attributes.manager' },
    { key: `${ACME}:costCenter`, map_to: 'custom_attributes.cost_center' },
    { key: `${ACME}:level`, map_to: 'name' },
    { key: 'nickName', map_to: 'custom_attributes.nick' },
  ]);
  assert.equal(mappings.length, 9);
  const mapped = applyMappings(user, mappings);
  assert.deepEqual(mapped.standard, { email: 'ada@work.example', preferred_username: '7', name: '3' });
  assert.deepEqual(mapped.custom, {
    title: 'Countess',
    all_emails: ['ada@home.example', 'ada@work.example'],
    department: 'Engineering',
    manager: 'Babbage',
    cost_center: 'CC-9',
  });
});
