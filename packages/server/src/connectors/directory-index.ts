import type { Queryable } from '../store/database.js';
import { readGroupsAfter, readUsersAfter } from '../store/directory-index.js';
import { fingerprintOf, type IndexedGroup, type IndexedUser } from './diff.js';

// The directory's side of a diff: its users and groups by the source's id (externalId), each
// reduced to an id and a fingerprint as it is read, so a 100k-user directory costs a few
// megabytes, not a copy of every resource.

const PAGE = 5_000;

export interface DirectoryIndex {
  users: Map<string, IndexedUser>;
  groups: Map<string, IndexedGroup>;
}

// Objects without an externalId were not put there by a sync (a pulled directory takes no SCIM
// pushes): they are keyed so no source id can match them, and go as gone.
const unmatched = (id: string) => `\u0000${id}`;

export async function loadDirectoryIndex(db: Queryable, directoryId: string): Promise<DirectoryIndex> {
  const users = new Map<string, IndexedUser>();
  for (let after = ''; ; ) {
    const rows = await readUsersAfter(db, directoryId, after, PAGE);
    for (const row of rows) {
      users.set(row.external_id ?? unmatched(row.id), { id: row.id, fingerprint: fingerprintOf(row.resource), active: row.active, userName: row.user_name });
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = last.id;
  }
  const groups = new Map<string, IndexedGroup>();
  for (let after = ''; ; ) {
    const rows = await readGroupsAfter(db, directoryId, after, PAGE);
    for (const row of rows) {
      groups.set(row.external_id ?? unmatched(row.id), { id: row.id, fingerprint: fingerprintOf(row.resource), displayName: row.display_name });
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = last.id;
  }
  return { users, groups };
}
