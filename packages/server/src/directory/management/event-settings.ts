import { readDeactivationAsDeletion, writeDeactivationAsDeletion } from '../../store/event-subjects.js';
import { lockDirectorySettings } from '../../store/settings-snapshots.js';
import { withTransaction } from '../../store/transaction.js';
import { notFound } from '../api-error.js';
import { recordSettingsChange } from '../changes/settings-changes.js';
import { getDirectory } from './directories.js';
import type { Services } from '../services.js';

export interface EventSettings {
  deactivationAsDeletion: boolean;
}

export async function getEventSettings(services: Services, organizationId: string, directoryId: string): Promise<EventSettings> {
  await getDirectory(services, organizationId, directoryId);
  return { deactivationAsDeletion: await readDeactivationAsDeletion(services.db.pool, directoryId) };
}

/**
 * Takes effect for changes from now on, by log position: a change committed before it keeps the
 * setting it was made under, also if its events are composed after (a settings change record).
 */
export async function updateEventSettings(services: Services, organizationId: string, directoryId: string, settings: EventSettings): Promise<EventSettings> {
  await withTransaction(services.db, async (client) => {
    const current = await lockDirectorySettings(client, organizationId, directoryId);
    if (!current || !(await writeDeactivationAsDeletion(client, organizationId, directoryId, settings.deactivationAsDeletion))) throw notFound('directory', directoryId);
    if (current.deactivation_as_deletion === settings.deactivationAsDeletion) return;
    await recordSettingsChange(
      client,
      { id: directoryId, organizationId, users: current.users },
      { deactivation_as_deletion: current.deactivation_as_deletion },
      { deactivation_as_deletion: settings.deactivationAsDeletion },
    );
  });
  services.changesRecorded();
  return settings;
}
