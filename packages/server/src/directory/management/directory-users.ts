import { countAll, findResource, type ResourceRow } from '../../store/resources.js';
import { GROUP_RESOURCE } from '../../scim/schema/resource-types.js';
import { countUsers, listUserIds, type UserListFilter } from '../../store/user-listing.js';
import { notFound } from '../api-error.js';
import { getDirectory } from './directories.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';
import { loadUserViews, type UserView } from '../views/user-view.js';

export interface UserListRequest extends PageRequest {
  includeDetail?: boolean | undefined;
  groupId?: string | undefined;
  updatedAfter?: Date | undefined;
}

/** The directory group, or a 404: a group of another directory is as unknown as a made-up id. */
export async function requireGroup(services: Services, directoryId: string, groupId: string): Promise<void> {
  const group = await findResource<ResourceRow>(services.db.pool, GROUP_RESOURCE, directoryId, groupId);
  if (!group) throw notFound('directory group', groupId);
}

/** A keyset page of the directory's users as the management API shows them. */
export async function listDirectoryUsers(services: Services, organizationId: string, directoryId: string, request: UserListRequest): Promise<Page<UserView>> {
  await getDirectory(services, organizationId, directoryId);
  if (request.groupId !== undefined) await requireGroup(services, directoryId, request.groupId);
  const filter: UserListFilter = { groupId: request.groupId, updatedAfter: request.updatedAfter };
  const scope = `users:${directoryId}:${request.groupId ?? ''}:${request.updatedAfter?.toISOString() ?? ''}`;
  const page = keysetPage(scope, request);
  const db = services.db.pool;
  const unfiltered = request.groupId === undefined && request.updatedAfter === undefined;
  // Without filters the total is the directory's sharded counter, not a count over its users.
  const [read, total] = await Promise.all([
    listUserIds(db, directoryId, filter, page),
    unfiltered ? countAll(db, directoryId, 'users') : countUsers(db, directoryId, filter),
  ]);
  const views = await loadUserViews(db, directoryId, read.rows, { includeDetail: request.includeDetail === true });
  const users = read.rows.flatMap((id) => {
    const view = views.get(id);
    return view ? [view] : [];
  });
  return pageOf(scope, page, read, (id) => id, users, total);
}

export async function getDirectoryUser(services: Services, organizationId: string, directoryId: string, userId: string, includeDetail: boolean): Promise<UserView> {
  await getDirectory(services, organizationId, directoryId);
  const views = await loadUserViews(services.db.pool, directoryId, [userId], { includeDetail });
  const view = views.get(userId);
  if (!view) throw notFound('directory user', userId);
  return view;
}
