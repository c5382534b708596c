import type { Queryable } from '../../store/database.js';
import { findGroupViewRows } from '../../store/group-listing.js';

/** A directory group as the management API shows it (shaped like Scalekit's). */
export interface GroupView {
  id: string;
  display_name: string;
  /** Users who are direct members. */
  total_users: number;
  updated_at: string;
  /** Present on sample data only ("Send sample data"). */
  sample?: true;
  /** The stored SCIM resource with its id, when asked for (`include_detail`); members are listed separately. */
  group_detail?: Record<string, unknown>;
}

/** The management view of these groups of one directory, by id, in one query. */
export async function loadGroupViews(
  db: Queryable,
  directoryId: string,
  groupIds: readonly string[],
  options: { includeDetail?: boolean } = {},
): Promise<Map<string, GroupView>> {
  const rows = await findGroupViewRows(db, directoryId, [...new Set(groupIds)]);
  const views = new Map<string, GroupView>();
  for (const row of rows) {
    const view: GroupView = { id: row.id, display_name: row.display_name, total_users: row.total_users, updated_at: row.updated_at.toISOString() };
    if (row.sample) view.sample = true;
    if (options.includeDetail) view.group_detail = { id: row.id, ...row.resource };
    views.set(row.id, view);
  }
  return views;
}
