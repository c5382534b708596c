import type { Queryable } from './database.js';
import type { DirectoryGroupData, DirectoryUserData } from './roster-event.js';

// The SQL of the app's users and groups tables. Every write is guarded by the version it
// carries (the id of the event it came from): a write applies only over an older one, so
// replays, late webhooks and a catch-up that overlaps webhooks all leave the newest state.

export interface Scope {
  organizationId: string;
  directoryId: string;
}

/** The directory was not deleted by an event newer than `eventId`. */
const NOT_DELETED_SINCE = (directory: string, eventId: string) =>
  `NOT EXISTS (SELECT 1 FROM deleted_directories d WHERE d.directory_id = ${directory} AND d.event_id > ${eventId})`;

/** Writes the user as of `eventId`, or as deleted; false when the table already holds a newer state. */
export async function writeUser(db: Queryable, scope: Scope, user: DirectoryUserData, eventId: string, deleted: boolean): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO users AS u (id, organization_id, directory_id, email, username, name, active, roles, groups, deleted_at, last_event_id)
     SELECT $1, $2, $3, $4, $5, $6, $7::boolean, $8::jsonb, $9::jsonb, CASE WHEN $10::boolean THEN now() END, $11
      WHERE ${NOT_DELETED_SINCE('$3', '$11')}
     ON CONFLICT (id) DO UPDATE
        SET organization_id = EXCLUDED.organization_id, directory_id = EXCLUDED.directory_id, email = EXCLUDED.email,
            username = EXCLUDED.username, name = EXCLUDED.name, active = EXCLUDED.active, roles = EXCLUDED.roles,
            groups = EXCLUDED.groups, deleted_at = EXCLUDED.deleted_at, last_event_id = EXCLUDED.last_event_id, synced_at = now()
      WHERE u.last_event_id < EXCLUDED.last_event_id
     RETURNING id`,
    [
      user.id,
      scope.organizationId,
      scope.directoryId,
      user.email,
      user.preferred_username,
      user.name,
      user.active,
      JSON.stringify(user.roles),
      JSON.stringify(user.groups),
      deleted,
      eventId,
    ],
  );
  return result.rows.length > 0;
}

export async function writeGroup(db: Queryable, scope: Scope, group: DirectoryGroupData, eventId: string, deleted: boolean): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO groups AS g (id, organization_id, directory_id, display_name, deleted_at, last_event_id)
     SELECT $1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END, $6
      WHERE ${NOT_DELETED_SINCE('$3', '$6')}
     ON CONFLICT (id) DO UPDATE
        SET display_name = EXCLUDED.display_name, deleted_at = EXCLUDED.deleted_at, last_event_id = EXCLUDED.last_event_id
      WHERE g.last_event_id < EXCLUDED.last_event_id
     RETURNING id`,
    [group.id, scope.organizationId, scope.directoryId, group.display_name, deleted, eventId],
  );
  return result.rows.length > 0;
}

/** A deleted directory takes its users and groups with it; events older than its deletion stay stale. */
export async function deleteDirectoryContents(db: Queryable, directoryId: string, eventId: string): Promise<boolean> {
  const tombstone = await db.query(
    `INSERT INTO deleted_directories AS d (directory_id, event_id) VALUES ($1, $2)
     ON CONFLICT (directory_id) DO UPDATE SET event_id = EXCLUDED.event_id WHERE d.event_id < EXCLUDED.event_id
     RETURNING 1`,
    [directoryId, eventId],
  );
  const users = await db.query(
    `UPDATE users SET deleted_at = coalesce(deleted_at, now()), last_event_id = $2, synced_at = now() WHERE directory_id = $1 AND last_event_id < $2 RETURNING id`,
    [directoryId, eventId],
  );
  const groups = await db.query(
    `UPDATE groups SET deleted_at = coalesce(deleted_at, now()), last_event_id = $2 WHERE directory_id = $1 AND last_event_id < $2 RETURNING id`,
    [directoryId, eventId],
  );
  return tombstone.rows.length + users.rows.length + groups.rows.length > 0;
}

export interface AppUser {
  id: string;
  organization_id: string;
  directory_id: string;
  email: string | null;
  username: string;
  name: string | null;
  active: boolean;
  roles: string[];
  /** Current group names (a renamed group shows its new name). */
  groups: string[];
  synced_at: Date;
}

/** The users the app holds (deleted ones left out), by organization, directory and email. */
export async function listUsers(db: Queryable): Promise<AppUser[]> {
  const result = await db.query<Omit<AppUser, 'groups'> & { groups: { id: string; display_name: string }[] }>(
    `SELECT id, organization_id, directory_id, email, username, name, active, roles, groups, synced_at
       FROM users WHERE deleted_at IS NULL
      ORDER BY organization_id, directory_id, lower(coalesce(email, username)), id`,
  );
  const names = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM groups WHERE deleted_at IS NULL');
  const current = new Map(names.rows.map((group) => [group.id, group.display_name]));
  return result.rows.map((user) => ({ ...user, groups: user.groups.map((group) => current.get(group.id) ?? group.display_name).sort() }));
}
