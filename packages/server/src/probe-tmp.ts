import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { parseFilter } from './scim/filter/parse-filter.js';
import { filterToSql } from './store/filter-to-sql.js';
import { SqlParams } from './store/sql-params.js';
import { USER_RESOURCE } from './scim/schema/resource-types.js';
const db = new PGlite('memory://');
await db.exec(readFileSync('src/store/migrations/001_initial.sql', 'utf8'));
await db.exec(`INSERT INTO organizations (id, display_name) VALUES ('org_1', 'Org');
INSERT INTO directories (id, organization_id, name, directory_type, directory_provider) VALUES ('dir_big', 'org_1', 'big', 'SCIM', 'OKTA');
INSERT INTO directory_users (directory_id, id, user_name, external_id, display_name, emails, resource, updated_at)
      SELECT 'dir_big', 'big_' || i, 'user' || i || '@example.com', 'ext-' || i, 'User ' || i,
             ARRAY['user' || i || '@example.com'], jsonb_build_object('userName', 'user' || i || '@example.com', 'emails', jsonb_build_array(jsonb_build_object('value', 'user' || i || '@example.com', 'type', 'work'))), now() - i * interval '1 minute'
      FROM generate_series(1, 2000) AS i; ANALYZE;`);
for (const f of ['userName eq "USER77@example.com"', 'externalId eq "ext-77"', 'emails.value eq "user77@example.com"', 'displayName eq "user 77"', 'emails[type eq "work"].value eq "user77@example.com"', 'meta.lastModified gt "2100-01-01T00:00:00Z"']) {
  const p = parseFilter(USER_RESOURCE, f); if (!p.ok) throw p.error;
  const params = new SqlParams(['dir_big']);
  const sql = `SELECT r.id FROM directory_users r WHERE r.directory_id = $1 AND (${filterToSql(USER_RESOURCE, p.value, params)})`;
  const plan = (await db.query<Record<string, string>>(`EXPLAIN ${sql}`, params.values)).rows.map((r) => r['QUERY PLAN']).join('\n');
  console.log('==', f, '\n' + plan);
}
