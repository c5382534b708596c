import { changedFields, type DirectoryState, type SimGroup, type SimUser } from './directory-state.js';

export interface UserUpdate {
  before: SimUser;
  after: SimUser;
}

export interface GroupUpdate {
  before: SimGroup;
  after: SimGroup;
  /** User keys that joined the group. */
  added: string[];
  /** User keys that left it (people who were deleted leave by the server's cascade, not listed). */
  removed: string[];
}

/** What a provider must send to move the app from one state to the next. */
export interface StateDiff {
  createdUsers: SimUser[];
  updatedUsers: UserUpdate[];
  deletedUsers: SimUser[];
  createdGroups: SimGroup[];
  updatedGroups: GroupUpdate[];
  deletedGroups: SimGroup[];
}

export function diffStates(before: DirectoryState, after: DirectoryState): StateDiff {
  const oldUsers = new Map(before.users.map((user) => [user.key, user]));
  const newUsers = new Map(after.users.map((user) => [user.key, user]));
  const oldGroups = new Map(before.groups.map((group) => [group.key, group]));
  const newGroups = new Map(after.groups.map((group) => [group.key, group]));
  const diff: StateDiff = { createdUsers: [], updatedUsers: [], deletedUsers: [], createdGroups: [], updatedGroups: [], deletedGroups: [] };
  for (const user of after.users) {
    const previous = oldUsers.get(user.key);
    if (!previous) diff.createdUsers.push(user);
    else if (changedFields(previous, user).length > 0) diff.updatedUsers.push({ before: previous, after: user });
  }
  diff.deletedUsers = before.users.filter((user) => !newUsers.has(user.key));
  for (const group of after.groups) {
    const previous = oldGroups.get(group.key);
    if (!previous) {
      diff.createdGroups.push(group);
      continue;
    }
    const was = new Set(previous.members);
    const is = new Set(group.members);
    const added = group.members.filter((key) => !was.has(key));
    const removed = previous.members.filter((key) => !is.has(key) && newUsers.has(key));
    if (added.length > 0 || removed.length > 0 || previous.displayName !== group.displayName) {
      diff.updatedGroups.push({ before: previous, after: group, added, removed });
    }
  }
  diff.deletedGroups = before.groups.filter((group) => !newGroups.has(group.key));
  return diff;
}
