import { USER_FIELDS, type DirectoryState } from './directory-state.js';
import type { DirectorySnapshot } from './directory-snapshot.js';

export interface Difference {
  resource: 'User' | 'Group';
  /** The SCIM id, when there is one. */
  id?: string;
  /** userName or displayName, for a reader. */
  name: string;
  problem: string;
}

const shown = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/**
 * What differs between the state the simulator pushed and what the server serves: missing or
 * unexpected users and groups, attribute values, active flags, exact memberships.
 */
export function compareDirectory(state: DirectoryState, snapshot: DirectorySnapshot): Difference[] {
  const differences: Difference[] = [];
  const serverUsers = new Map(snapshot.users.map((user) => [user.id, user]));
  const serverGroups = new Map(snapshot.groups.map((group) => [group.id, group]));
  const userIds = new Map<string, string>();
  const pushedUsers = new Set<string>();
  for (const user of state.users) {
    if (!user.id) {
      differences.push({ resource: 'User', name: user.userName, problem: 'was never created (its push failed)' });
      continue;
    }
    userIds.set(user.key, user.id);
    pushedUsers.add(user.id);
    const served = serverUsers.get(user.id);
    if (!served) {
      differences.push({ resource: 'User', id: user.id, name: user.userName, problem: 'is missing from the server' });
      continue;
    }
    if (served.externalId !== user.key) differences.push({ resource: 'User', id: user.id, name: user.userName, problem: `externalId: pushed ${shown(user.key)}, served ${shown(served.externalId)}` });
    for (const field of USER_FIELDS) {
      if (served[field] !== user[field]) {
        differences.push({ resource: 'User', id: user.id, name: user.userName, problem: `${field}: pushed ${shown(user[field])}, served ${shown(served[field])}` });
      }
    }
  }
  for (const user of snapshot.users) {
    if (!pushedUsers.has(user.id)) differences.push({ resource: 'User', id: user.id, name: user.userName ?? user.id, problem: 'is on the server but was not pushed (or was deleted)' });
  }
  const pushedGroups = new Set<string>();
  for (const group of state.groups) {
    if (!group.id) {
      differences.push({ resource: 'Group', name: group.displayName, problem: 'was never created (its push failed)' });
      continue;
    }
    pushedGroups.add(group.id);
    const served = serverGroups.get(group.id);
    if (!served) {
      differences.push({ resource: 'Group', id: group.id, name: group.displayName, problem: 'is missing from the server' });
      continue;
    }
    if (served.displayName !== group.displayName) {
      differences.push({ resource: 'Group', id: group.id, name: group.displayName, problem: `displayName: pushed ${shown(group.displayName)}, served ${shown(served.displayName)}` });
    }
    if (group.externalId !== undefined && served.externalId !== group.externalId) {
      differences.push({ resource: 'Group', id: group.id, name: group.displayName, problem: `externalId: pushed ${shown(group.externalId)}, served ${shown(served.externalId)}` });
    }
    const expected = new Set(group.members.map((key) => userIds.get(key) ?? `(unpushed ${key})`));
    const actual = new Set(served.members);
    const missing = [...expected].filter((id) => !actual.has(id));
    const extra = [...actual].filter((id) => !expected.has(id));
    if (served.members.length !== actual.size) differences.push({ resource: 'Group', id: group.id, name: group.displayName, problem: 'lists a member twice' });
    if (missing.length) differences.push({ resource: 'Group', id: group.id, name: group.displayName, problem: `lacks ${missing.length} member(s): ${missing.slice(0, 5).join(', ')}` });
    if (extra.length) differences.push({ resource: 'Group', id: group.id, name: group.displayName, problem: `has ${extra.length} member(s) it should not: ${extra.slice(0, 5).join(', ')}` });
  }
  for (const group of snapshot.groups) {
    if (!pushedGroups.has(group.id)) differences.push({ resource: 'Group', id: group.id, name: group.displayName ?? group.id, problem: 'is on the server but was not pushed (or was deleted)' });
  }
  return differences;
}
