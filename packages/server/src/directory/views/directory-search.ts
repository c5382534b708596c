import { searchGroupIds, searchUserIds } from '../../store/directory-search.js';
import { getDirectory } from '../management/directories.js';
import { loadGroupViews, type GroupView } from './group-view.js';
import type { Services } from '../services.js';
import { loadUserViews, type UserView } from './user-view.js';

// The dashboard's and the portal's search over a directory's users and groups. Every search names
// the organization, so a directory of another organization is a 404 like an unknown one.

export const SEARCH_LIMIT = 50;

export async function searchDirectoryUsers(services: Services, organizationId: string, directoryId: string, text: string): Promise<UserView[]> {
  await getDirectory(services, organizationId, directoryId);
  const ids = await searchUserIds(services.db.pool, directoryId, text, SEARCH_LIMIT);
  const views = await loadUserViews(services.db.pool, directoryId, ids, {});
  return ids.flatMap((id) => views.get(id) ?? []);
}

export async function searchDirectoryGroups(services: Services, organizationId: string, directoryId: string, text: string): Promise<GroupView[]> {
  await getDirectory(services, organizationId, directoryId);
  const ids = await searchGroupIds(services.db.pool, directoryId, text, SEARCH_LIMIT);
  const views = await loadGroupViews(services.db.pool, directoryId, ids);
  return ids.flatMap((id) => views.get(id) ?? []);
}
