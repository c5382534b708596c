import type { NewEvent } from '../../store/events.js';
import type { GroupRow } from '../../store/groups.js';
import { groupEventData } from '../views/event-payloads.js';
import { directoryEvent, type EventScope } from '../scim/scim-events.js';

// The group events a SCIM change writes in its own transaction. User events are not written
// here: the change records what it changed (event_changes), and the expansion worker composes
// each user's event from it, as of the change (change-expansion.ts).

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
export function groupUpdated(scope: EventScope, group: GroupRow, change: MembershipChange): NewEvent {
  return directoryEvent(scope, 'organization.directory.group_updated', 'DirectoryGroup', { ...groupEventData(group), ...membershipSummary(change) });
}
