import type { Queryable } from './database.js';

export interface RoleAssignmentRow {
  directory_id: string;
  group_id: string;
  role_name: string;
}

/** Replaces every assignment of the directory with these (a PUT of the whole mapping). */
export async function replaceRoleAssignments(db: Queryable, directoryId: string, assignments: { groupId: string; roleName: string }[]): Promise<void> {
  await db.query('DELETE FROM directory_role_assignments WHERE directory_id = $1', [directoryId]);
  if (assignments.length === 0) return;
  await db.query(
    `INSERT INTO directory_role_assignments (directory_id, group_id, role_name)
     SELECT $1, a.group_id, a.role_name FROM unnest($2::text[], $3::text[]) AS a(group_id, role_name)
     ON CONFLICT DO NOTHING`,
    [directoryId, assignments.map((assignment) => assignment.groupId), assignments.map((assignment) => assignment.roleName)],
  );
}

/** The assignments of several directories in one query. */
export async function listRoleAssignments(db: Queryable, directoryIds: string[]): Promise<Map<string, RoleAssignmentRow[]>> {
  const byDirectory = new Map<string, RoleAssignmentRow[]>();
  if (directoryIds.length === 0) return byDirectory;
  const result = await db.query<RoleAssignmentRow>(
    `SELECT directory_id, group_id, role_name FROM directory_role_assignments
      WHERE directory_id = ANY($1::text[]) ORDER BY directory_id, group_id, role_name`,
    [directoryIds],
  );
  for (const row of result.rows) {
    const list = byDirectory.get(row.directory_id) ?? [];
    list.push(row);
    byDirectory.set(row.directory_id, list);
  }
  return byDirectory;
}

/** A few directories whose groups are assigned this role (to explain why it cannot be deleted). */
export async function directoriesUsingRole(db: Queryable, roleName: string): Promise<string[]> {
  const result = await db.query<{ directory_id: string }>(
    'SELECT DISTINCT directory_id FROM directory_role_assignments WHERE role_name = $1 ORDER BY directory_id LIMIT 10',
    [roleName],
  );
  return result.rows.map((row) => row.directory_id);
}

export interface DerivedRoleRow {
  user_id: string;
  role_name: string;
  permissions: string[];
}

/**
 * The roles these users hold through their groups, nested groups included: a user in group A,
 * which is a member of group B, holds B's roles too. The walk climbs `group_members` rows of
 * type Group; UNION (not UNION ALL) drops (user, group) pairs already reached, so a cycle of
 * groups ends the walk instead of looping. One query for a whole page of users.
 */
export async function derivedRoles(db: Queryable, directoryId: string, userIds: string[]): Promise<DerivedRoleRow[]> {
  if (userIds.length === 0) return [];
  const result = await db.query<DerivedRoleRow>(
    `WITH RECURSIVE reached(user_id, group_id) AS (
       SELECT m.member_id, m.group_id FROM group_members m
        WHERE m.directory_id = $1 AND m.member_type = 'User' AND m.member_id = ANY($2::text[])
       UNION
       SELECT r.user_id, parent.group_id FROM reached r
         JOIN group_members parent ON parent.directory_id = $1 AND parent.member_type = 'Group' AND parent.member_id = r.group_id
     )
     SELECT DISTINCT r.user_id, a.role_name, ro.permissions
       FROM reached r
       JOIN directory_role_assignments a ON a.directory_id = $1 AND a.group_id = r.group_id
       JOIN roles ro ON ro.name = a.role_name
      ORDER BY r.user_id, a.role_name`,
    [directoryId, userIds],
  );
  return result.rows;
}
