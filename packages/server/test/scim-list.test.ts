import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import {
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  LIST_SCHEMA,
  PATCH_SCHEMA,
  SEARCH_SCHEMA,
  USER_SCHEMA,
  createResource,
  enumerateWithCursor,
  listResources,
  sleep,
  type Json,
  type ListBody,
  type ScimEndpoint,
} from './support/scim-fixtures.js';

// The users this suite seeds, kept as a model: every filter's expected answer is computed from it
// by a plain predicate, so a wrong match in SQL shows up as a set difference.
interface SeededUser {
  index: number;
  id: string;
  userName: string;
  externalId: string;
  givenName: string;
  familyName: string;
  active: boolean;
  title?: string;
  emails: { type: string; value: string; primary?: boolean }[];
  department?: string;
  employeeNumber?: string;
}

const USER_COUNT = 30;
const FAMILY = ['Smith', 'Jones', 'Young', 'Brown', 'Garcia'];
const GIVEN = ['Ada', 'Ben', 'Cy', 'Dee', 'Eve', 'Finn'];
const DEPARTMENTS = ['Eng', 'Sales', 'Ops'];
const pad = (index: number) => String(index).padStart(2, '0');

function seedUser(index: number): Omit<SeededUser, 'id'> {
  // Users 10-12 are created with a mixed-case userName: lookups and sorting must fold case.
  const userName = index >= 10 && index <= 12 ? `User${pad(index)}@Example.COM` : `user${pad(index)}@example.com`;
  const emails: SeededUser['emails'] = [];
  if (index < 20) {
    // User 5's HOME address equals user 6's WORK address (Entra's emails[type eq "work"].value trap).
    emails.push({ type: 'work', value: index === 6 ? 'shared@example.com' : `w${pad(index)}@work.example`, primary: index % 2 === 0 });
    emails.push({ type: 'home', value: index === 5 ? 'Shared@Example.com' : `h${pad(index)}@home.example`, primary: index % 2 === 1 });
  } else {
    emails.push({ type: 'work', value: `w${pad(index)}@work.example` });
  }
  const user: Omit<SeededUser, 'id'> = {
    index,
    userName,
    externalId: index === 7 ? 'jyoung' : `ext-${pad(index)}`,
    givenName: GIVEN[index % GIVEN.length] ?? 'Ada',
    familyName: FAMILY[index % FAMILY.length] ?? 'Smith',
    active: index % 3 !== 0,
    emails,
  };
  if (index % 2 === 0) user.title = index % 4 === 0 ? 'Engineer' : 'Manager';
  if (index < 25) {
    user.department = DEPARTMENTS[index % DEPARTMENTS.length] ?? 'Eng';
    user.employeeNumber = String(1000 + index);
  }
  return user;
}

function scimBody(user: Omit<SeededUser, 'id'>): Json {
  const body: Json = {
    schemas: user.department ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    userName: user.userName,
    externalId: user.externalId,
    name: { givenName: user.givenName, familyName: user.familyName },
    displayName: `${user.givenName} ${user.familyName}`,
    active: user.active,
    emails: user.emails,
  };
  if (user.title) body.title = user.title;
  if (user.department) body[ENTERPRISE_SCHEMA] = { department: user.department, employeeNumber: user.employeeNumber };
  return body;
}

const ids = (body: ListBody) => (body.Resources ?? []).map((resource) => String(resource.id));
const sorted = (values: string[]) => [...values].sort();

function assertListShape(body: ListBody, context: string): void {
  assert.deepEqual(body.schemas, [LIST_SCHEMA], context);
  for (const key of ['totalResults', 'startIndex', 'itemsPerPage'] as const) {
    assert.ok(Number.isInteger(body[key]), `${context}: ${key} must be an integer, got ${JSON.stringify(body[key])}`);
  }
  assert.equal(body.itemsPerPage, (body.Resources ?? []).length, `${context}: itemsPerPage counts the page`);
}

describeEachStore('SCIM list, filter, sort and paging', (fixture) => {
  const endpoint = (): ScimEndpoint => fixture.directory();
  const users: SeededUser[] = [];
  const groups: Record<string, string> = {};
  let modifiedAfter = '';

  before(async () => {
    for (let index = 0; index < USER_COUNT; index++) {
      const seed = seedUser(index);
      const created = await createResource(endpoint(), 'Users', scimBody(seed));
      users.push({ ...seed, id: String(created.id) });
    }
    const member = (index: number) => ({ value: users[index]?.id });
    for (const [name, members] of [
      ['Engineering', [0, 1, 2, 3, 4]],
      ['Sales', [5, 6, 7, 8, 9]],
      ['engineering-emea', []],
      ['Empty', []],
    ] as const) {
      const created = await createResource(endpoint(), 'Groups', { schemas: [GROUP_SCHEMA], displayName: name, members: members.map(member) });
      groups[name] = String(created.id);
    }
    // The newest lastModified any client has been shown; users changed after it are 3 and 4.
    const all = await listResources(endpoint(), 'Users', { count: 100 });
    modifiedAfter = (all.body.Resources ?? []).map((user) => String((user.meta as Json).lastModified)).sort().at(-1) ?? '';
    await sleep(20);
    for (const index of [3, 4]) {
      const user = users[index];
      assert.ok(user);
      const patched = await http('PATCH', `${endpoint().scim}/Users/${user.id}`, {
        token: endpoint().token,
        body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'title', value: 'Director' }] },
      });
      assert.equal(patched.status, 200, patched.text);
      user.title = 'Director';
    }
  });

  const userIds = (predicate: (user: SeededUser) => boolean) => sorted(users.filter(predicate).map((user) => user.id));
  const byIndex = (...indexes: number[]) => userIds((user) => indexes.includes(user.index));
  const email = (user: SeededUser, type: string) => user.emails.find((each) => each.type === type)?.value;

  test('filters with every operator, grouping, value paths and URN-qualified attributes match exactly the right users', async () => {
    const cases: [string, () => string[]][] = [
      ['userName eq "user05@example.com"', () => byIndex(5)],
      ['userName eq "USER05@EXAMPLE.COM"', () => byIndex(5)],
      ['userName eq "user11@example.com"', () => byIndex(11)],
      ['USERNAME Eq "user05@example.com"', () => byIndex(5)],
      ['userName ne "user05@example.com"', () => userIds((user) => user.index !== 5)],
      ['name.familyName co "oun"', () => userIds((user) => user.familyName === 'Young')],
      ['userName sw "user1"', () => userIds((user) => user.index >= 10 && user.index <= 19)],
      ['emails.value ew "@home.example"', () => userIds((user) => (email(user, 'home') ?? '').endsWith('@home.example'))],
      ['title pr', () => userIds((user) => user.title !== undefined)],
      ['not (title pr)', () => userIds((user) => user.title === undefined)],
      ['userName gt "user20@example.com"', () => userIds((user) => user.index > 20)],
      ['userName ge "user20@example.com"', () => userIds((user) => user.index >= 20)],
      ['userName lt "user03@example.com"', () => userIds((user) => user.index < 3)],
      ['userName le "user03@example.com"', () => userIds((user) => user.index <= 3)],
      ['userName gt "USER10@example.com" and userName lt "user12@EXAMPLE.com"', () => byIndex(11)],
      ['name.familyName eq "Smith" and active eq true', () => userIds((user) => user.familyName === 'Smith' && user.active)],
      ['name.familyName eq "Smith" or name.familyName eq "Jones"', () => userIds((user) => user.familyName === 'Smith' || user.familyName === 'Jones')],
      ['not (active eq true)', () => userIds((user) => !user.active)],
      ['active eq false', () => userIds((user) => !user.active)],
      [
        '(name.familyName eq "Smith" or name.familyName eq "Jones") and not (title pr)',
        () => userIds((user) => (user.familyName === 'Smith' || user.familyName === 'Jones') && user.title === undefined),
      ],
      [
        'name.familyName eq "Smith" or name.familyName eq "Jones" and active eq true',
        () => userIds((user) => user.familyName === 'Smith' || (user.familyName === 'Jones' && user.active)),
      ],
      ['emails[type eq "work"].value eq "shared@example.com"', () => byIndex(6)],
      ['emails.value eq "SHARED@example.com"', () => byIndex(5, 6)],
      ['emails[type eq "work" and primary eq true]', () => userIds((user) => user.emails.some((each) => each.type === 'work' && each.primary === true))],
      ['emails[type eq "home"]', () => userIds((user) => email(user, 'home') !== undefined)],
      ['EMAILS.VALUE eq "W05@WORK.EXAMPLE"', () => byIndex(5)],
      [`${ENTERPRISE_SCHEMA}:department eq "Eng"`, () => userIds((user) => user.department === 'Eng')],
      [`${ENTERPRISE_SCHEMA}:employeeNumber ge "1020"`, () => userIds((user) => user.employeeNumber !== undefined && user.employeeNumber >= '1020')],
      [`${ENTERPRISE_SCHEMA}:department pr`, () => userIds((user) => user.department !== undefined)],
      ['name.familyName eq "Young"', () => userIds((user) => user.familyName === 'Young')],
      ['title eq "Manager" or title eq "Director"', () => userIds((user) => user.title === 'Manager' || user.title === 'Director')],
      ['externalId eq jyoung', () => byIndex(7)],
      ['externalId eq "jyoung"', () => byIndex(7)],
      ['externalId eq "ext-13" and active eq true', () => byIndex(13)],
    ];
    for (const [filter, expected] of cases) {
      const response = await listResources(endpoint(), 'Users', { filter, count: 100 });
      assert.equal(response.status, 200, `${filter}: ${response.text}`);
      assertListShape(response.body, filter);
      assert.deepEqual(sorted(ids(response.body)), expected(), filter);
      assert.equal(response.body.totalResults, expected().length, `${filter}: totalResults`);
    }
  });

  test('meta.lastModified gt the newest timestamp a client was shown returns only users changed since', async () => {
    assert.match(modifiedAfter, /^\d{4}-\d\d-\d\dT/);
    const after = await listResources(endpoint(), 'Users', { filter: `meta.lastModified gt "${modifiedAfter}"` });
    assert.equal(after.status, 200, after.text);
    assert.deepEqual(sorted(ids(after.body)), byIndex(3, 4));
    const notAfter = await listResources(endpoint(), 'Users', { filter: `meta.lastModified le "${modifiedAfter}"`, count: 100 });
    assert.deepEqual(sorted(ids(notAfter.body)), userIds((user) => user.index !== 3 && user.index !== 4));
    const created = await listResources(endpoint(), 'Users', { filter: 'meta.created gt "2000-01-01T00:00:00Z" and meta.created lt "2999-01-01T00:00:00Z"', count: 100 });
    assert.equal(created.body.totalResults, USER_COUNT);
  });

  test('malformed or unsupported filters are 400 invalidFilter, never a 500', async () => {
    const bad = [
      'userName eq',
      'userName xx "a"',
      '(userName eq "a"',
      'userName eq "a")',
      'userName eq "a" and',
      'userName eq "a" or or userName eq "b"',
      'userName eq "unterminated',
      'emails[type eq "work"',
      'emails[type eq "work"]]',
      'noSuchAttribute eq "a"',
      'active gt true',
      'active eq "maybe"',
      'meta.lastModified gt "yesterday"',
      'meta.created co "2020"',
      'name eq "x"',
      'password eq "secret"',
      'emails[value eq "a" and emails[type eq "b"]]',
      'userName[value eq "a"]',
      'and',
      '"just a value"',
      `${GROUP_SCHEMA}:displayName eq "x"`,
    ];
    for (const filter of bad) {
      const response = await listResources(endpoint(), 'Users', { filter });
      assert.equal(response.status, 400, `${filter}: ${response.status} ${response.text}`);
      assert.equal((response.body as Json).scimType, 'invalidFilter', `${filter}: ${response.text}`);
      assert.equal((response.body as Json).status, '400', filter);
    }
  });

  test('a filter that is too long or nested too deeply is refused with 400', async () => {
    const long = `userName eq "${'a'.repeat(5000)}"`;
    const deepNot = `${'not ('.repeat(40)}userName eq "a"${')'.repeat(40)}`;
    const deepMixed = Array.from({ length: 30 }, (_, level) => `(userName eq "u${level}" ${level % 2 ? 'or' : 'and'} `).join('') + 'active eq true' + ')'.repeat(30);
    const stackBomb = `${'not ('.repeat(340)}userName eq "a"${')'.repeat(340)}`;
    for (const [name, filter] of [['long', long], ['deep not', deepNot], ['deep and/or', deepMixed], ['stack bomb', stackBomb]] as const) {
      const response = await listResources(endpoint(), 'Users', { filter });
      assert.equal(response.status, 400, `${name}: ${response.status} ${response.text.slice(0, 300)}`);
      assert.equal((response.body as Json).scimType, 'invalidFilter', name);
    }
  });

  test('startIndex/count pages are contiguous, without duplicates, with integer totals; count=0 gives only the total', async () => {
    const pageIds: string[] = [];
    for (let startIndex = 1; startIndex <= USER_COUNT; startIndex += 7) {
      const response = await listResources(endpoint(), 'Users', { startIndex, count: 7 });
      assert.equal(response.status, 200, response.text);
      assertListShape(response.body, `startIndex=${startIndex}`);
      assert.equal(response.body.totalResults, USER_COUNT);
      assert.equal(response.body.startIndex, startIndex);
      assert.equal(response.body.itemsPerPage, Math.min(7, USER_COUNT - startIndex + 1));
      pageIds.push(...ids(response.body));
    }
    assert.equal(new Set(pageIds).size, pageIds.length, 'no duplicates');
    assert.deepEqual(sorted(pageIds), userIds(() => true));
    // The same enumeration again (now from remembered positions) and by cursor agree with it.
    const again: string[] = [];
    for (let startIndex = 1; startIndex <= USER_COUNT; startIndex += 7) again.push(...ids((await listResources(endpoint(), 'Users', { startIndex, count: 7 })).body));
    assert.deepEqual(again, pageIds);
    assert.deepEqual(await enumerateWithCursor(endpoint(), 'Users', 7), pageIds);

    const zero = await listResources(endpoint(), 'Users', { count: 0 });
    assert.equal(zero.status, 200, zero.text);
    assert.equal(zero.body.totalResults, USER_COUNT);
    assert.equal((zero.body.Resources ?? []).length, 0);
    const zeroFiltered = await listResources(endpoint(), 'Users', { count: 0, filter: 'active eq true' });
    assert.equal(zeroFiltered.body.totalResults, users.filter((user) => user.active).length);
    assert.equal((zeroFiltered.body.Resources ?? []).length, 0);

    const past = await listResources(endpoint(), 'Users', { startIndex: USER_COUNT + 5, count: 10 });
    assert.equal(past.status, 200);
    assert.equal(past.body.totalResults, USER_COUNT);
    assert.deepEqual(ids(past.body), []);
  });

  test('filtered startIndex pages cover exactly the matches', async () => {
    const expected = userIds((user) => user.active);
    const seen: string[] = [];
    for (let startIndex = 1; startIndex <= expected.length; startIndex += 4) {
      const response = await listResources(endpoint(), 'Users', { filter: 'active eq true', startIndex, count: 4 });
      assert.equal(response.body.totalResults, expected.length);
      seen.push(...ids(response.body));
    }
    assert.deepEqual(sorted(seen), expected);
    assert.equal(new Set(seen).size, seen.length);
  });

  test('cursor paging returns every user exactly once, honours a filter, and refuses a bogus cursor', async () => {
    for (const count of [1, 4, 30, 100]) {
      const all = await enumerateWithCursor(endpoint(), 'Users', count);
      assert.equal(all.length, USER_COUNT, `count=${count}`);
      assert.deepEqual(sorted(all), userIds(() => true), `count=${count}`);
    }
    const first = await listResources(endpoint(), 'Users', { cursor: '', count: 10 });
    assert.equal(first.body.totalResults, USER_COUNT);
    assert.equal(typeof first.body.nextCursor, 'string');
    const active = await enumerateWithCursor(endpoint(), 'Users', 3, { filter: 'active eq true' });
    assert.deepEqual(sorted(active), userIds((user) => user.active));
    for (const cursor of ['not-a-cursor!!', 'Zm9v', '%%%']) {
      const bogus = await http<Json>('GET', `${endpoint().scim}/Users?cursor=${encodeURIComponent(cursor)}&count=5`, { token: endpoint().token });
      assert.equal(bogus.status, 400, `${cursor}: ${bogus.text}`);
      assert.equal(bogus.body.scimType, 'invalidCursor', cursor);
    }
  });

  test('sortBy=userName&sortOrder=descending orders case-insensitively, also across pages', async () => {
    const expected = [...users].sort((a, b) => b.userName.toLowerCase().localeCompare(a.userName.toLowerCase())).map((user) => user.id);
    const all = await listResources(endpoint(), 'Users', { sortBy: 'userName', sortOrder: 'descending', count: 100 });
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(ids(all.body), expected);
    const page = await listResources(endpoint(), 'Users', { sortBy: 'userName', sortOrder: 'descending', startIndex: 11, count: 10 });
    assert.deepEqual(ids(page.body), expected.slice(10, 20));
    const ascending = await listResources(endpoint(), 'Users', { sortBy: 'name.familyName', count: 100 });
    const families = (ascending.body.Resources ?? []).map((user) => String((user.name as Json).familyName));
    assert.deepEqual(families, [...families].sort());
    assert.equal(families.length, USER_COUNT);
    const unknown = await listResources(endpoint(), 'Users', { sortBy: 'noSuchAttribute' });
    assert.equal(unknown.status, 400, unknown.text);
  });

  test('attributes and excludedAttributes shape every resource of a list', async () => {
    const only = await listResources(endpoint(), 'Users', { attributes: 'userName,emails', count: 100 });
    assert.equal(only.status, 200, only.text);
    for (const user of only.body.Resources ?? []) {
      assert.ok(typeof user.id === 'string' && typeof user.userName === 'string' && Array.isArray(user.emails), JSON.stringify(user));
      for (const absent of ['name', 'title', 'active', 'displayName', 'externalId', ENTERPRISE_SCHEMA]) assert.equal(user[absent], undefined, `${absent} in ${JSON.stringify(user)}`);
    }
    const sub = await listResources(endpoint(), 'Users', { attributes: 'name.familyName', filter: 'userName eq "user00@example.com"' });
    assert.deepEqual(sub.body.Resources?.[0]?.name, { familyName: 'Smith' });

    const excluded = await listResources(endpoint(), 'Users', { excludedAttributes: 'emails,name', count: 100 });
    assert.equal(excluded.status, 200, excluded.text);
    assert.equal(excluded.body.Resources?.length, USER_COUNT);
    for (const user of excluded.body.Resources ?? []) {
      assert.equal(user.emails, undefined);
      assert.equal(user.name, undefined);
      assert.equal(typeof user.userName, 'string');
      assert.equal(typeof user.id, 'string');
    }
  });

  test('POST /Users/.search with a SearchRequest answers exactly what the GET does', async () => {
    const query = { filter: 'name.familyName eq "Smith" or active eq false', sortBy: 'userName', sortOrder: 'descending', startIndex: 2, count: 3 };
    const get = await listResources(endpoint(), 'Users', { ...query, attributes: 'userName,active' });
    const search = await http<ListBody>('POST', `${endpoint().scim}/Users/.search`, {
      token: endpoint().token,
      body: { schemas: [SEARCH_SCHEMA], ...query, attributes: ['userName', 'active'] },
    });
    assert.equal(search.status, 200, search.text);
    assert.equal(get.body.itemsPerPage, 3);
    assert.deepEqual(search.body, get.body);
    const notSearch = await http<Json>('POST', `${endpoint().scim}/Users/.search`, { token: endpoint().token, body: { schemas: [USER_SCHEMA], filter: 'title pr' } });
    assert.equal(notSearch.status, 400, notSearch.text);
  });

  test('groups: displayName eq finds one group exactly, members.value eq finds the groups of a user', async () => {
    const engineering = await listResources(endpoint(), 'Groups', { filter: 'displayName eq "Engineering"' });
    assert.equal(engineering.status, 200, engineering.text);
    assert.deepEqual(ids(engineering.body), [groups.Engineering]);
    assert.equal(engineering.body.totalResults, 1);
    const members = (engineering.body.Resources?.[0]?.members as Json[] | undefined)?.map((each) => each.value);
    assert.deepEqual(sorted((members ?? []).map(String)), byIndex(0, 1, 2, 3, 4));

    const byMember = await listResources(endpoint(), 'Groups', { filter: `members.value eq "${users[6]?.id}"` });
    assert.deepEqual(ids(byMember.body), [groups.Sales]);
    const withMembers = await listResources(endpoint(), 'Groups', { filter: 'members pr' });
    assert.deepEqual(sorted(ids(withMembers.body)), sorted([groups.Engineering, groups.Sales].map(String)));
    const emptyOnes = await listResources(endpoint(), 'Groups', { filter: 'not (members pr)' });
    assert.deepEqual(sorted(ids(emptyOnes.body)), sorted([groups['engineering-emea'], groups.Empty].map(String)));
    const none = await listResources(endpoint(), 'Groups', { filter: 'displayName eq "Nope"' });
    assert.equal(none.status, 200);
    assert.equal(none.body.totalResults, 0);
    const excluded = await listResources(endpoint(), 'Groups', { filter: 'displayName sw "eng"', excludedAttributes: 'members' });
    assert.deepEqual(sorted(ids(excluded.body)), sorted([groups.Engineering, groups['engineering-emea']].map(String)));
    for (const group of excluded.body.Resources ?? []) assert.equal(group.members, undefined);
  });

  test("Entra's test connection: userName eq a random GUID answers 200 with an empty ListResponse", async () => {
    const response = await http<ListBody>('GET', `${endpoint().scim}/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`, {
      token: endpoint().token,
      headers: { 'user-agent': 'Azure AD SCIM Provisioning' },
    });
    assert.equal(response.status, 200, response.text);
    assertListShape(response.body, 'test connection');
    assert.equal(response.body.totalResults, 0);
    assert.equal((response.body.Resources ?? []).length, 0);
  });

  test('startIndex pages stay right after a user is deleted between enumerations', async () => {
    const fresh = await fixture.newDirectory();
    const created: string[] = [];
    for (let index = 0; index < 12; index++) {
      created.push(String((await createResource(fresh, 'Users', { schemas: [USER_SCHEMA], userName: `paging${index}@example.com` })).id));
    }
    const enumerate = async () => {
      const seen: string[] = [];
      for (let startIndex = 1; startIndex <= 12; startIndex += 5) seen.push(...ids((await listResources(fresh, 'Users', { startIndex, count: 5 })).body));
      return seen;
    };
    assert.deepEqual(await enumerate(), created);
    assert.equal((await http('DELETE', `${fresh.scim}/Users/${created[2]}`, { token: fresh.token })).status, 204);
    assert.deepEqual(await enumerate(), created.filter((_, index) => index !== 2));
  });
});
