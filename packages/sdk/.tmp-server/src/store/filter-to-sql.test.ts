import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { parseFilter } from '../scim/filter/parse-filter.js';
import { ScimError } from '../scim/scim-error.js';
import { GROUP_RESOURCE, resolvePath, USER_RESOURCE, type ResourceType } from '../scim/schema/resource-types.js';
import { filterToSql } from './filter-to-sql.js';
import { sortExpression } from './sort-column.js';
import { SqlParams } from './sql-params.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const EXTENSION = 'urn:example:ext:1.0:User';

/** The SQL and parameters for a filter, after the directory id the caller binds as $1. */
function compile(resourceType: ResourceType, filter: string): { sql: string; params: unknown[] } {
  const parsed = parseFilter(resourceType, filter);
  if (!parsed.ok) throw parsed.error;
  const params = new SqlParams(['dir_1']);
  const sql = filterToSql(resourceType, parsed.value, params);
  return { sql, params: params.values.slice(1) };
}

const ELEMENTS = (attribute: string) =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(r.resource -> '${attribute}') = 'array' THEN r.resource -> '${attribute}' ELSE '[]'::jsonb END) AS e(v)`;

// The indexed forms must be written exactly as the indexes in 001_initial.sql are.
const sqlCases: Array<[ResourceType, string, string, unknown[]]> = [
  [USER_RESOURCE, 'userName eq "BJensen"', 'lower(r.user_name) = lower($2)', ['BJensen']],
  [USER_RESOURCE, 'externalId eq "E-1"', 'lower(r.external_id) = lower($2) AND r.external_id = $2', ['E-1']],
  [USER_RESOURCE, 'displayName eq "Babs"', 'lower(r.display_name) = lower($2)', ['Babs']],
  [USER_RESOURCE, 'emails.value eq "B@Example.com"', 'r.emails @> ARRAY[lower($2)]::text[]', ['B@Example.com']],
  [
    USER_RESOURCE,
    'emails[type eq "work"].value eq "b@example.com"',
    `r.emails @> ARRAY[lower($2)]::text[] AND EXISTS (SELECT 1 FROM ${ELEMENTS('emails')} WHERE lower(e.v ->> 'type') = lower($3) AND lower(e.v ->> 'value') = lower($4))`,
    ['b@example.com', 'work', 'b@example.com'],
  ],
  [USER_RESOURCE, 'active eq false', 'r.active = false', []],
  [USER_RESOURCE, 'name.givenName eq "Barbara"', 'lower(r.given_name) = lower($2)', ['Barbara']],
  [USER_RESOURCE, 'name.familyName sw "J"', "lower(r.family_name) LIKE lower($2) ESCAPE '\\'", ['J%']],
  [USER_RESOURCE, 'id eq "diruser_1"', 'r.id = $2', ['diruser_1']],
  [USER_RESOURCE, 'meta.created gt "2020-01-01T00:00:00Z"', "r.created_at >= $2::timestamptz + interval '1 millisecond'", ['2020-01-01T00:00:00Z']],
  [USER_RESOURCE, 'meta.lastModified ge "2020-01-01T00:00:00Z"', 'r.updated_at >= $2::timestamptz', ['2020-01-01T00:00:00Z']],
  [USER_RESOURCE, 'userName co "50%_a\\\\b"', "lower(r.user_name) LIKE lower($2) ESCAPE '\\'", ['%50\\%\\_a\\\\b%']],
  [USER_RESOURCE, 'title ne "x"', "NOT COALESCE(lower(r.resource ->> 'title') = lower($2), false)", ['x']],
  [USER_RESOURCE, `${ENTERPRISE}:employeeNumber eq "7"`, `lower(r.resource -> '${ENTERPRISE}' ->> 'employeeNumber') = lower($2)`, ['7']],
  [USER_RESOURCE, 'title eq "a" or userType eq "b" and nickName eq "c"', "lower(r.resource ->> 'title') = lower($2) OR lower(r.resource ->> 'userType') = lower($3) AND lower(r.resource ->> 'nickName') = lower($4)", ['a', 'b', 'c']],
  [GROUP_RESOURCE, 'displayName eq "Sales"', 'lower(r.display_name) = lower($2)', ['Sales']],
  [GROUP_RESOURCE, 'externalId eq "G-1"', 'lower(r.external_id) = lower($2) AND r.external_id = $2', ['G-1']],
  [
    GROUP_RESOURCE,
    'members.value eq "diruser_1"',
    'EXISTS (SELECT 1 FROM group_members m WHERE m.directory_id = r.directory_id AND m.group_id = r.id AND m.member_id = $2)',
    ['diruser_1'],
  ],
  [
    GROUP_RESOURCE,
    'members[value eq "diruser_1"]',
    'EXISTS (SELECT 1 FROM group_members m WHERE m.directory_id = r.directory_id AND m.group_id = r.id AND m.member_id = $2)',
    ['diruser_1'],
  ],
];

describe('filterToSql: SQL text', () => {
  for (const [resourceType, filter, sql, params] of sqlCases) {
    test(`${resourceType.name}: ${filter}`, () => {
      assert.deepEqual(compile(resourceType, filter), { sql, params });
    });
  }

  test('members.display and meta.location are refused with 400 invalidFilter, not silently matched', () => {
    for (const [resourceType, filter] of [
      [GROUP_RESOURCE, 'members.display eq "x"'],
      [GROUP_RESOURCE, 'members[$ref pr]'],
      [USER_RESOURCE, 'groups.display eq "x"'],
      [USER_RESOURCE, 'meta.location eq "x"'],
    ] as const) {
      assert.throws(() => compile(resourceType, filter), (error: unknown) => error instanceof ScimError && error.status === 400 && error.scimType === 'invalidFilter');
    }
  });

  test('numbering continues after the parameters the caller already bound', () => {
    const parsed = parseFilter(USER_RESOURCE, 'userName eq "x"');
    assert.ok(parsed.ok);
    const params = new SqlParams(['dir_1', 'another']);
    assert.equal(filterToSql(USER_RESOURCE, parsed.value, params), 'lower(r.user_name) = lower($3)');
    assert.deepEqual(params.values, ['dir_1', 'another', 'x']);
  });
});

describe('sortExpression', () => {
  const cases: Array<[ResourceType, string, string]> = [
    [USER_RESOURCE, 'userName', 'lower(r.user_name)'],
    [USER_RESOURCE, 'externalId', 'r.external_id'],
    [USER_RESOURCE, 'name.familyName', 'lower(r.family_name)'],
    [USER_RESOURCE, 'meta.lastModified', 'r.updated_at'],
    [USER_RESOURCE, 'emails', 'lower(r.primary_email)'],
    [USER_RESOURCE, 'active', 'r.active'],
    [USER_RESOURCE, 'title', "lower(r.resource ->> 'title')"],
    [USER_RESOURCE, 'password', 'NULL'],
    [GROUP_RESOURCE, 'displayName', 'lower(r.display_name)'],
    [GROUP_RESOURCE, 'members', 'NULL'],
  ];
  for (const [resourceType, sortBy, expected] of cases) {
    test(`${resourceType.name} sortBy=${sortBy}`, () => {
      const path = resolvePath(resourceType, sortBy);
      assert.ok(path);
      assert.equal(sortExpression(resourceType, path), expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Against both stores: PGlite (PostgreSQL 18) and a real PostgreSQL

interface Row {
  id: string;
  resource: Record<string, unknown>;
  userName?: string;
  created?: string;
}

const users: Array<Row & { userName: string }> = [
  {
    id: 'u1',
    userName: 'bjensen@example.com',
    created: '2020-01-01T00:00:00.123456Z',
    resource: {
      userName: 'bjensen@example.com',
      externalId: 'E-1',
      displayName: 'Barbara Jensen',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      title: 'Tour Guide',
      userType: 'Employee',
      active: true,
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'babs@jensen.org', type: 'home' },
      ],
      [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'u2' } },
    },
  },
  {
    id: 'u2',
    userName: 'JSmith',
    created: '2021-06-01T12:00:00Z',
    resource: {
      userName: 'JSmith',
      externalId: 'e-1',
      displayName: 'John Smith',
      name: { givenName: 'John', familyName: 'Smith' },
      userType: 'Intern',
      active: false,
      emails: [
        { value: 'john@EXAMPLE.com', type: 'home' },
        { value: 'js@work.example', type: 'work' },
      ],
    },
  },
  {
    id: 'u3',
    userName: "o'malley",
    created: '2022-01-01T00:00:00Z',
    resource: {
      userName: "o'malley",
      name: { familyName: "O'Malley" },
      title: '',
      emails: [],
      [ENTERPRISE]: { employeeNumber: '7' },
      [EXTENSION]: { costCode: 42, tags: ['a', 'b'] },
    },
  },
  {
    id: 'u4',
    userName: 'percent%user_x',
    created: '2023-01-01T00:00:00Z',
    // Malformed on purpose: a string where an array belongs must not break the query.
    resource: { userName: 'percent%user_x', displayName: '100% Sure', title: 'Manager', emails: 'not-an-array' },
  },
];

const groups: Row[] = [
  { id: 'g1', resource: { displayName: 'Sales', externalId: 'G-1' } },
  { id: 'g2', resource: { displayName: 'Engineering' } },
  { id: 'g3', resource: { displayName: 'Empty' } },
];

const memberships: Array<[string, string, 'User' | 'Group']> = [
  ['g1', 'u1', 'User'],
  ['g1', 'u2', 'User'],
  ['g2', 'u3', 'User'],
  ['g2', 'g1', 'Group'],
];

const userFilters: Array<[string, string[]]> = [
  ['userName eq "BJENSEN@example.com"', ['u1']],
  ['userName eq "percent%user_x"', ['u4']],
  ['userName co "%"', ['u4']],
  ['userName co "_"', ['u4']],
  ['userName sw "B"', ['u1']],
  ['userName ew "SMITH"', ['u2']],
  ['userName gt "o"', ['u3', 'u4']],
  ['externalId eq "E-1"', ['u1']],
  ['externalId eq "e-1"', ['u2']],
  ['externalId eq jyoung', []],
  ['externalId pr', ['u1', 'u2']],
  ['displayName eq "barbara jensen"', ['u1']],
  ['displayName co "100%"', ['u4']],
  ['emails.value eq "JOHN@example.COM"', ['u2']],
  ['emails co "example.com"', ['u1', 'u2']],
  ['emails[type eq "work"].value eq "bjensen@example.com"', ['u1']],
  // The work email is not john's: the library's own reading (some work email, and some email
  // equal to john@...) would wrongly return u2.
  ['emails[type eq "work"].value eq "john@example.com"', []],
  ['emails[type eq "home"].value co "example.com"', ['u2']],
  ['emails[primary eq true]', ['u1']],
  ['emails[type ne "work"]', ['u1', 'u2']],
  // u4's malformed emails is a value, so it is present; u3's [] is not.
  ['emails pr', ['u1', 'u2', 'u4']],
  ['emails.value ne "bjensen@example.com"', ['u2', 'u3', 'u4']],
  ['not (emails.value co "example")', ['u3', 'u4']],
  ['active eq false', ['u2']],
  ['active eq "True"', ['u1', 'u3', 'u4']],
  ['title eq "tour guide"', ['u1']],
  ['title ne "Tour Guide"', ['u2', 'u3', 'u4']],
  ['title pr', ['u1', 'u4']],
  ['title eq null', ['u2', 'u3']],
  ['title pr or active eq false', ['u1', 'u2', 'u4']],
  ['name.familyName eq "o\'malley"', ['u3']],
  ['name.givenName sw "J"', ['u2']],
  ['name.FamilyName eq Smith and (emails.Value co example.com or emails.Value co example.org)', ['u2']],
  ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")', ['u1']],
  [`${ENTERPRISE}:employeeNumber eq "701984"`, ['u1']],
  [`${ENTERPRISE}:manager.value eq "u2"`, ['u1']],
  [`${ENTERPRISE}:manager[value eq "U2"]`, ['u1']],
  ['emails[type eq "home"].value eq "babs@jensen.org" or emails[type eq "work"].value eq "js@work.example"', ['u1', 'u2']],
  [`${EXTENSION}:costCode gt 40`, ['u3']],
  [`${EXTENSION}:costCode eq 42`, ['u3']],
  [`${EXTENSION}:tags eq "B"`, ['u3']],
  ['meta.created gt "2021-01-01T00:00:00Z"', ['u2', 'u3', 'u4']],
  // Responses show u1 as created at .123Z: equal to it, and not after it.
  ['meta.created eq "2020-01-01T00:00:00.123Z"', ['u1']],
  ['meta.created gt "2020-01-01T00:00:00.123Z"', ['u2', 'u3', 'u4']],
  ['meta.lastModified le "2020-01-01T00:00:00.123Z"', ['u1']],
  ['meta.version eq "W/\\"1\\""', ['u1', 'u2', 'u3', 'u4']],
  ['id eq "u3"', ['u3']],
  ['meta.resourceType eq "User"', ['u1', 'u2', 'u3', 'u4']],
  ['groups.value eq "g1"', ['u1', 'u2']],
  ['groups[value eq "g2"]', ['u3']],
];

const groupFilters: Array<[string, string[]]> = [
  ['displayName eq "sales"', ['g1']],
  ['externalId eq "G-1"', ['g1']],
  ['members.value eq "u1"', ['g1']],
  ['members[value eq "g1" and type eq "group"]', ['g2']],
  ['members pr', ['g1', 'g2']],
  ['not (members pr)', ['g3']],
  ['members.value ne "u1"', ['g2', 'g3']],
  ['members[value eq "u3"] or displayName sw "S"', ['g1', 'g2']],
];

/** One of the two stores: PGlite in memory, or a throwaway database on a real PostgreSQL. */
interface TestDb {
  query(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function openEmbedded(): Promise<TestDb> {
  const db = new PGlite('memory://');
  return {
    query: async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

// The same variables the integration suites read (test/support/test-server.ts).
const ADMIN_URL = process.env.ROSTER_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function openPostgres(): Promise<TestDb> {
  const name = `roster_filter_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    query: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
    exec: async (sql) => {
      await client.query(sql);
    },
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const stores = process.env.ROSTER_TEST_STORE === 'embedded' || process.env.ROSTER_TEST_STORE === 'postgres' ? [process.env.ROSTER_TEST_STORE] : ['embedded', 'postgres'];

for (const store of stores) {
  describe(`filterToSql on ${store === 'embedded' ? 'PGlite' : 'PostgreSQL'}`, () => {
    let db: TestDb;

    before(async () => {
      db = store === 'embedded' ? await openEmbedded() : await openPostgres();
      await db.exec(readFileSync(new URL('./migrations/001_initial.sql', import.meta.url), 'utf8'));
      await db.exec(`
        INSERT INTO organizations (id, display_name) VALUES ('org_1', 'Org');
        INSERT INTO directories (id, organization_id, name, directory_type, directory_provider)
          VALUES ('dir_1', 'org_1', 'one', 'SCIM', 'OKTA'), ('dir_2', 'org_1', 'two', 'SCIM', 'OKTA'), ('dir_big', 'org_1', 'big', 'SCIM', 'OKTA');`);
      for (const directory of ['dir_1', 'dir_2']) {
        for (const user of users) {
          const r = user.resource;
          const name = (r.name ?? {}) as Record<string, string>;
          const emails = Array.isArray(r.emails) ? (r.emails as Array<{ value: string }>).map((email) => email.value.toLowerCase()) : [];
          await db.query(
            `INSERT INTO directory_users (directory_id, id, user_name, external_id, display_name, given_name, family_name, emails, active, resource, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
            [directory, user.id, user.userName, r.externalId ?? null, r.displayName ?? null, name.givenName ?? null, name.familyName ?? null, emails, r.active !== false, JSON.stringify(r), user.created],
          );
        }
        for (const group of groups) {
          await db.query('INSERT INTO directory_groups (directory_id, id, display_name, external_id, resource) VALUES ($1, $2, $3, $4, $5)', [
            directory,
            group.id,
            group.resource.displayName,
            group.resource.externalId ?? null,
            JSON.stringify(group.resource),
          ]);
        }
      }
      // dir_2 holds the same users and groups but no memberships: nothing of it may leak into dir_1's answers.
      for (const [group, member, type] of memberships) {
        await db.query("INSERT INTO group_members (directory_id, group_id, member_id, member_type) VALUES ('dir_1', $1, $2, $3)", [group, member, type]);
      }
    });

    after(async () => {
      await db.close();
    });

    async function ids(resourceType: ResourceType, filter: string): Promise<string[]> {
      const parsed = parseFilter(resourceType, filter);
      if (!parsed.ok) throw parsed.error;
      const params = new SqlParams(['dir_1']);
      const table = resourceType === USER_RESOURCE ? 'directory_users' : 'directory_groups';
      const where = filterToSql(resourceType, parsed.value, params);
      const rows = await db.query(`SELECT r.id FROM ${table} r WHERE r.directory_id = $1 AND (${where}) ORDER BY r.id`, params.values);
      return rows.map((row) => String(row.id));
    }

    for (const [filter, expected] of userFilters) {
      test(`Users: ${filter}`, async () => {
        assert.deepEqual(await ids(USER_RESOURCE, filter), expected);
      });
    }

    for (const [filter, expected] of groupFilters) {
      test(`Groups: ${filter}`, async () => {
        assert.deepEqual(await ids(GROUP_RESOURCE, filter), expected);
      });
    }

    test('sortExpression orders users (emails by the primary email, nulls last)', async () => {
      const order = async (sortBy: string, direction = 'ASC') => {
        const path = resolvePath(USER_RESOURCE, sortBy);
        assert.ok(path);
        const sql = `SELECT r.id FROM directory_users r WHERE r.directory_id = 'dir_1' ORDER BY ${sortExpression(USER_RESOURCE, path)} ${direction} NULLS LAST, r.id`;
        return (await db.query(sql)).map((row) => String(row.id));
      };
      assert.deepEqual(await order('userName'), ['u1', 'u2', 'u3', 'u4']);
      assert.deepEqual(await order('displayName', 'DESC'), ['u2', 'u1', 'u4', 'u3']);
      assert.deepEqual(await order('meta.created', 'DESC'), ['u4', 'u3', 'u2', 'u1']);
      assert.deepEqual(await order('emails'), ['u1', 'u2', 'u3', 'u4']);
      assert.deepEqual(await order('phoneNumbers.value'), ['u1', 'u2', 'u3', 'u4']);
    });

    test('userName, externalId, emails.value and displayName eq use an index, not a sequential scan', async () => {
      await db.query(`
        INSERT INTO directory_users (directory_id, id, user_name, external_id, display_name, emails, resource)
        SELECT 'dir_big', 'big_' || i, 'user' || i || '@example.com', 'ext-' || i, 'User ' || i,
               ARRAY['user' || i || '@example.com'], jsonb_build_object('userName', 'user' || i || '@example.com')
        FROM generate_series(1, 2000) AS i`);
      await db.exec('ANALYZE');
      for (const filter of ['userName eq "USER77@example.com"', 'externalId eq "ext-77"', 'emails.value eq "user77@example.com"', 'displayName eq "user 77"']) {
        const parsed = parseFilter(USER_RESOURCE, filter);
        assert.ok(parsed.ok);
        const params = new SqlParams(['dir_big']);
        const where = filterToSql(USER_RESOURCE, parsed.value, params);
        const sql = `SELECT r.id FROM directory_users r WHERE r.directory_id = $1 AND (${where})`;
        const plan = (await db.query(`EXPLAIN ${sql}`, params.values)).map((row) => String(row['QUERY PLAN'])).join('\n');
        assert.match(plan, /Index|Bitmap/, `${filter}:\n${plan}`);
        assert.doesNotMatch(plan, /Seq Scan/, `${filter}:\n${plan}`);
        const found = await db.query(sql, params.values);
        assert.deepEqual(found.map((row) => row.id), ['big_77'], filter);
      }
    });
  });
}
