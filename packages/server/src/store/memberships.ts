import type { Queryable } from './database.js';

export type MemberType = 'User' | 'Group';

export interface Member {
  id: string;
  type: MemberType;
}

export interface MemberWithDisplay extends Member {
  group_id: string;
  display: string | null;
}

/**
 * Which of these ids are users or groups of the directory, and of which type. One indexed
 * look-up per call, whatever the number of ids.
 */
export async function findMembers(db: Queryable, directoryId: string, ids: string[]): Promise<Member[]> {
  if (ids.length === 0) return [];
  const result = await db.query<Member>(
    `SELECT id, 'User' AS type FROM directory_users WHERE directory_id = $1 AND id = ANY($2::text[])
     UNION ALL
     SELECT id, 'Group' AS type FROM directory_groups WHERE directory_id = $1 AND id = ANY($2::text[])`,
    [directoryId, ids],
  );
  return result.rows;
}

/** Adds members set-wise; returns the ids that were not members before. */
export async function addMembers(db: Queryable, directoryId: string, groupId: string, members: Member[]): Promise<string[]> {
  if (members.length === 0) return [];
  const result = await db.query<{ member_id: string }>(
    `INSERT INTO group_members (directory_id, group_id, member_id, member_type)
     SELECT $1, $2, m.id, m.type FROM unnest($3::text[], $4::text[]) AS m(id, type)
     ON CONFLICT DO NOTHING RETURNING member_id`,
    [directoryId, groupId, members.map((member) => member.id), members.map((member) => member.type)],
  );
  return result.rows.map((row) => row.member_id);
}

/** Removes these members; returns the ids that were members. Removing a non-member is a no-op. */
export async function removeMembers(db: Queryable, directoryId: string, groupId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.query<{ member_id: string }>(
    `DELETE FROM group_members WHERE directory_id = $1 AND group_id = $2 AND member_id = ANY($3::text[]) RETURNING member_id`,
    [directoryId, groupId, ids],
  );
  return result.rows.map((row) => row.member_id);
}

/** Removes every member except `keep` (none when empty); returns the removed ids. */
export async function removeMembersExcept(db: Queryable, directoryId: string, groupId: string, keep: string[]): Promise<string[]> {
  const result = await db.query<{ member_id: string }>(
    `DELETE FROM group_members WHERE directory_id = $1 AND group_id = $2 AND NOT (member_id = ANY($3::text[])) RETURNING member_id`,
    [directoryId, groupId, keep],
  );
  return result.rows.map((row) => row.member_id);
}

/** Removes a user or group from every group it belongs to (before the resource itself goes). */
export async function removeFromAllGroups(db: Queryable, directoryId: string, memberId: string): Promise<string[]> {
  const result = await db.query<{ group_id: string }>(
    'DELETE FROM group_members WHERE directory_id = $1 AND member_id = $2 RETURNING group_id',
    [directoryId, memberId],
  );
  return result.rows.map((row) => row.group_id);
}

/** The members of these groups, with a display name, for rendering `members`. */
export async function listMembersOfGroups(db: Queryable, directoryId: string, groupIds: string[]): Promise<MemberWithDisplay[]> {
  if (groupIds.length === 0) return [];
  const result = await db.query<MemberWithDisplay>(
    `SELECT m.group_id, m.member_id AS id, m.member_type AS type,
            coalesce(u.display_name, u.user_name, g.display_name) AS display
       FROM group_members m
       LEFT JOIN directory_users u ON m.member_type = 'User' AND u.directory_id = m.directory_id AND u.id = m.member_id
       LEFT JOIN directory_groups g ON m.member_type = 'Group' AND g.directory_id = m.directory_id AND g.id = m.member_id
      WHERE m.directory_id = $1 AND m.group_id = ANY($2::text[])
      ORDER BY m.group_id, m.member_id`,
    [directoryId, groupIds],
  );
  return result.rows;
}

/** Each group's member count, counted no further than `cap` (a 100k-member group costs `cap` index entries). */
export async function countMembersUpTo(db: Queryable, directoryId: string, groupIds: string[], cap: number): Promise<{ group_id: string; size: number }[]> {
  if (groupIds.length === 0) return [];
  const result = await db.query<{ group_id: string; size: number }>(
    `SELECT g.id AS group_id,
            (SELECT count(*)::int FROM (SELECT 1 FROM group_members m WHERE m.directory_id = $1 AND m.group_id = g.id LIMIT $3) capped) AS size
       FROM unnest($2::text[]) AS g(id)`,
    [directoryId, groupIds, cap],
  );
  return result.rows;
}

export interface GroupOfMember {
  member_id: string;
  group_id: string;
  display_name: string;
}

/** The groups these users (or groups) belong to directly, for rendering a User's `groups`. */
export async function listGroupsOfMembers(db: Queryable, directoryId: string, memberIds: string[]): Promise<GroupOfMember[]> {
  if (memberIds.length === 0) return [];
  const result = await db.query<GroupOfMember>(
    `SELECT m.member_id, m.group_id, g.display_name
       FROM group_members m JOIN directory_groups g ON g.directory_id = m.directory_id AND g.id = m.group_id
      WHERE m.directory_id = $1 AND m.member_id = ANY($2::text[])
      ORDER BY m.member_id, g.display_name`,
    [directoryId, memberIds],
  );
  return result.rows;
}

/**
 * The users who hold roles through these groups: their members and, recursively, the members
 * of groups nested in them (a role granted to a group reaches its nested groups' users).
 */
export async function usersUnderGroups(db: Queryable, directoryId: string, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const result = await db.query<{ member_id: string }>(
    `WITH RECURSIVE reached(id) AS (
       SELECT unnest($2::text[])
       UNION
       SELECT m.member_id FROM group_members m JOIN reached ON m.group_id = reached.id
        WHERE m.directory_id = $1 AND m.member_type = 'Group'
     )
     SELECT DISTINCT m.member_id FROM group_members m JOIN reached ON m.group_id = reached.id
      WHERE m.directory_id = $1 AND m.member_type = 'User'`,
    [directoryId, groupIds],
  );
  return result.rows.map((row) => row.member_id);
}
