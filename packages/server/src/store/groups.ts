import type { GroupColumns } from '../scim/resource/resource-columns.js';
import type { ResourceRow } from './resources.js';

export type { GroupColumns };

export interface GroupRow extends ResourceRow {
  display_name: string;
  external_id: string | null;
}

/**
 * A statement's CTE that bumps the groups a member left (their version and lastModified move),
 * locking them in id order as every writer of several groups does, so none deadlocks another.
 */
export const TOUCH_GROUPS = (directory: string, groupIds: string) => `
  UPDATE directory_groups g SET version = g.version + 1, updated_at = now()
    FROM (SELECT id FROM directory_groups WHERE directory_id = ${directory} AND id IN (${groupIds}) ORDER BY id FOR UPDATE) locked
   WHERE g.directory_id = ${directory} AND g.id = locked.id RETURNING g.*`;

/** A group row read back as JSON (row_to_json, json_agg): its timestamps as dates. */
export function groupRowOf(json: GroupRow): GroupRow {
  return { ...json, created_at: new Date(json.created_at), updated_at: new Date(json.updated_at) };
}
