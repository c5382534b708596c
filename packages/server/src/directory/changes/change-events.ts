import type { NewChange } from '../../store/event-changes.js';
import type { GroupRow } from '../../store/groups.js';
import { groupEventData } from '../views/event-payloads.js';
import type { EventScope } from '../scim/scim-events.js';

// The group events a SCIM change records in its own transaction. Like user events, they are
// written by the expansion worker, which names events in log order (change-expansion.ts); user
// events are composed there from what the change recorded, as of the change.

/** Membership changes reported in a group event as ids; larger ones report counts only. */
export const EVENT_MEMBER_ID_LIMIT = 1_000;

export interface MembershipChange {
  added: string[];
  removed: string[];
}

/** How a group event reports its membership change: the ids (up to EVENT_MEMBER_ID_LIMIT) and the counts. */
export interface MembershipSummary {
  members_added?: string[];
  members_removed?: string[];
  members_added_count: number;
  members_removed_count: number;
}

export function membershipSummary(change: MembershipChange): MembershipSummary {
  const counts = { members_added_count: change.added.length, members_removed_count: change.removed.length };
  if (change.added.length + change.removed.length > EVENT_MEMBER_ID_LIMIT) return counts;
  return { members_added: change.added, members_removed: change.removed, ...counts };
}

/** group_updated for a group whose members changed because a member went (a deleted user or group). */
export function groupUpdated(scope: EventScope, group: GroupRow, change: MembershipChange): NewChange {
  return {
    directoryId: scope.directoryId,
    organizationId: scope.organizationId,
    subjectId: group.id,
    data: { kind: 'event', event: { type: 'organization.directory.group_updated', object: 'DirectoryGroup', data: { ...groupEventData(group), ...membershipSummary(change) } } },
  };
}
