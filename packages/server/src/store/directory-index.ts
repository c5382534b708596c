import type { Queryable } from './database.js';

// What a sync run reads of the directory it diffs against: its users and groups a page at a
// time in id order (resources included, for their fingerprints), and one group's members.

export interface IndexUserRow {
  id: string;
  external_id: string | null;
  user_name: string;
  active: boolean;
  resource: Record<string, unknown>;
}

export interface IndexGroupRow {
  id: string;
  external_id: string | null;
  display_name: string;
  resource: Record<string, unknown>;
}

export async function readUsersAfter(db: Queryable, directoryId: string, afterId: string, limit: number): Promise<IndexUserRow[]> {
  const result = await db.query<IndexUserRow>(
    'SELECT id, external_id, user_name, active, resource FROM directory_users WHERE directory_id = $1 AND id > $2 ORDER BY id LIMIT $3',
    [directoryId, afterId, limit],
  );
  return result.rows;
}

export async function readGroupsAfter(db: Queryable, directoryId: string, afterId: string, limit: number): Promise<IndexGroupRow[]> {
  const result = await db.query<IndexGroupRow>(
    'SELECT id, external_id, display_name, resource FROM directory_groups WHERE directory_id = $1 AND id > $2 ORDER BY id LIMIT $3',
    [directoryId, afterId, limit],
  );
  return result.rows;
}

export async function readMemberIds(db: Queryable, directoryId: string, groupId: string): Promise<string[]> {
  const result = await db.query<{ member_id: string }>('SELECT member_id FROM group_members WHERE directory_id = $1 AND group_id = $2', [directoryId, groupId]);
  return result.rows.map((row) => row.member_id);
}
