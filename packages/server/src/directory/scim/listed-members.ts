import { ROSTER_GROUP_SCHEMA } from '../../scim/schema/urns.js';

// How many members a list page of groups carries (README, "The SCIM endpoint"). RFC 7644 lets a
// server leave attributes out of a list; Entra and Okta ask for none (excludedAttributes=members).
// A page holds every group it should, but a group's members only whole (a partial list would
// read as a complete one), for groups of at most MAX_LISTED_MEMBERS_PER_GROUP members, and at
// most MAX_LISTED_MEMBERS_PER_PAGE members in all; a group left without them says so
// (ROSTER_GROUP_SCHEMA's membersOmitted), and GET /Groups/{id} returns them all.

export const MAX_LISTED_MEMBERS_PER_GROUP = 1_000;
export const MAX_LISTED_MEMBERS_PER_PAGE = 5_000;
export const MEMBERS_OMITTED_SCHEMA = ROSTER_GROUP_SCHEMA;

export interface GroupSize {
  id: string;
  /** The group's member count, or any number above MAX_LISTED_MEMBERS_PER_GROUP when it has more. */
  size: number;
}

/** The groups of a page (in page order) that carry their members: each that fits, while the page's total fits. */
export function groupsListedWithMembers(groups: GroupSize[], perGroup = MAX_LISTED_MEMBERS_PER_GROUP, perPage = MAX_LISTED_MEMBERS_PER_PAGE): Set<string> {
  const listed = new Set<string>();
  let total = 0;
  for (const { id, size } of groups) {
    if (size > perGroup || total + size > perPage) continue;
    listed.add(id);
    total += size;
  }
  return listed;
}
