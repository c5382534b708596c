import { countAll } from '../../store/resources.js';
import { countGroupMembers, countGroupsChangedAfter, listGroupIds, listGroupMembers, type GroupMemberRow } from '../../store/group-listing.js';
import { notFound } from '../api-error.js';
import { getDirectory } from './directories.js';
import { requireGroup } from './directory-users.js';
import { loadGroupViews, type GroupView } from '../views/group-view.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';

export interface GroupListRequest extends PageRequest {
  includeDetail?: boolean | undefined;
  updatedAfter?: Date | undefined;
}

/** A keyset page of the directory's groups as the management API shows them. */
export async function listDirectoryGroups(services: Services, organizationId: string, directoryId: string, request: GroupListRequest): Promise<Page<GroupView>> {
  await getDirectory(services, organizationId, directoryId);
  const scope = `groups:${directoryId}:${request.updatedAfter?.toISOString() ?? ''}`;
  const page = keysetPage(scope, request);
  const db = services.db.pool;
  const [read, total] = await Promise.all([
    listGroupIds(db, directoryId, request.updatedAfter, page),
    request.updatedAfter ? countGroupsChangedAfter(db, directoryId, request.updatedAfter) : countAll(db, directoryId, 'groups'),
  ]);
  const views = await loadGroupViews(db, directoryId, read.rows, { includeDetail: request.includeDetail === true });
  const groups = read.rows.flatMap((id) => {
    const view = views.get(id);
    return view ? [view] : [];
  });
  return pageOf(scope, page, read, (id) => id, groups, total);
}

export async function getDirectoryGroup(services: Services, organizationId: string, directoryId: string, groupId: string, includeDetail: boolean): Promise<GroupView> {
  await getDirectory(services, organizationId, directoryId);
  const view = (await loadGroupViews(services.db.pool, directoryId, [groupId], { includeDetail })).get(groupId);
  if (!view) throw notFound('directory group', groupId);
  return view;
}

/** A keyset page of a group's direct members: users and nested groups. */
export async function listDirectoryGroupMembers(
  services: Services,
  organizationId: string,
  directoryId: string,
  groupId: string,
  request: PageRequest,
): Promise<Page<GroupMemberRow>> {
  await getDirectory(services, organizationId, directoryId);
  await requireGroup(services, directoryId, groupId);
  const scope = `members:${directoryId}:${groupId}`;
  const page = keysetPage(scope, request);
  const db = services.db.pool;
  const [read, total] = await Promise.all([listGroupMembers(db, directoryId, groupId, page), countGroupMembers(db, directoryId, groupId)]);
  return pageOf(scope, page, read, (row) => row.id, read.rows, total);
}
