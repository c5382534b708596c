import { ScimError } from '../../scim/scim-error.js';
import { listSampleIds } from '../../store/resources.js';
import { getDirectory } from './directories.js';
import type { ScimContext } from '../scim/scim-context.js';
import { deleteGroup } from '../scim/scim-groups.js';
import { deleteUser } from '../scim/scim-users.js';
import type { Services } from '../services.js';

// The users and groups "Send sample data" made (sample-push.ts marks them through its secret),
// counted for the screens that offer their removal, and removed: each through the same use case
// a SCIM DELETE runs, so the app gets user_deleted and group_deleted events as for any deletion.

export interface SampleDataCounts {
  users: number;
  groups: number;
}

export async function countSampleData(services: Services, organizationId: string, directoryId: string): Promise<SampleDataCounts> {
  await getDirectory(services, organizationId, directoryId);
  const ids = await listSampleIds(services.db.pool, directoryId);
  return { users: ids.users.length, groups: ids.groups.length };
}

/** Deletes the directory's sample groups, then its sample users, each with its events; returns how many went. */
export async function removeSampleData(services: Services, organizationId: string, directoryId: string): Promise<SampleDataCounts> {
  await getDirectory(services, organizationId, directoryId);
  const ids = await listSampleIds(services.db.pool, directoryId);
  // Deletes render nothing, so no base URL is needed.
  const context: ScimContext = { services, directoryId, organizationId, baseUrl: '', writesSampleData: true };
  const removed = { users: 0, groups: 0 };
  // Groups first: their members' events then say "removed from a deleted group" once, not per user deletion.
  for (const id of ids.groups) if (await gone(() => deleteGroup(context, id))) removed.groups++;
  for (const id of ids.users) if (await gone(() => deleteUser(context, id))) removed.users++;
  return removed;
}

/** True when this call deleted it; false when a concurrent request already had. */
async function gone(remove: () => Promise<void>): Promise<boolean> {
  try {
    await remove();
    return true;
  } catch (error) {
    if (error instanceof ScimError && error.status === 404) return false;
    throw error;
  }
}
