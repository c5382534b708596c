import type { Queryable } from './database.js';
import type { RecordedUser } from './event-changes.js';
import { TOUCH_GROUPS, groupRowOf, type GroupRow } from './groups.js';
import { counterShard } from './resources.js';
import type { UserColumns, UserRow } from './users.js';
import { prepared } from './prepared.js';

// SCIM writes of users, each one statement: the row, the directory's counter and the change
// record (event_changes) together, in one round trip and one implicit transaction. The change
// record holds what the request already has (the resource as written, the one it replaced);
// the user events are composed from it later (directory/changes/change-expansion.ts).

export interface WrittenUser {
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The groups a user is a direct member of, for its SCIM `groups`: [{value, display}] by display name. */
const GROUPS_OF_USER = `coalesce((SELECT jsonb_agg(jsonb_build_object('value', m.group_id, 'display', g.display_name) ORDER BY g.display_name, g.id)
                                    FROM group_members m JOIN directory_groups g ON g.directory_id = m.directory_id AND g.id = m.group_id
                                   WHERE m.directory_id = $1 AND m.member_id = $2), '[]')`;

export interface UserGroupRef {
  value: string;
  display: string;
}

/** A user as its change record keeps it (RecordedUser): `sample` only on sample data, as in its view. */
const recordedAfter = (resource: string, updatedAt: string, sample: string) =>
  `jsonb_build_object('resource', ${resource}, 'updated_at', ${updatedAt}) || CASE WHEN ${sample} THEN '{"sample": true}'::jsonb ELSE '{}'::jsonb END`;

function columnValues(columns: UserColumns): unknown[] {
  return [columns.userName, columns.externalId, columns.displayName, columns.givenName, columns.familyName, columns.primaryEmail, columns.emails, columns.active];
}

/** Inserts a user (a unique violation on userName fails the whole statement). A new user has no groups. */
export async function createUserRecorded(
  db: Queryable,
  user: { directoryId: string; organizationId: string; id: string; columns: UserColumns; resource: Record<string, unknown>; sample: boolean },
): Promise<WrittenUser> {
  const result = await db.query<WrittenUser>(
    prepared(`WITH u AS (
       INSERT INTO directory_users (directory_id, id, user_name, external_id, display_name, given_name, family_name, primary_email, emails, active, resource, sample)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $14) RETURNING version, created_at, updated_at),
     counted AS (
       INSERT INTO directory_counters (directory_id, shard, users, user_updated_at) SELECT $1, $13, 1, now() FROM u
       ON CONFLICT (directory_id, shard) DO UPDATE SET users = directory_counters.users + 1, user_updated_at = now()),
     recorded AS (
       INSERT INTO event_changes (directory_id, organization_id, kind, subject_id, data)
       SELECT $1, $12, 'user_created', $2, jsonb_build_object('kind', 'user_created', 'after', ${recordedAfter('$11::jsonb', 'u.updated_at', '$14::boolean')}) FROM u)
     SELECT version, created_at, updated_at FROM u`,
    [user.directoryId, user.id, ...columnValues(user.columns), user.resource, user.organizationId, counterShard(), user.sample]),
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Replaces a user's resource if it is still at `version` (an optimistic check instead of a lock
 * held across round trips); undefined when it is not, or is gone. Returns the row with its groups.
 */
export async function updateUserRecorded(
  db: Queryable,
  user: { directoryId: string; organizationId: string; id: string; version: number; columns: UserColumns; resource: Record<string, unknown>; before: RecordedUser },
): Promise<(UserRow & { groups: UserGroupRef[] }) | undefined> {
  const result = await db.query<UserRow & { groups: UserGroupRef[] }>(
    prepared(`WITH u AS (
       UPDATE directory_users SET user_name = $3, external_id = $4, display_name = $5, given_name = $6, family_name = $7,
              primary_email = $8, emails = $9, active = $10, resource = $11, version = version + 1, updated_at = now()
        WHERE directory_id = $1 AND id = $2 AND version = $12 RETURNING *),
     counted AS (
       INSERT INTO directory_counters (directory_id, shard, user_updated_at) SELECT $1, $15, now() FROM u
       ON CONFLICT (directory_id, shard) DO UPDATE SET user_updated_at = now()),
     recorded AS (
       INSERT INTO event_changes (directory_id, organization_id, kind, subject_id, data)
       SELECT $1, $13, 'user_updated', $2,
              jsonb_build_object('kind', 'user_updated', 'before', $14::jsonb, 'after', ${recordedAfter('u.resource', 'u.updated_at', 'u.sample')})
         FROM u)
     SELECT u.*, ${GROUPS_OF_USER} AS groups FROM u`,
    [user.directoryId, user.id, ...columnValues(user.columns), user.resource, user.version, user.organizationId, user.before, counterShard()]),
  );
  return result.rows[0];
}

/** A user with its direct groups, in one statement (GET by id, and the state a write starts from). */
export async function findUserWithGroups(db: Queryable, directoryId: string, id: string): Promise<(UserRow & { groups: UserGroupRef[] }) | undefined> {
  const result = await db.query<UserRow & { groups: UserGroupRef[] }>(
    prepared(`SELECT u.*, ${GROUPS_OF_USER} AS groups FROM directory_users u WHERE u.directory_id = $1 AND u.id = $2`,
    [directoryId, id]),
  );
  return result.rows[0];
}

/**
 * Deletes a user still at `version`, with its memberships, in the caller's transaction: bumps the
 * groups it left (locked in id order, as every multi-group writer does) and returns them.
 * Undefined when the user is not at that version (or gone).
 */
export async function deleteUserRecorded(
  db: Queryable,
  user: { directoryId: string; organizationId: string; id: string; version: number; before: RecordedUser },
): Promise<{ groups: GroupRow[] } | undefined> {
  const result = await db.query<{ deleted: boolean; groups: GroupRow[] | null }>(
    prepared(`WITH d AS (DELETE FROM directory_users WHERE directory_id = $1 AND id = $2 AND version = $3 RETURNING id),
     left_groups AS (DELETE FROM group_members m USING d WHERE m.directory_id = $1 AND m.member_id = d.id RETURNING m.group_id),
     counted AS (
       INSERT INTO directory_counters (directory_id, shard, users, user_updated_at) SELECT $1, $6, -1, now() FROM d
       ON CONFLICT (directory_id, shard) DO UPDATE SET users = directory_counters.users - 1, user_updated_at = now()),
     recorded AS (
       INSERT INTO event_changes (directory_id, organization_id, kind, subject_id, data)
       SELECT $1, $4, 'user_deleted', $2,
              jsonb_build_object('kind', 'user_deleted', 'before', $5::jsonb, 'groups', coalesce((SELECT jsonb_agg(group_id ORDER BY group_id) FROM left_groups), '[]'))
         FROM d),
     touched AS (${TOUCH_GROUPS('$1', 'SELECT group_id FROM left_groups')})
     SELECT EXISTS (SELECT 1 FROM d) AS deleted, (SELECT json_agg(t ORDER BY t.id) FROM touched t) AS groups`,
    [user.directoryId, user.id, user.version, user.organizationId, user.before, counterShard()]),
  );
  const row = result.rows[0];
  if (!row?.deleted) return undefined;
  return { groups: (row.groups ?? []).map(groupRowOf) };
}
