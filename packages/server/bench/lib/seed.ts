// Large fixtures written straight into the store before the server starts. Every row is
// built by the server's own code (normalizeResource, userColumns, newId, the store's insert
// functions), so a seeded user is indistinguishable from one a SCIM POST wrote.

import { newId } from '../../src/ids.js';
import { groupColumns, normalizeResource, userColumns } from '../../src/scim/resource/normalize-resource.js';
import { GROUP_RESOURCE, USER_RESOURCE, type ResourceType } from '../../src/scim/schema/resource-types.js';
import type { Database, Queryable } from '../../src/store/database.js';
import { insertDirectory } from '../../src/store/directories.js';
import { insertOrganization, updateOrganizationFeatures } from '../../src/store/organizations.js';

export interface SeededDirectory {
  organizationId: string;
  directoryId: string;
}

const BATCH = 5_000;

/** An organization with SCIM on and one Okta directory, as the management API creates them. */
export async function seedDirectory(db: Queryable, name = 'Bench'): Promise<SeededDirectory> {
  const organization = await insertOrganization(db, { id: newId('org'), displayName: name, externalId: null });
  await updateOrganizationFeatures(db, organization.id, [{ name: 'scim', enabled: true }]);
  const directory = await insertDirectory(db, { id: newId('dir'), organizationId: organization.id, name: 'OKTA directory', type: 'SCIM', provider: 'OKTA' });
  return { organizationId: organization.id, directoryId: directory.id };
}

/** The SCIM body of bench user `n`: mixed-case userName and email, Okta-style externalId. */
export function benchUserBody(n: number, tag = 'Bench'): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `Person${n}.${tag}@Example.com`,
    externalId: `00u${n.toString(36).padStart(8, '0')}Xq${tag}`,
    name: { givenName: `Given${n}`, familyName: `Family${n % 997}` },
    displayName: `Given${n} Family${n % 997}`,
    active: true,
    emails: [{ value: `First${n}.Last@Mail.${tag}.org`, type: 'work', primary: true }],
  };
}

function normalized(resourceType: ResourceType, body: unknown): Record<string, unknown> {
  const result = normalizeResource(resourceType, body);
  if (!result.ok) throw result.error;
  return result.value.resource;
}

/** Inserts users `from` .. `from + count - 1`; returns their ids in creation (= id) order. */
export async function seedUsers(db: Queryable, directoryId: string, from: number, count: number, progress?: (done: number) => void): Promise<string[]> {
  const ids: string[] = [];
  for (let start = from; start < from + count; start += BATCH) {
    const columns = { id: [] as string[], userName: [] as string[], externalId: [] as (string | null)[], displayName: [] as (string | null)[],
      givenName: [] as (string | null)[], familyName: [] as (string | null)[], primaryEmail: [] as (string | null)[], emails: [] as string[],
      active: [] as boolean[], resource: [] as string[] };
    for (let n = start; n < Math.min(start + BATCH, from + count); n++) {
      const resource = normalized(USER_RESOURCE, benchUserBody(n));
      const user = userColumns(resource);
      const id = newId('diruser');
      ids.push(id);
      columns.id.push(id);
      columns.userName.push(user.userName);
      columns.externalId.push(user.externalId);
      columns.displayName.push(user.displayName);
      columns.givenName.push(user.givenName);
      columns.familyName.push(user.familyName);
      columns.primaryEmail.push(user.primaryEmail);
      columns.emails.push(JSON.stringify(user.emails));
      columns.active.push(user.active);
      columns.resource.push(JSON.stringify(resource));
    }
    await db.query(
      `INSERT INTO directory_users (directory_id, id, user_name, external_id, display_name, given_name, family_name, primary_email, emails, active, resource)
       SELECT $1, u.id, u.user_name, u.external_id, u.display_name, u.given_name, u.family_name, u.primary_email,
              ARRAY(SELECT jsonb_array_elements_text(u.emails)), u.active, u.resource
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::boolean[], $11::jsonb[])
           AS u(id, user_name, external_id, display_name, given_name, family_name, primary_email, emails, active, resource)`,
      [directoryId, columns.id, columns.userName, columns.externalId, columns.displayName, columns.givenName, columns.familyName,
        columns.primaryEmail, columns.emails, columns.active, columns.resource],
    );
    progress?.(ids.length);
  }
  return ids;
}

export async function seedGroups(db: Queryable, directoryId: string, names: string[]): Promise<string[]> {
  const ids = names.map(() => newId('dirgroup'));
  const rows = names.map((displayName) => {
    const resource = normalized(GROUP_RESOURCE, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName });
    return { resource, columns: groupColumns(resource) };
  });
  await db.query(
    `INSERT INTO directory_groups (directory_id, id, display_name, external_id, resource)
     SELECT $1, g.id, g.display_name, g.external_id, g.resource FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) AS g(id, display_name, external_id, resource)`,
    [directoryId, ids, rows.map((row) => row.columns.displayName), rows.map((row) => row.columns.externalId), rows.map((row) => JSON.stringify(row.resource))],
  );
  return ids;
}

/** Makes these users members of the group, as rows (what a PATCH add leaves behind). */
export async function seedMembers(db: Queryable, directoryId: string, groupId: string, userIds: string[]): Promise<void> {
  for (let start = 0; start < userIds.length; start += BATCH * 4) {
    await db.query(
      `INSERT INTO group_members (directory_id, group_id, member_id, member_type) SELECT $1, $2, m.id, 'User' FROM unnest($3::text[]) AS m(id)`,
      [directoryId, groupId, userIds.slice(start, start + BATCH * 4)],
    );
  }
}

/**
 * Sets the directory's counters to what its tables hold, and gives PostgreSQL the statistics
 * its autovacuum would have gathered after a bulk load. PGlite has no autovacuum, so the
 * embedded store is left as the server would find it: without statistics.
 */
export async function finishSeeding(db: Database, directoryId: string): Promise<void> {
  await db.pool.query('DELETE FROM directory_counters WHERE directory_id = $1', [directoryId]);
  await db.pool.query(
    `INSERT INTO directory_counters (directory_id, shard, users, groups, user_updated_at, group_updated_at)
     SELECT $1, 0, (SELECT count(*) FROM directory_users WHERE directory_id = $1), (SELECT count(*) FROM directory_groups WHERE directory_id = $1), now(), now()`,
    [directoryId],
  );
  if (db.kind === 'postgres') await db.pool.query('VACUUM ANALYZE directory_users, directory_groups, group_members, directory_counters');
}
