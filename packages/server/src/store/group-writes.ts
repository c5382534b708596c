import type { Queryable } from './database.js';
import { counterShard } from './resources.js';
import { LOCK_GROUP_EVENTS, TOUCH_GROUPS, groupRowOf, type GroupColumns, type GroupRow } from './groups.js';
import type { MemberType } from './memberships.js';
import { prepared } from './prepared.js';

// SCIM writes of groups, each one statement: the group row, its membership rows (set-based, k
// rows for k members whatever the group's size), the counter, the group's own event and the
// change records its members' events are composed from later (event_changes). The group's row
// lock is taken by the statement and released by its commit: held for this statement only.

/** A group's event data (directory/views/event-payloads.ts, groupEventData), built where the row is. */
const GROUP_EVENT_DATA = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'display_name', ${alias}.display_name,
                      'updated_at', to_char(${alias}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      'group_detail', jsonb_build_object('id', ${alias}.id) || ${alias}.resource)
   || CASE WHEN ${alias}.sample THEN '{"sample": true}'::jsonb ELSE '{}'::jsonb END`;

/** The membership summary of a group event (change-events.ts, membershipSummary): ids up to `limit` changes, else counts. One pass over each side. */
const MEMBERSHIP_SUMMARY = (added: string, removed: string, limit: string) =>
  `(SELECT CASE WHEN a.n + r.n > ${limit} THEN jsonb_build_object('members_added_count', a.n, 'members_removed_count', r.n)
               ELSE jsonb_build_object('members_added', a.ids, 'members_removed', r.ids, 'members_added_count', a.n, 'members_removed_count', r.n) END
      FROM (SELECT count(*) AS n, coalesce(jsonb_agg(member_id), '[]') AS ids FROM ${added}) a,
           (SELECT count(*) AS n, coalesce(jsonb_agg(member_id), '[]') AS ids FROM ${removed}) r)`;

/**
 * A group's event, recorded for the expansion worker to name (change-expansion.ts). Event ids sort
 * by time and apps take them as versions, so a group's later event must carry the greater id.
 * The log orders events by transaction id, which neither the time a writer draws an id nor the
 * order writers take the group's lock in follows; the worker names events in log order.
 */
const RECORD_GROUP_EVENT = (directory: string, organization: string, group: string, type: string, data: string) => `
  INSERT INTO event_changes (directory_id, organization_id, kind, subject_id, data)
  SELECT ${directory}, ${organization}, 'event', ${group},
         jsonb_build_object('kind', 'event', 'event', jsonb_build_object('type', '${type}', 'object', 'DirectoryGroup', 'data', ${data}))`;

/** Position blocks for a change of `n` users (event-changes.ts): one per 65,536. */
const BLOCKS = (n: string) => `ARRAY(SELECT nextval('events_seq_seq') FROM generate_series(1, greatest(1, ceil((${n})::numeric / 65536)::int)))`;

/** A change reaching every user of the directory reserves room for all of them, and for some created meanwhile. */
const DIRECTORY_BLOCKS = (directory: string) =>
  BLOCKS(`(SELECT coalesce(sum(users), 0) FROM directory_counters WHERE directory_id = ${directory}) * 5 / 4 + 1000`);

/**
 * The members asked for, resolved to this directory's users and groups, with what
 * `members[].display` shows. Ids carry their type's prefix, so each id is looked up in one table
 * only (`ids` names every id asked for, `groupIds` those that look like groups).
 *
 * Users are key-share locked: a user's delete holds its row, so an add waits for it and then
 * finds the user gone (a missing member), or the delete waits for the add and then removes the
 * membership too. Without the lock, an add that read the user before its delete committed left a
 * membership of a user that no longer exists. `after` names a CTE the lock must wait for (the
 * group's event lock: a row lock gives the statement its place in the log).
 */
const RESOLVE = (directory: string, ids: string, groupIds: string, after?: string) => `
  SELECT u.id, 'User' AS type, coalesce(u.display_name, u.user_name) AS display
    FROM (SELECT u.* FROM directory_users u${after ? `, ${after}` : ''}
           WHERE u.directory_id = ${directory} AND u.id = ANY(${ids}::text[]) AND NOT (u.id = ANY(${groupIds}::text[]))
             FOR KEY SHARE OF u) u
  UNION ALL
  SELECT c.id, 'Group', c.display_name FROM directory_groups c WHERE c.directory_id = ${directory} AND c.id = ANY(${groupIds}::text[])`;

/** The ids of `ids` that are group ids by their prefix (ids.ts). */
export const groupIdsAmong = (ids: readonly string[]) => ids.filter((id) => id.startsWith('dirgroup_'));

/**
 * The users a group record (the CTE `user_record`) touches, one row each with the way it touched
 * them (013): the expansion worker finds a user's later changes by them, not by searching every
 * record's data. `users` selects (member_id, added).
 */
const RECORD_TOUCHED_USERS = (directory: string, group: string, users: string) => `
  touched_users AS (
    INSERT INTO event_change_users (directory_id, user_id, txid, seq, group_id, added)
    SELECT ${directory}, m.member_id, r.txid, r.seq, ${group}, m.added FROM user_record r, (${users}) m)`;

/** Change records of a membership change: one for its users' deltas, one for nested-group edges (both only when there are some). */
const RECORD_CHANGES = (directory: string, organization: string, group: string, added: string, removed: string, after: string, name: string) => `
  user_record AS (
    INSERT INTO event_changes (directory_id, organization_id, seq, blocks, kind, subject_id, data)
    SELECT ${directory}, ${organization}, b[1], CASE WHEN cardinality(b) > 1 THEN b END, 'group', ${group},
           jsonb_build_object('kind', 'group', 'users_added', a.ids, 'users_removed', r.ids) || ${name}
      FROM ${after},
           (SELECT count(*) AS n, coalesce(jsonb_agg(member_id), '[]') AS ids FROM ${added} WHERE member_type = 'User') a,
           (SELECT count(*) AS n, coalesce(jsonb_agg(member_id), '[]') AS ids FROM ${removed} WHERE member_type = 'User') r,
           LATERAL (SELECT ${BLOCKS('a.n + r.n')} AS b) blocks
     WHERE a.n + r.n > 0 OR ${name} <> '{}'::jsonb
    RETURNING txid, seq),
  ${RECORD_TOUCHED_USERS(directory, group, `SELECT member_id, true AS added FROM ${added} WHERE member_type = 'User' UNION ALL SELECT member_id, false FROM ${removed} WHERE member_type = 'User'`)},
  graph_record AS (
    INSERT INTO event_changes (directory_id, organization_id, seq, blocks, kind, subject_id, data)
    SELECT ${directory}, ${organization}, b[1], CASE WHEN cardinality(b) > 1 THEN b END, 'graph', ${group},
           jsonb_build_object('kind', 'graph', 'assignments_removed', '[]'::jsonb,
             'edges_added', coalesce((SELECT jsonb_agg(jsonb_build_array(member_id, ${group}::text)) FROM ${added} WHERE member_type = 'Group'), '[]'),
             'edges_removed', coalesce((SELECT jsonb_agg(jsonb_build_array(member_id, ${group}::text)) FROM ${removed} WHERE member_type = 'Group'), '[]'))
      FROM ${after} LEFT JOIN user_record ON true, LATERAL (SELECT ${DIRECTORY_BLOCKS(directory)} AS b) blocks
     WHERE EXISTS (SELECT 1 FROM ${added} WHERE member_type = 'Group') OR EXISTS (SELECT 1 FROM ${removed} WHERE member_type = 'Group'))`;

export interface ResolvedMember {
  id: string;
  type: MemberType;
  display: string | null;
}

export type CreatedGroup = { row: GroupRow; members: ResolvedMember[] } | { missing: string[] };

/** Creates a group with its members; when some member ids are not this directory's users or groups, nothing is written. */
export async function createGroupRecorded(
  db: Queryable,
  group: { directoryId: string; organizationId: string; id: string; columns: GroupColumns; resource: Record<string, unknown>; memberIds: string[]; idLimit: number; sample: boolean },
): Promise<CreatedGroup> {
  const result = await db.query<{ created: GroupRow | null; members: ResolvedMember[] | null }>(
    prepared(`WITH wanted AS (${RESOLVE('$1', '$6', '$10')}),
     valid AS (SELECT count(*) = cardinality($6::text[]) AS ok FROM wanted),
     g AS (INSERT INTO directory_groups (directory_id, id, display_name, external_id, resource, sample)
           SELECT $1, $2, $3, $4, $5, $11 FROM valid WHERE valid.ok RETURNING *),
     added AS (INSERT INTO group_members (directory_id, group_id, member_id, member_type)
               SELECT $1, g.id, w.id, w.type FROM g, wanted w ON CONFLICT DO NOTHING RETURNING member_id, member_type),
     removed AS (SELECT NULL::text AS member_id, NULL::text AS member_type WHERE false),
     counted AS (INSERT INTO directory_counters (directory_id, shard, groups, group_updated_at) SELECT $1, $9, 1, now() FROM g
                 ON CONFLICT (directory_id, shard) DO UPDATE SET groups = directory_counters.groups + 1, group_updated_at = now()),
     event AS (${RECORD_GROUP_EVENT('$1', '$7', '$2', 'organization.directory.group_created', `${GROUP_EVENT_DATA('g')} || ${MEMBERSHIP_SUMMARY('added', 'removed', '$8')}`)}
                 FROM g RETURNING 1),
     ${RECORD_CHANGES('$1', '$7', '$2', 'added', 'removed', 'event', `'{}'::jsonb`)}
     SELECT (SELECT row_to_json(g) FROM g) AS created, (SELECT json_agg(w ORDER BY w.id) FROM wanted w) AS members`,
    [group.directoryId, group.id, group.columns.displayName, group.columns.externalId, group.resource, group.memberIds, group.organizationId, group.idLimit, counterShard(), groupIdsAmong(group.memberIds), group.sample]),
  );
  const row = result.rows[0];
  const members = row?.members ?? [];
  if (!row?.created) {
    const found = new Set(members.map((member) => member.id));
    return { missing: group.memberIds.filter((id) => !found.has(id)) };
  }
  return { row: groupRowOf(row.created), members };
}

/** What a PUT or PATCH does to a group: its new attributes (if they change), and the net effect of its member operations. */
export interface GroupWrite {
  directoryId: string;
  organizationId: string;
  id: string;
  /** Write only while the group is at this version (If-Match, or attributes computed from a read); null: whatever it is. */
  version: number | null;
  attributes: { columns: GroupColumns; resource: Record<string, unknown>; nameBefore: string } | null;
  /** Remove every member not in `present` first (replace, removeAll). */
  clear: boolean;
  present: string[];
  absent: string[];
  /** previous_attributes of the group event (what the new attributes replaced). */
  previous: Record<string, unknown>;
  idLimit: number;
}

export type WrittenGroup =
  | { outcome: 'written'; row: GroupRow }
  | { outcome: 'unchanged'; row: GroupRow }
  | { outcome: 'missing-members'; missing: string[] }
  /** The group is gone, or no longer at the version asked for. */
  | { outcome: 'conflict' };

/**
 * Applies a group write in one statement. The group's row lock comes first, so concurrent writers
 * to one group take turns and no membership change is lost; the version moves only if something
 * changed (a repeated remove is a no-op).
 */
export async function writeGroupRecorded(db: Queryable, write: GroupWrite): Promise<WrittenGroup> {
  const attributes = write.attributes;
  // A rename is recorded: the names members' events show follow it (change-state.ts).
  const nameChange = `(CASE WHEN $12::text IS DISTINCT FROM $13::text THEN jsonb_build_object('name', jsonb_build_object('before', $12::text, 'after', $13::text)) ELSE '{}'::jsonb END)`;
  const result = await db.query<{ locked: GroupRow | null; updated: GroupRow | null; valid: boolean; found: string[] | null }>(
    // The group's event lock first (groups.ts): the row lock below gives the statement its place in the log.
    prepared(`WITH event_lock AS (${LOCK_GROUP_EVENTS('$1', '$2')}),
     g AS (SELECT d.* FROM directory_groups d, event_lock WHERE d.directory_id = $1 AND d.id = $2 AND ($3::int IS NULL OR d.version = $3) FOR UPDATE OF d),
     wanted AS (${RESOLVE('$1', '$5', '$16', 'event_lock')}),
     valid AS (SELECT count(*) = cardinality($5::text[]) AS ok FROM wanted),
     removed AS (
       DELETE FROM group_members m USING g, valid
        WHERE valid.ok AND m.directory_id = $1 AND m.group_id = g.id
          AND CASE WHEN $4::boolean THEN NOT (m.member_id = ANY($5::text[])) ELSE m.member_id = ANY($6::text[]) END
       RETURNING m.member_id, m.member_type),
     added AS (
       INSERT INTO group_members (directory_id, group_id, member_id, member_type)
       SELECT $1, g.id, w.id, w.type FROM g, wanted w, valid WHERE valid.ok
       ON CONFLICT DO NOTHING RETURNING member_id, member_type),
     updated AS (
       UPDATE directory_groups d
          SET display_name = coalesce($7, d.display_name), external_id = CASE WHEN $7::text IS NULL THEN d.external_id ELSE $8 END,
              resource = coalesce($9::jsonb, d.resource), version = d.version + 1, updated_at = now()
         FROM g, valid
        WHERE valid.ok AND d.directory_id = $1 AND d.id = g.id
          AND ($7::text IS NOT NULL OR EXISTS (SELECT 1 FROM removed) OR EXISTS (SELECT 1 FROM added))
       RETURNING d.*),
     counted AS (INSERT INTO directory_counters (directory_id, shard, group_updated_at) SELECT $1, $14, now() FROM updated
                 ON CONFLICT (directory_id, shard) DO UPDATE SET group_updated_at = now()),
     event AS (${RECORD_GROUP_EVENT('$1', '$10', '$2', 'organization.directory.group_updated', `${GROUP_EVENT_DATA('u')} || ${MEMBERSHIP_SUMMARY('added', 'removed', '$11')} || jsonb_build_object('previous_attributes', $15::jsonb)`)}
                 FROM updated u RETURNING 1),
     ${RECORD_CHANGES('$1', '$10', '$2', 'added', 'removed', 'event', nameChange)}
     SELECT (SELECT row_to_json(g) FROM g) AS locked, (SELECT row_to_json(u) FROM updated u) AS updated,
            (SELECT ok FROM valid) AS valid, (SELECT array_agg(id) FROM wanted) AS found`,
    [
      write.directoryId,
      write.id,
      write.version,
      write.clear,
      write.present,
      write.absent,
      attributes?.columns.displayName ?? null,
      attributes?.columns.externalId ?? null,
      attributes?.resource ?? null,
      write.organizationId,
      write.idLimit,
      attributes?.nameBefore ?? null,
      attributes?.columns.displayName ?? null,
      counterShard(),
      write.previous,
      groupIdsAmong(write.present),
    ]),
  );
  const row = result.rows[0];
  if (!row?.locked) return { outcome: 'conflict' };
  if (!row.valid) {
    const found = new Set(row.found ?? []);
    return { outcome: 'missing-members', missing: write.present.filter((id) => !found.has(id)) };
  }
  if (row.updated) return { outcome: 'written', row: groupRowOf(row.updated) };
  return { outcome: 'unchanged', row: groupRowOf(row.locked) };
}

/**
 * Deletes a group still at `version`, in the caller's transaction: its memberships both ways and
 * role assignments, the group_deleted event, and the change records of its members and nested
 * groups. Returns the groups it was a member of (bumped, for their events), or undefined.
 */
export async function deleteGroupRecorded(
  db: Queryable,
  group: { directoryId: string; organizationId: string; id: string; version: number },
): Promise<{ parents: GroupRow[] } | undefined> {
  const result = await db.query<{ deleted: boolean; parents: GroupRow[] | null }>(
    prepared(`WITH d AS (DELETE FROM directory_groups WHERE directory_id = $1 AND id = $2 AND version = $3 RETURNING *),
     removed AS (DELETE FROM group_members m USING d WHERE m.directory_id = $1 AND m.group_id = d.id RETURNING m.member_id, m.member_type),
     added AS (SELECT NULL::text AS member_id, NULL::text AS member_type WHERE false),
     parents AS (DELETE FROM group_members m USING d WHERE m.directory_id = $1 AND m.member_id = d.id RETURNING m.group_id),
     unassigned AS (DELETE FROM directory_role_assignments a USING d WHERE a.directory_id = $1 AND a.group_id = d.id RETURNING a.role_name),
     counted AS (INSERT INTO directory_counters (directory_id, shard, groups, group_updated_at) SELECT $1, $5, -1, now() FROM d
                 ON CONFLICT (directory_id, shard) DO UPDATE SET groups = directory_counters.groups - 1, group_updated_at = now()),
     event AS (${RECORD_GROUP_EVENT('$1', '$4', '$2', 'organization.directory.group_deleted', GROUP_EVENT_DATA('d'))} FROM d RETURNING 1),
     user_record AS (
       INSERT INTO event_changes (directory_id, organization_id, seq, blocks, kind, subject_id, data)
       SELECT $1, $4, b[1], CASE WHEN cardinality(b) > 1 THEN b END, 'group', $2,
              jsonb_build_object('kind', 'group', 'users_added', '[]'::jsonb, 'users_removed', to_jsonb(ids),
                                 'name', jsonb_build_object('before', dd.display_name, 'after', NULL))
         FROM event, d dd,
              (SELECT ARRAY(SELECT member_id FROM removed WHERE member_type = 'User' ORDER BY member_id) AS ids) r,
              LATERAL (SELECT ${BLOCKS('cardinality(r.ids)')} AS b) blocks
       RETURNING txid, seq),
     ${RECORD_TOUCHED_USERS('$1', '$2', `SELECT member_id, false AS added FROM removed WHERE member_type = 'User'`)},
     graph_record AS (
       INSERT INTO event_changes (directory_id, organization_id, seq, blocks, kind, subject_id, data)
       SELECT $1, $4, b[1], CASE WHEN cardinality(b) > 1 THEN b END, 'graph', $2,
              jsonb_build_object('kind', 'graph', 'edges_added', '[]'::jsonb,
                'edges_removed', coalesce((SELECT jsonb_agg(jsonb_build_array(member_id, $2::text)) FROM removed WHERE member_type = 'Group'), '[]')
                                 || coalesce((SELECT jsonb_agg(jsonb_build_array($2::text, group_id)) FROM parents), '[]'),
                'assignments_removed', coalesce((SELECT jsonb_agg(jsonb_build_array($2::text, role_name)) FROM unassigned), '[]'))
         FROM user_record, LATERAL (SELECT ${DIRECTORY_BLOCKS('$1')} AS b) blocks
        WHERE EXISTS (SELECT 1 FROM removed WHERE member_type = 'Group') OR EXISTS (SELECT 1 FROM parents) OR EXISTS (SELECT 1 FROM unassigned)),
     touched AS (${TOUCH_GROUPS('$1', 'SELECT group_id FROM parents')})
     SELECT EXISTS (SELECT 1 FROM d) AS deleted, (SELECT json_agg(t ORDER BY t.id) FROM touched t) AS parents`,
    [group.directoryId, group.id, group.version, group.organizationId, counterShard()]),
  );
  const row = result.rows[0];
  if (!row?.deleted) return undefined;
  return { parents: (row.parents ?? []).map(groupRowOf) };
}
