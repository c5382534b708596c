import type { Queryable } from './database.js';
import type { RecordedSettings } from './event-changes.js';
import { prepared } from './prepared.js';

// What the expansion worker reads of the live directory: the state after every committed change,
// from which it subtracts the changes its log position has not reached yet. Set-based reads.

export interface LiveUser {
  id: string;
  resource: Record<string, unknown>;
  updated_at: Date;
  sample: boolean;
  /** The groups the user is a direct member of. */
  groups: string[];
}

export async function readLiveUsers(db: Queryable, directoryId: string, ids: string[]): Promise<LiveUser[]> {
  if (ids.length === 0) return [];
  const result = await db.query<LiveUser>(
    prepared(`SELECT u.id, u.resource, u.updated_at, u.sample,
            coalesce((SELECT array_agg(m.group_id) FROM group_members m WHERE m.directory_id = u.directory_id AND m.member_id = u.id), '{}') AS groups
       FROM directory_users u WHERE u.directory_id = $1 AND u.id = ANY($2::text[])`,
    [directoryId, ids]),
  );
  return result.rows;
}

/** The next `limit` user ids after `after`, in id order. */
export async function listUserIdsAfter(db: Queryable, directoryId: string, after: string, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(prepared('SELECT id FROM directory_users WHERE directory_id = $1 AND id > $2 ORDER BY id LIMIT $3', [directoryId, after, limit]));
  return result.rows.map((row) => row.id);
}

export async function readGroupNames(db: Queryable, directoryId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await db.query<{ id: string; display_name: string }>(prepared('SELECT id, display_name FROM directory_groups WHERE directory_id = $1 AND id = ANY($2::text[])', [
    directoryId,
    ids,
  ]));
  return new Map(result.rows.map((row) => [row.id, row.display_name]));
}

/** The directory's settings as a change record states them, and its nested-group edges [child, parent]. */
export interface LiveDirectoryFacts {
  settings: Required<RecordedSettings>;
  edges: [string, string][];
}

export async function readDirectoryFacts(db: Queryable, directoryId: string): Promise<LiveDirectoryFacts> {
  const result = await db.query<{ settings: Required<RecordedSettings>; edges: [string, string][] }>(
    prepared(`SELECT jsonb_build_object(
              'attribute_mappings', d.attribute_mappings,
              'deactivation_as_deletion', d.deactivation_as_deletion,
              'assignments', coalesce((SELECT jsonb_agg(jsonb_build_array(a.group_id, a.role_name) ORDER BY a.group_id, a.role_name)
                                         FROM directory_role_assignments a WHERE a.directory_id = d.id), '[]'),
              'roles', coalesce((SELECT jsonb_object_agg(r.name, jsonb_build_object('permissions', to_jsonb(r.permissions), 'is_default', r.is_default)) FROM roles r), '{}')
            ) AS settings,
            coalesce((SELECT jsonb_agg(jsonb_build_array(m.member_id, m.group_id)) FROM group_members m
                       WHERE m.directory_id = d.id AND m.member_type = 'Group'), '[]') AS edges
       FROM directories d WHERE d.id = $1`,
    [directoryId]),
  );
  const row = result.rows[0];
  if (!row) return { settings: { attribute_mappings: [], deactivation_as_deletion: false, assignments: [], roles: {} }, edges: [] };
  return row;
}
