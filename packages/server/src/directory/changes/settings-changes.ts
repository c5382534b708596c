import type { Queryable } from '../../store/database.js';
import { blocksFor, insertChanges, type RecordedSettings } from '../../store/event-changes.js';
import { listDirectoriesWithUserCounts, readRolesSnapshot } from '../../store/settings-snapshots.js';

// Management changes of what users' views are derived from (role assignments, attribute
// mappings, the environment's roles, the event settings) are change records too: the
// expansion worker emits user_updated for every user whose view they change, as of the change
// (change-expansion.ts), outside the management request however many users that is.

/** Room for every user the directory holds, and for some created while the change commits. */
const roomFor = (users: number) => blocksFor(Math.ceil(users * 1.25) + 1_000);

export function recordSettingsChange(
  db: Queryable,
  directory: { id: string; organizationId: string; users: number },
  before: RecordedSettings,
  after: RecordedSettings,
): Promise<void> {
  return insertChanges(db, [{ directoryId: directory.id, organizationId: directory.organizationId, data: { kind: 'settings', before, after }, blocks: roomFor(directory.users) }]);
}

/**
 * Runs a change of the environment's roles and records it for every directory (the default role
 * and permissions reach users of all of them). The caller holds lockRoleChanges.
 */
export async function recordRolesChange<T>(db: Queryable, change: () => Promise<T>): Promise<T> {
  const before = await readRolesSnapshot(db);
  const result = await change();
  const after = await readRolesSnapshot(db);
  if (JSON.stringify(before) === JSON.stringify(after)) return result;
  const directories = await listDirectoriesWithUserCounts(db);
  await insertChanges(
    db,
    directories.map((directory) => ({
      directoryId: directory.id,
      organizationId: directory.organization_id,
      data: { kind: 'settings' as const, before: { roles: before }, after: { roles: after } },
      blocks: roomFor(directory.users),
    })),
  );
  return result;
}
