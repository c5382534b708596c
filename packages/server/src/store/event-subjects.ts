import type { Queryable } from './database.js';

// The directory's event setting: whether deactivation is reported as deletion.

/** Whether the directory's events treat deactivation as deletion (003_events.sql). */
export async function readDeactivationAsDeletion(db: Queryable, directoryId: string): Promise<boolean> {
  const result = await db.query<{ deactivation_as_deletion: boolean }>('SELECT deactivation_as_deletion FROM directories WHERE id = $1', [directoryId]);
  return result.rows[0]?.deactivation_as_deletion ?? false;
}

export async function writeDeactivationAsDeletion(db: Queryable, organizationId: string, directoryId: string, value: boolean): Promise<boolean> {
  const result = await db.query('UPDATE directories SET deactivation_as_deletion = $3 WHERE organization_id = $1 AND id = $2', [organizationId, directoryId, value]);
  return (result.rowCount ?? 0) > 0;
}
