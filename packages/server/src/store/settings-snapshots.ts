import type { Queryable } from './database.js';
import type { RecordedSettings } from './event-changes.js';

// The settings users' views are derived from, read as a change record states them (before and
// after a management change), and the directories an environment-wide change reaches.

/** Serializes changes of the environment's roles: each records the roles before it, so two must not interleave. */
const ROLES_LOCK_KEY = 72_417_310_046;

export async function lockRoleChanges(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [ROLES_LOCK_KEY]);
}

export async function readRolesSnapshot(db: Queryable): Promise<Required<RecordedSettings>['roles']> {
  const result = await db.query<{ roles: Required<RecordedSettings>['roles'] }>(
    `SELECT coalesce(jsonb_object_agg(name, jsonb_build_object('permissions', to_jsonb(permissions), 'is_default', is_default)), '{}') AS roles FROM roles`,
  );
  return result.rows[0]?.roles ?? {};
}

/** Every directory, with how many users it holds (from its counters), for a change reaching them all. */
export async function listDirectoriesWithUserCounts(db: Queryable): Promise<{ id: string; organization_id: string; users: number }[]> {
  const result = await db.query<{ id: string; organization_id: string; users: number }>(
    `SELECT d.id, d.organization_id, coalesce((SELECT sum(c.users) FROM directory_counters c WHERE c.directory_id = d.id), 0)::bigint AS users
       FROM directories d ORDER BY d.id`,
  );
  return result.rows;
}

/** One directory's mappings and event setting, locked for a change of them. */
export async function lockDirectorySettings(
  db: Queryable,
  organizationId: string,
  directoryId: string,
): Promise<{ attribute_mappings: { key: string; map_to: string }[]; deactivation_as_deletion: boolean; users: number } | undefined> {
  const result = await db.query<{ attribute_mappings: { key: string; map_to: string }[]; deactivation_as_deletion: boolean; users: number }>(
    `SELECT attribute_mappings, deactivation_as_deletion,
            coalesce((SELECT sum(c.users) FROM directory_counters c WHERE c.directory_id = d.id), 0)::bigint AS users
       FROM directories d WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
    [organizationId, directoryId],
  );
  return result.rows[0];
}
