import type { DirectoryState, SimGroup, SimUser } from './directory-state.js';
import { DEPARTMENTS, companyDomain, randomPerson, uniqueTeamName, uniqueUserName } from './people.js';
import type { Random } from './prng.js';

/** How a provider names what it pushes: its own ids for people and groups. */
export interface Identity {
  newUserKey(random: Random): string;
  newGroupKey(random: Random): string;
  /** Whether the provider sends its group id as `externalId` (Entra, authentik) or not (Okta). */
  sendsGroupExternalId: boolean;
}

export const ALL_EMPLOYEES = 'All Employees';

/** What keeps userNames unique: the lower-cased names taken, and where each name's numbering is. */
export interface UserNames {
  taken: Set<string>;
  hints: Map<string, number>;
}

export const userNamesOf = (users: readonly SimUser[]): UserNames => ({ taken: new Set(users.map((user) => user.userName.toLowerCase())), hints: new Map() });

/** Makes a new person with a userName no one has yet; records it as taken. */
export function newUser(random: Random, domain: string, identity: Identity, names: UserNames, employeeNumber: number): SimUser {
  const person = randomPerson(random);
  const userName = uniqueUserName(person.givenName, person.familyName, domain, names.taken, names.hints);
  names.taken.add(userName.toLowerCase());
  return {
    key: identity.newUserKey(random),
    userName,
    givenName: person.givenName,
    familyName: person.familyName,
    displayName: `${person.givenName} ${person.familyName}`,
    email: userName,
    title: person.title,
    department: person.department,
    employeeNumber: String(employeeNumber),
    active: true,
  };
}

export function newGroup(random: Random, identity: Identity, displayName: string, members: string[], department?: string): SimGroup {
  const key = identity.newGroupKey(random);
  return {
    key,
    displayName,
    ...(identity.sendsGroupExternalId ? { externalId: key } : {}),
    ...(department ? { department } : {}),
    members,
  };
}

/** Team sizes follow a heavy tail: most teams are small, a few broad groups hold most people. */
export function teamSize(random: Random, users: number, broad: boolean): number {
  if (users === 0) return 0;
  if (broad) return Math.max(1, Math.round(users * (0.4 + random.next() * 0.4)));
  const largest = Math.max(2, Math.round(users * 0.05));
  return Math.min(users, Math.max(1, Math.round(Math.exp(Math.log(2) + random.next() * (Math.log(largest) - Math.log(2))))));
}

export interface PopulationOptions {
  users: number;
  groups: number;
  identity: Identity;
}

/**
 * The directory of an initial sync: `users` people across weighted departments, one group of
 * everyone, department groups, and teams whose sizes follow a heavy tail (some very large).
 */
export function generatePopulation(random: Random, options: PopulationOptions): DirectoryState {
  const domain = companyDomain(random);
  const names = userNamesOf([]);
  const users = Array.from({ length: options.users }, (_, index) => newUser(random, domain, options.identity, names, 10_001 + index));
  const groups: SimGroup[] = [];
  const takenGroupNames = new Set<string>();
  const add = (group: SimGroup) => {
    groups.push(group);
    takenGroupNames.add(group.displayName.toLowerCase());
  };
  if (options.groups >= 1) add(newGroup(random, options.identity, ALL_EMPLOYEES, users.map((user) => user.key)));
  const departmentGroups = options.groups >= 3 ? Math.min(DEPARTMENTS.length, Math.floor((options.groups - 1) / 2)) : 0;
  for (const department of DEPARTMENTS.slice(0, departmentGroups)) {
    const members = users.filter((user) => user.department === department.name).map((user) => user.key);
    add(newGroup(random, options.identity, department.name, members, department.name));
  }
  const keys = users.map((user) => user.key);
  const teams = Math.max(0, options.groups - groups.length);
  // A few broad groups (VPN users, licences): one among 3 teams, 4 among 20, 9 among 1,000.
  const broad = new Set(random.sample(Array.from({ length: teams }, (_, index) => index), teams >= 3 ? Math.round(3 * Math.log10(teams)) : 0));
  for (let index = 0; index < teams; index++) {
    const name = uniqueTeamName(random, takenGroupNames, broad.has(index));
    add(newGroup(random, options.identity, name, random.sample(keys, teamSize(random, keys.length, broad.has(index)))));
  }
  return { domain, users, groups };
}
