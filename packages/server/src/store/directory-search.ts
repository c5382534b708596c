import type { Queryable } from './database.js';

// Search over a directory's users and groups by a substring (the dashboard's and portal's search box).

/** LIKE pattern for a substring match, with the wildcards of the input escaped. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Ids of the directory's users whose userName, display name or any email contains `text` (case-insensitive). */
export async function searchUserIds(db: Queryable, directoryId: string, text: string, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id FROM directory_users
      WHERE directory_id = $1
        AND (lower(user_name) LIKE $2 OR lower(coalesce(display_name, '')) LIKE $2
             OR lower(coalesce(given_name, '') || ' ' || coalesce(family_name, '')) LIKE $2 OR lower(coalesce(primary_email, '')) LIKE $2)
      ORDER BY id LIMIT $3`,
    [directoryId, containing(text), limit],
  );
  return result.rows.map((row) => row.id);
}

export async function searchGroupIds(db: Queryable, directoryId: string, text: string, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    'SELECT id FROM directory_groups WHERE directory_id = $1 AND lower(display_name) LIKE $2 ORDER BY id LIMIT $3',
    [directoryId, containing(text), limit],
  );
  return result.rows.map((row) => row.id);
}
