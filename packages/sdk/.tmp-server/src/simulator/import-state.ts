import type { DirectoryState, SimGroup, SimUser } from './directory-state.js';
import type { DirectorySnapshot } from './directory-snapshot.js';
import { DEPARTMENTS } from './people.js';

/** The e-mail domain most userNames share, else `fallback`. */
function commonDomain(users: readonly { userName?: string }[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const user of users) {
    const domain = user.userName?.split('@')[1];
    if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

/**
 * What the provider believes when it starts from the app's current data (a churn or reconcile
 * run without a state from an earlier run): an import, as Okta and authentik do.
 */
export function importState(snapshot: DirectorySnapshot, fallbackDomain: string): DirectoryState {
  const keyOfUser = new Map<string, string>();
  const users: SimUser[] = snapshot.users.map((served) => {
    const key = served.externalId ?? served.id;
    keyOfUser.set(served.id, key);
    const user: SimUser = {
      key,
      id: served.id,
      userName: served.userName ?? served.id,
      givenName: served.givenName ?? '',
      familyName: served.familyName ?? '',
      displayName: served.displayName ?? '',
      email: served.email ?? served.userName ?? '',
      active: served.active !== false,
    };
    if (served.title !== undefined) user.title = served.title;
    if (served.department !== undefined) user.department = served.department;
    if (served.employeeNumber !== undefined) user.employeeNumber = served.employeeNumber;
    return user;
  });
  const departments = new Set(DEPARTMENTS.map((department) => department.name));
  const groups: SimGroup[] = snapshot.groups.map((served) => {
    const group: SimGroup = {
      key: served.externalId ?? served.id,
      id: served.id,
      displayName: served.displayName ?? served.id,
      members: served.members.map((id) => keyOfUser.get(id)).filter((key): key is string => key !== undefined),
    };
    if (served.externalId !== undefined) group.externalId = served.externalId;
    if (served.displayName !== undefined && departments.has(served.displayName)) group.department = served.displayName;
    return group;
  });
  return { domain: commonDomain(snapshot.users, fallbackDomain), users, groups };
}
