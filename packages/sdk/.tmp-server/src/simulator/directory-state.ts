/**
 * What the simulated directory provider believes the app holds: the people and groups it
 * pushed, keyed by the provider's own immutable ids, with the SCIM ids the server gave them.
 * Plain JSON, so a run can hand it to the next one (initial-sync, then churn, then reconcile).
 */
export interface SimUser {
  /** The provider's immutable id for the person; also sent as `externalId`. */
  key: string;
  /** The SCIM id the server assigned, once known. */
  id?: string;
  userName: string;
  givenName: string;
  familyName: string;
  displayName: string;
  email: string;
  title?: string;
  department?: string;
  employeeNumber?: string;
  active: boolean;
}

export interface SimGroup {
  /** The provider's own id for the group. */
  key: string;
  id?: string;
  displayName: string;
  /** Sent as `externalId` by the providers that send one for groups (Entra, authentik). */
  externalId?: string;
  /** The department the group mirrors, when it is a department group. */
  department?: string;
  /** User keys, in the order they were added. */
  members: string[];
}

export interface DirectoryState {
  /** The e-mail domain of the simulated company. */
  domain: string;
  users: SimUser[];
  groups: SimGroup[];
}

/** The user attributes a provider pushes and `--verify` compares. */
export const USER_FIELDS = ['userName', 'givenName', 'familyName', 'displayName', 'email', 'title', 'department', 'employeeNumber', 'active'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** The fields whose values differ between two versions of one user. */
export function changedFields(before: SimUser, after: SimUser): UserField[] {
  return USER_FIELDS.filter((field) => before[field] !== after[field]);
}

export function cloneState(state: DirectoryState): DirectoryState {
  return structuredClone(state);
}

export function usersByKey(state: DirectoryState): Map<string, SimUser> {
  return new Map(state.users.map((user) => [user.key, user]));
}

export function groupsByKey(state: DirectoryState): Map<string, SimGroup> {
  return new Map(state.groups.map((group) => [group.key, group]));
}
