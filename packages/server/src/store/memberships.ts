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

