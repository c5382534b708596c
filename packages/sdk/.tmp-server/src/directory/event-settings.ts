import { readDeactivationAsDeletion, writeDeactivationAsDeletion } from '../store/event-subjects.js';
import { notFound } from './api-error.js';
import { getDirectory } from './directories.js';
import type { Services } from './services.js';

export interface EventSettings {
  deactivationAsDeletion: boolean;
}

export async function getEventSettings(services: Services, organizationId: string, directoryId: string): Promise<EventSettings> {
  await getDirectory(services, organizationId, directoryId);
  return { deactivationAsDeletion: await readDeactivationAsDeletion(services.db.pool, directoryId) };
}

/** Takes effect for changes from now on; events already written stay as they are. */
export async function updateEventSettings(services: Services, organizationId: string, directoryId: string, settings: EventSettings): Promise<EventSettings> {
  if (!(await writeDeactivationAsDeletion(services.db.pool, organizationId, directoryId, settings.deactivationAsDeletion))) throw notFound('directory', directoryId);
  return settings;
}
