import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GROUP_RESOURCE, USER_RESOURCE, type ResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA as ENTERPRISE, GROUP_SCHEMA, USER_SCHEMA } from '../schema/urns.js';
import { parseAttributeList, projectAttributes, type ProjectionOptions } from './project-attributes.js';

const META = { resourceType: 'User', created: '2024-01-01T00:00:00Z', lastModified: '2024-01-02T00:00:00Z', location: 'https://x/Users/1', version: 'W/"1"' };
const USER: Record<string, unknown> = {
  schemas: [USER_SCHEMA, ENTERPRISE],
  id: 'u-1',
  externalId: 'e-1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [
    { value: 'emailName357', type: 'work', primary: true },
    { value: 'home@example.com', type: 'home' },
  ],
  groups: [{ value: 'g-1', display: 'Eng' }],
  adreses: [{ country: 'Germany' }],
  [ENTERPRISE]: { department: 'Sales', manager: { value: 'm-1' } },
  meta: META,
};
const GROUP: Record<string, unknown> = {
  schemas: [GROUP_SCHEMA],
  id: 'g-1',
  displayName: 'Eng',
  members: [{ value: 'u-1', type: 'User' }],
  meta: { ...META, resourceType: 'Group' },
};

interface Case {
  name: string;
  type?: ResourceType;
  resource?: Record<string, unknown>;
  options: ProjectionOptions;
  expect: Record<string, unknown>;
}

const cases: Case[] = [
  { name: 'no parameters returns every default attribute', options: {}, expect: USER },
  { name: 'password (returned: never) is never returned', resource: { ...USER, password: 'x' }, options: {}, expect: USER },
  {
    name: 'microsoft: attributes=userName,emails returns those plus id and schemas',
    options: { attributes: ['userName', 'emails'] },
    expect: { schemas: USER.schemas, id: 'u-1', userName: 'bjensen', emails: USER.emails },
  },
  { name: 'attribute names are case-insensitive', options: { attributes: ['USERNAME'] }, expect: { schemas: USER.schemas, id: 'u-1', userName: 'bjensen' } },
  { name: 'a sub-attribute: name.givenName', options: { attributes: ['name.givenName'] }, expect: { schemas: USER.schemas, id: 'u-1', name: { givenName: 'Barbara' } } },
  {
    name: 'a sub-attribute of a multi-valued attribute: emails.value',
    options: { attributes: ['emails.value'] },
    expect: { schemas: USER.schemas, id: 'u-1', emails: [{ value: 'emailName357' }, { value: 'home@example.com' }] },
  },
  {
    name: 'microsoft: attributes=emails[type eq "work"] returns the work email',
    options: { attributes: ['emails[type eq "work"]'] },
    expect: { schemas: USER.schemas, id: 'u-1', emails: [{ value: 'emailName357', type: 'work', primary: true }] },
  },
  {
    name: 'microsoft: attributes=emails[value eq "emailName357"] returns that email',
    options: { attributes: ['emails[value eq "emailName357"]'] },
    expect: { schemas: USER.schemas, id: 'u-1', emails: [{ value: 'emailName357', type: 'work', primary: true }] },
  },
  {
    name: 'a user without a matching email returns no emails',
    options: { attributes: ['emails[type eq "other"]'] },
    expect: { schemas: USER.schemas, id: 'u-1' },
  },
  {
    name: 'a URN-qualified attribute',
    options: { attributes: [`${ENTERPRISE}:department`] },
    expect: { schemas: USER.schemas, id: 'u-1', [ENTERPRISE]: { department: 'Sales' } },
  },
  {
    name: 'a URN-qualified sub-attribute: manager.value',
    options: { attributes: [`${ENTERPRISE.toLowerCase()}:manager.value`] },
    expect: { schemas: USER.schemas, id: 'u-1', [ENTERPRISE]: { manager: { value: 'm-1' } } },
  },
  { name: 'a whole extension URN', options: { attributes: [ENTERPRISE] }, expect: { schemas: USER.schemas, id: 'u-1', [ENTERPRISE]: USER[ENTERPRISE] as object } },
  { name: 'a core URN-qualified attribute', options: { attributes: [`${USER_SCHEMA}:userName`] }, expect: { schemas: USER.schemas, id: 'u-1', userName: 'bjensen' } },
  { name: 'meta is returned only when asked (returned: default)', options: { attributes: ['meta.lastModified'] }, expect: { schemas: USER.schemas, id: 'u-1', meta: { lastModified: META.lastModified } } },
  { name: 'unknown names are ignored', options: { attributes: ['nothing', 'x.y.z', 'emails[bad'] }, expect: { schemas: USER.schemas, id: 'u-1' } },
  { name: 'an unknown attribute the resource keeps can be asked for', options: { attributes: ['adreses'] }, expect: { schemas: USER.schemas, id: 'u-1', adreses: [{ country: 'Germany' }] } },
  {
    name: 'entra: excludedAttributes=members on a group',
    type: GROUP_RESOURCE, resource: GROUP,
    options: { excludedAttributes: ['members'] },
    expect: { schemas: [GROUP_SCHEMA], id: 'g-1', displayName: 'Eng', meta: GROUP.meta },
  },
  {
    name: 'no parameters: members.display (returned: request) is left out; asked for, it is there',
    type: GROUP_RESOURCE, resource: { ...GROUP, members: [{ value: 'u-1', type: 'User', display: 'Ada' }] },
    options: {},
    expect: GROUP,
  },
  {
    name: 'members.display when the attributes parameter names it',
    type: GROUP_RESOURCE, resource: { ...GROUP, members: [{ value: 'u-1', type: 'User', display: 'Ada' }] },
    options: { attributes: ['members.value', 'members.display'] },
    expect: { schemas: [GROUP_SCHEMA], id: 'g-1', members: [{ value: 'u-1', display: 'Ada' }] },
  },
  { name: 'id and schemas cannot be excluded', type: GROUP_RESOURCE, resource: GROUP, options: { excludedAttributes: ['id', 'schemas', 'members', 'meta'] }, expect: { schemas: [GROUP_SCHEMA], id: 'g-1', displayName: 'Eng' } },
  {
    name: 'excluding a sub-attribute and an extension attribute',
    options: { excludedAttributes: ['name.familyName', `${ENTERPRISE}:manager`, 'groups', 'meta', 'adreses', 'emails'] },
    expect: { schemas: USER.schemas, id: 'u-1', externalId: 'e-1', userName: 'bjensen', name: { givenName: 'Barbara' }, [ENTERPRISE]: { department: 'Sales' } },
  },
  {
    name: 'excluding a whole extension',
    options: { excludedAttributes: [ENTERPRISE, 'meta', 'groups', 'emails', 'adreses', 'name'] },
    expect: { schemas: USER.schemas, id: 'u-1', externalId: 'e-1', userName: 'bjensen' },
  },
  {
    name: 'excluding emails[type eq "home"] drops only the home email',
    options: { attributes: ['emails'], excludedAttributes: ['emails[type eq "home"]'] },
    expect: { schemas: USER.schemas, id: 'u-1', emails: [{ value: 'emailName357', type: 'work', primary: true }] },
  },
  { name: 'an empty attributes list means no attributes parameter', options: { attributes: [] }, expect: USER },
];

describe('projectAttributes', () => {
  for (const c of cases) {
    it(c.name, () => {
      const resource = structuredClone(c.resource ?? USER);
      const result = projectAttributes(c.type ?? USER_RESOURCE, resource, c.options);
      assert.deepEqual(result, c.expect);
      assert.deepEqual(resource, c.resource ?? USER, 'the input must not be modified');
    });
  }
});

describe('projectAttributes without parameters (the copy-free default path)', () => {
  // The same resources through the general path: an exclusion that matches nothing selects it.
  const samples: [ResourceType, Record<string, unknown>][] = [
    [USER_RESOURCE, USER],
    [USER_RESOURCE, { ...USER, password: 'secret', groups: [], nickName: null, title: '', [ENTERPRISE]: { department: 'Sales', costCenter: null, manager: {} } }],
    [USER_RESOURCE, { ...USER, UserName: 'casing', EMAILS: [{ value: 'x@example.com' }], [ENTERPRISE.toUpperCase()]: { Department: 'Ops' } }],
    [GROUP_RESOURCE, GROUP],
    [GROUP_RESOURCE, { ...GROUP, members: [] }],
  ];
  for (const [index, [type, resource]] of samples.entries()) {
    it(`sample ${index + 1} projects as the general path does`, () => {
      assert.deepEqual(projectAttributes(type, structuredClone(resource), {}), projectAttributes(type, structuredClone(resource), { excludedAttributes: ['noSuchAttribute'] }));
    });
  }
});

describe('parseAttributeList', () => {
  const table: [string | undefined, string[] | undefined][] = [
    [undefined, undefined],
    ['', undefined],
    [' , ', undefined],
    ['userName,emails', ['userName', 'emails']],
    [' userName , name.givenName ', ['userName', 'name.givenName']],
    ['emails[type eq "work" and value co ","],userName', ['emails[type eq "work" and value co ","]', 'userName']],
    [`${ENTERPRISE}:department`, [`${ENTERPRISE}:department`]],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => assert.deepEqual(parseAttributeList(input), expected));
  }
});
