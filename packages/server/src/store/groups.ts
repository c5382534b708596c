import type { GroupColumns } from '../scim/resource/resource-columns.js';
import type { Queryable } from './database.js';
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

/**
 * A group's events must show it as of their place in the log, which is their transaction's id,
 * and a transaction gets that id with its first row lock. A writer that took its id (say, with
 * its lock on a user it deletes) and only then waited for a group's row lock would commit behind a
 * rename that took the group first, yet sit before it in the log with the renamed group in its
 * event. So every writer of a group's events first takes this transaction-level advisory lock,
 * which gives no id: writers of one group get their ids, and their places in the log, in the
 * order they hold the group. Collisions of the 64-bit key only make writers of two groups wait.
 */
const GROUP_EVENTS_KEY = (directory: string, group: string) => `hashtextextended(${directory} || '/' || ${group}, 0)`;

/** A statement's CTE taking one group's event lock (see above); the statement's row locks must come after it. */
export const LOCK_GROUP_EVENTS = (directory: string, group: string) => `SELECT pg_advisory_xact_lock(${GROUP_EVENTS_KEY(directory, group)}) IS NULL AS locked`;

/**
 * Takes the event locks of these groups in the caller's transaction, in key order (so two writers
 * never wait on each other crosswise). Read through the directory's row, so that sharded by
 * directory (docs/scaling.md) the locks are taken on the node where the writes get their ids.
 */
export async function lockGroupEvents(db: Queryable, directoryId: string, groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await db.query(
    `SELECT count(pg_advisory_xact_lock(keys.k)) FROM directories d,
            LATERAL (SELECT DISTINCT ${GROUP_EVENTS_KEY('d.id', 'g')} AS k FROM unnest($2::text[]) g ORDER BY k OFFSET 0) keys
      WHERE d.id = $1`,
    [directoryId, groupIds],
  );
}

/** A group row read back as JSON (row_to_json, json_agg): its timestamps as dates. */
export function groupRowOf(json: GroupRow): GroupRow {
  return { ...json, created_at: new Date(json.created_at), updated_at: new Date(json.updated_at) };
}
