import type { Queryable } from './database.js';
import type { GroupColumns } from '../scim/resource/resource-columns.js';
import type { ResourceRow } from './resources.js';

export type { GroupColumns };

export interface GroupRow extends ResourceRow {
  display_name: string;
  external_id: string | null;
}


export async function insertGroup(
  db: Queryable,
  group: { directoryId: string; id: string; columns: GroupColumns; resource: Record<string, unknown>; sample?: boolean },
): Promise<GroupRow> {
  const result = await db.query<GroupRow>(
    `INSERT INTO directory_groups (directory_id, id, display_name, external_id, resource, sample) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [group.directoryId, group.id, group.columns.displayName, group.columns.externalId, group.resource, group.sample ?? false],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Replaces a group's attributes (not its members) and bumps its version; the caller holds the row lock. */
export async function updateGroup(
  db: Queryable,
  group: { directoryId: string; id: string; columns: GroupColumns; resource: Record<string, unknown> },
): Promise<GroupRow> {
  const result = await db.query<GroupRow>(
    `UPDATE directory_groups SET display_name = $3, external_id = $4, resource = $5, version = version + 1, updated_at = now()
      WHERE directory_id = $1 AND id = $2 RETURNING *`,
    [group.directoryId, group.id, group.columns.displayName, group.columns.externalId, group.resource],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`group ${group.id} vanished while locked`);
  return row;
}

/** A membership change is a change of the group: its version and lastModified move. */
export async function touchGroup(db: Queryable, directoryId: string, id: string): Promise<GroupRow> {
  const result = await db.query<GroupRow>(
    `UPDATE directory_groups SET version = version + 1, updated_at = now() WHERE directory_id = $1 AND id = $2 RETURNING *`,
    [directoryId, id],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`group ${id} vanished while locked`);
  return row;
}

/** Touches several groups at once, locking them in id order so concurrent writers cannot deadlock. */
export async function touchGroups(db: Queryable, directoryId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE directory_groups g SET version = g.version + 1, updated_at = now()
       FROM (SELECT id FROM directory_groups WHERE directory_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE) locked
      WHERE g.directory_id = $1 AND g.id = locked.id`,
    [directoryId, ids],
  );
}
