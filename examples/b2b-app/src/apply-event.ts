import type { Database, Queryable } from './database.js';
import { deleteDirectoryContents, writeGroup, writeUser, type Scope } from './directory-tables.js';
import { groupData, userData, type RosterEvent } from './roster-event.js';
import { markProcessed, type EventSource } from './sync-state.js';

// The one way a Roster event reaches the app's tables, whether a webhook brought it or the
// Events API did. Idempotent twice over: an event already processed is skipped (dedupe on its
// id, which is the webhook-id header), and a write applies only over an older version, so
// deliveries in any order and any number of times end in the same state.

export type ApplyOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

const PREFIX = 'organization.directory.';

async function applyChange(db: Queryable, event: RosterEvent): Promise<ApplyOutcome> {
  if (event.type === `${PREFIX}deleted` && event.directory_id) {
    return (await deleteDirectoryContents(db, event.directory_id, event.id)) ? 'applied' : 'stale';
  }
  if (!event.organization_id || !event.directory_id) return 'ignored';
  const scope: Scope = { organizationId: event.organization_id, directoryId: event.directory_id };
  switch (event.type) {
    case `${PREFIX}user_created`:
    case `${PREFIX}user_updated`:
    case `${PREFIX}user_deleted`: {
      // A deactivated user (active: false) is a user_updated: kept, shown as deactivated.
      const user = userData(event.data);
      if (!user) return 'ignored';
      return (await writeUser(db, scope, user, event.id, event.type === `${PREFIX}user_deleted`)) ? 'applied' : 'stale';
    }
    case `${PREFIX}group_created`:
    case `${PREFIX}group_updated`:
    case `${PREFIX}group_deleted`: {
      // Membership changes also arrive as user_updated for each user whose groups changed;
      // the group itself is kept for its current name.
      const group = groupData(event.data);
      if (!group) return 'ignored';
      return (await writeGroup(db, scope, group, event.id, event.type === `${PREFIX}group_deleted`)) ? 'applied' : 'stale';
    }
    default:
      // Directory enabled/disabled, secrets: nothing the users table needs.
      return 'ignored';
  }
}

export function applyEvent(db: Database, event: RosterEvent, source: EventSource): Promise<ApplyOutcome> {
  return db.transaction(async (client) => {
    if (!(await markProcessed(client, event.id, event.type, source))) return 'duplicate';
    return applyChange(client, event);
  });
}
