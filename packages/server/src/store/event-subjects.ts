import type { Queryable } from './database.js';
import type { GroupRow } from './groups.js';
import type { UserRow } from './users.js';

// Reads the change events need about the users and groups a change touched: set-based, one
// query per kind whatever the number of ids.

export async function findUsersByIds(db: Queryable, directoryId: string, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  const result = await db.query<UserRow>('SELECT * FROM directory_users WHERE directory_id = $1 AND id = ANY($2::text[]) ORDER BY id', [directoryId, ids]);
  return result.rows;
}

export async function findGroupsByIds(db: Queryable, directoryId: string, ids: string[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  const result = await db.query<GroupRow>('SELECT * FROM directory_groups WHERE directory_id = $1 AND id = ANY($2::text[]) ORDER BY id', [directoryId, ids]);
  return result.rows;
}

/** The users (not nested groups) that are direct members of a group. */
export async function listUserMemberIds(db: Queryable, directoryId: string, groupId: string): Promise<string[]> {
  const result = await db.query<{ member_id: string }>(
    `SELECT member_id FROM group_members WHERE directory_id = $1 AND group_id = $2 AND member_type = 'User' ORDER BY member_id`,
    [directoryId, groupId],
  );
  return result.rows.map((row) => row.member_id);
}

/** Whether the directory's events treat deactivation as deletion (003_events.sql). */
export async function readDeactivationAsDeletion(db: Queryable, directoryId: string): Promise<boolean> {
  const result = await db.query<{ deactivation_as_deletion: boolean }>('SELECT deactivation_as_deletion FROM directories WHERE id = $1', [directoryId]);
  return result.rows[0]?.deactivation_as_deletion ?? false;
}

export async function writeDeactivationAsDeletion(db: Queryable, organizationId: string, directoryId: string, value: boolean): Promise<boolean> {
  const result = await db.query('UPDATE directories SET deactivation_as_deletion = $3 WHERE organization_id = $1 AND id = $2', [organizationId, directoryId, value]);
  return (result.rowCount ?? 0) > 0;
}
