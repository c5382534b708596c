import type { Queryable } from '../store/database.js';
import type { NewEvent } from '../store/events.js';
import { findGroupsByIds, readDeactivationAsDeletion } from '../store/event-subjects.js';
import type { GroupRow } from '../store/groups.js';
import type { UserRow } from '../store/users.js';
import { groupEventData, loadUserEventData, loadUserEventDatum, previousAttributes, type GroupRef, type UserEventData } from './event-payloads.js';
import { directoryEvent, type EventScope } from './scim-events.js';

// The events a SCIM change writes in its transaction. A membership change is also a change of
// every user whose groups it changed: each gets a user_updated with its previous groups. A
// directory set to treat deactivation as deletion reports a deactivated user as deleted (and
// its return as created), and says nothing about it while it is inactive.

/** Membership changes reported in a group event as ids; larger ones report counts only. */
export const EVENT_MEMBER_ID_LIMIT = 1_000;

export interface MembershipChange {
  added: string[];
  removed: string[];
}

export function membershipSummary(change: MembershipChange): Record<string, unknown> {
  const counts = { members_added_count: change.added.length, members_removed_count: change.removed.length };
  if (change.added.length + change.removed.length > EVENT_MEMBER_ID_LIMIT) return counts;
  return { members_added: change.added, members_removed: change.removed, ...counts };
}

/** Reads the directory's setting only when some user involved is, or was, inactive. */
async function deactivationAsDeletion(db: Queryable, scope: EventScope, users: { active: boolean }[]): Promise<boolean> {
  return users.some((user) => !user.active) ? readDeactivationAsDeletion(db, scope.directoryId) : false;
}

const userEvent = (scope: EventScope, type: 'user_created' | 'user_updated' | 'user_deleted', data: unknown) =>
  directoryEvent(scope, `organization.directory.${type}`, 'DirectoryUser', data);

/** The user as it stands before a change (call inside the change's transaction, before writing). */
export function userBeforeChange(db: Queryable, scope: EventScope, userId: string): Promise<UserEventData> {
  return loadUserEventDatum(db, scope.directoryId, userId);
}

export async function userCreatedEvents(db: Queryable, scope: EventScope, row: UserRow): Promise<NewEvent[]> {
  if (await deactivationAsDeletion(db, scope, [row])) return [];
  return [userEvent(scope, 'user_created', await loadUserEventDatum(db, scope.directoryId, row.id))];
}

export async function userUpdatedEvents(db: Queryable, scope: EventScope, before: UserEventData, after: UserRow): Promise<NewEvent[]> {
  const data = await loadUserEventDatum(db, scope.directoryId, after.id);
  if (await deactivationAsDeletion(db, scope, [before, data])) {
    if (before.active && !data.active) return [userEvent(scope, 'user_deleted', data)];
    if (!before.active && data.active) return [userEvent(scope, 'user_created', data)];
    return [];
  }
  return [userEvent(scope, 'user_updated', { ...data, previous_attributes: previousAttributes(before, data) })];
}

/** After the user left `groupIds` and its row went: user_deleted, and group_updated for each group it left. */
export async function userDeletedEvents(db: Queryable, scope: EventScope, before: UserEventData, groupIds: string[]): Promise<NewEvent[]> {
  const events: NewEvent[] = [];
  if (!(await deactivationAsDeletion(db, scope, [before]))) events.push(userEvent(scope, 'user_deleted', before));
  for (const group of await findGroupsByIds(db, scope.directoryId, groupIds)) {
    events.push(groupUpdated(scope, group, { added: [], removed: [before.id] }));
  }
  return events;
}

/**
 * user_updated for each user whose direct groups `group` changed, with the groups it had
 * before. A fixed number of queries however many users there are.
 */
async function memberUserEvents(db: Queryable, scope: EventScope, group: GroupRef, change: MembershipChange): Promise<NewEvent[]> {
  const touched = [...change.added, ...change.removed];
  if (touched.length === 0) return [];
  // Group members are absent from the views: only users get events.
  const users = [...(await loadUserEventData(db, scope.directoryId, touched)).values()];
  const quiet = await deactivationAsDeletion(db, scope, users);
  const added = new Set(change.added);
  const events: NewEvent[] = [];
  for (const user of quiet ? users.filter((each) => each.active) : users) {
    const previousGroups = added.has(user.id) ? user.groups.filter((each) => each.id !== group.id) : [...user.groups, group];
    events.push(userEvent(scope, 'user_updated', { ...user, previous_attributes: { groups: previousGroups } }));
  }
  return events;
}

function groupUpdated(scope: EventScope, group: GroupRow, change: MembershipChange, previous?: Record<string, unknown>): NewEvent {
  return directoryEvent(scope, 'organization.directory.group_updated', 'DirectoryGroup', {
    ...groupEventData(group),
    ...membershipSummary(change),
    ...(previous ? { previous_attributes: previous } : {}),
  });
}

export async function groupCreatedEvents(db: Queryable, scope: EventScope, row: GroupRow, change: MembershipChange): Promise<NewEvent[]> {
  return [
    directoryEvent(scope, 'organization.directory.group_created', 'DirectoryGroup', { ...groupEventData(row), ...membershipSummary(change) }),
    ...(await memberUserEvents(db, scope, { id: row.id, display_name: row.display_name }, change)),
  ];
}

export async function groupUpdatedEvents(db: Queryable, scope: EventScope, before: GroupRow, after: GroupRow, change: MembershipChange): Promise<NewEvent[]> {
  return [
    groupUpdated(scope, after, change, previousAttributes(groupEventData(before), groupEventData(after))),
    ...(await memberUserEvents(db, scope, { id: before.id, display_name: before.display_name }, change)),
  ];
}

/**
 * After the group is gone: group_deleted, user_updated for each user that was a member, and
 * group_updated for each group it was a member of.
 */
export async function groupDeletedEvents(db: Queryable, scope: EventScope, row: GroupRow, memberUserIds: string[], parentIds: string[]): Promise<NewEvent[]> {
  const parents = await findGroupsByIds(db, scope.directoryId, parentIds);
  return [
    directoryEvent(scope, 'organization.directory.group_deleted', 'DirectoryGroup', groupEventData(row)),
    ...(await memberUserEvents(db, scope, { id: row.id, display_name: row.display_name }, { added: [], removed: memberUserIds })),
    ...parents.map((parent) => groupUpdated(scope, parent, { added: [], removed: [row.id] })),
  ];
}

/**
 * user_updated for users whose roles changed without a change of their own (a group's role
 * mapping changed): for the management API's role-assignment use cases, in their transaction.
 */
export async function usersChangedEvents(db: Queryable, scope: EventScope, userIds: string[], previous?: Map<string, UserEventData>): Promise<NewEvent[]> {
  const users = await loadUserEventData(db, scope.directoryId, userIds);
  return [...users.values()].map((user) => {
    const before = previous?.get(user.id);
    return userEvent(scope, 'user_updated', before ? { ...user, previous_attributes: previousAttributes(before, user) } : user);
  });
}
