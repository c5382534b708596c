import { cloneState, type DirectoryState, type SimGroup, type SimUser } from './directory-state.js';
import { DEPARTMENTS, randomFamilyName, uniqueTeamName, uniqueUserName } from './people.js';
import { ALL_EMPLOYEES, newGroup, newUser, teamSize, userNamesOf, type Identity } from './population.js';
import type { Random } from './prng.js';

/** What a provider does with a person who leaves: Okta and Entra deactivate, others delete. */
export type LeaverPolicy = 'deactivate' | 'delete';

export interface ChurnOptions {
  /** How many people change (joins, leavers, renames, moves, ...). */
  changes: number;
  leaver: LeaverPolicy;
  identity: Identity;
}

export type ChurnKind = 'join' | 'leave' | 'rename' | 'promote' | 'move' | 'team-change' | 'deactivate' | 'reactivate';

/** The share of each kind of change in a month of a real company's directory. */
const MIX: readonly [ChurnKind, number][] = [
  ['join', 22],
  ['leave', 16],
  ['rename', 8],
  ['promote', 10],
  ['move', 12],
  ['team-change', 14],
  ['deactivate', 10],
  ['reactivate', 8],
];

export interface ChurnResult {
  state: DirectoryState;
  /** How many of each kind happened, for the log. */
  counts: Record<string, number>;
}

export function defaultChangeCount(users: number): number {
  return Math.max(8, Math.round(users * 0.1));
}

/**
 * A month of change applied to `before`: people join, leave, marry, get promoted, move
 * departments and teams, are suspended and come back; teams are renamed, created and removed.
 * Each person changes at most once. Pure: returns the next state.
 */
export function planChurn(random: Random, before: DirectoryState, options: ChurnOptions): ChurnResult {
  const state = cloneState(before);
  const counts: Record<string, number> = {};
  const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
  const names = userNamesOf(state.users);
  const touched = new Set<string>();
  const all = state.groups.find((group) => group.displayName === ALL_EMPLOYEES);
  const departmentGroup = (department: string | undefined) => state.groups.find((group) => group.department !== undefined && group.department === department);
  const teams = () => state.groups.filter((group) => group !== all && group.department === undefined);
  const teamsAtStart = teams();
  // Sets while people change (a leaver leaves every group of a 100k directory), arrays again after.
  const members = new Map(state.groups.map((group) => [group, new Set(group.members)]));
  const left = new Set<string>();
  let nextEmployeeNumber = 1 + state.users.reduce((max, user) => Math.max(max, Number(user.employeeNumber) || 0), 10_000);

  // Shuffled pools, drawn from the end: each person changes at most once, so a 100k directory
  // with 10k changes costs one shuffle instead of a scan per change.
  const pools = { active: random.shuffle(state.users.filter((user) => user.active)), inactive: random.shuffle(state.users.filter((user) => !user.active)) };
  const untouched = (active: boolean): SimUser | undefined => {
    const pool = active ? pools.active : pools.inactive;
    for (let user = pool.pop(); user; user = pool.pop()) {
      if (!touched.has(user.key) && user.active === active) {
        touched.add(user.key);
        return user;
      }
    }
    return undefined;
  };
  const addMember = (group: SimGroup | undefined, key: string) => {
    if (group) members.get(group)?.add(key);
  };
  const removeMember = (group: SimGroup | undefined, key: string) => {
    if (group) members.get(group)?.delete(key);
  };
  const isMember = (group: SimGroup, key: string) => members.get(group)?.has(key) === true;

  const apply: Record<ChurnKind, () => boolean> = {
    join: () => {
      const user = newUser(random, state.domain, options.identity, names, nextEmployeeNumber++);
      state.users.push(user);
      touched.add(user.key);
      addMember(all, user.key);
      addMember(departmentGroup(user.department), user.key);
      for (const team of random.sample(teamsAtStart, random.int(0, 2))) addMember(team, user.key);
      return true;
    },
    leave: () => {
      const user = untouched(true);
      if (!user) return false;
      for (const group of state.groups) removeMember(group, user.key);
      if (options.leaver === 'deactivate') user.active = false;
      else left.add(user.key);
      return true;
    },
    rename: () => {
      const user = untouched(true);
      if (!user) return false;
      let familyName = randomFamilyName(random);
      if (familyName === user.familyName) familyName = `${familyName}-${user.familyName}`;
      // The old userName stays taken for this run: a joiner with it would be linked to this
      // person by the lookup that precedes every create, as a real IdP would link them.
      const userName = uniqueUserName(user.givenName, familyName, state.domain, names.taken, names.hints);
      names.taken.add(userName.toLowerCase());
      Object.assign(user, { familyName, displayName: `${user.givenName} ${familyName}`, userName, email: userName });
      return true;
    },
    promote: () => {
      const user = untouched(true);
      if (!user) return false;
      const titles = DEPARTMENTS.find((department) => department.name === user.department)?.titles ?? ['Lead'];
      const others = titles.filter((title) => title !== user.title);
      user.title = others.length ? random.pick(others) : `Senior ${user.title ?? 'Associate'}`;
      return true;
    },
    move: () => {
      const user = untouched(true);
      if (!user) return false;
      const target = random.pick(DEPARTMENTS.filter((department) => department.name !== user.department));
      removeMember(departmentGroup(user.department), user.key);
      user.department = target.name;
      user.title = random.pick(target.titles);
      addMember(departmentGroup(user.department), user.key);
      return true;
    },
    'team-change': () => {
      if (teamsAtStart.length === 0) return false;
      const user = untouched(true);
      if (!user) return false;
      const current = teamsAtStart.filter((team) => isMember(team, user.key));
      const others = teamsAtStart.filter((team) => !isMember(team, user.key));
      if (current.length > 0) removeMember(random.pick(current), user.key);
      if (others.length > 0) addMember(random.pick(others), user.key);
      return true;
    },
    deactivate: () => {
      const user = untouched(true);
      if (!user) return false;
      user.active = false;
      return true;
    },
    reactivate: () => {
      const user = untouched(false);
      if (!user) return false;
      user.active = true;
      return true;
    },
  };

  // Every kind once (when the run is large enough), so a small run still covers them all.
  const kinds = MIX.map(([name]) => name);
  const firsts = options.changes >= kinds.length ? random.shuffle(kinds) : [];
  for (let change = 0; change < options.changes; change++) {
    const kind = firsts[change] ?? random.weighted(kinds, MIX.map(([, weight]) => weight));
    // A kind with no candidate (no one to reactivate) becomes a join, so the size holds.
    if (apply[kind]()) count(kind);
    else if (apply.join()) count('join');
  }
  if (left.size) state.users = state.users.filter((user) => !left.has(user.key));
  for (const [group, set] of members) group.members = [...set];

  const groupNames = new Set(state.groups.map((group) => group.displayName.toLowerCase()));
  const renames = Math.min(teams().length, Math.max(1, Math.round(state.groups.length * 0.15)));
  // Old names stay taken for the same reason as old userNames: lookups by displayName.
  for (const team of random.sample(teams(), renames)) {
    team.displayName = uniqueTeamName(random, groupNames, false);
    groupNames.add(team.displayName.toLowerCase());
    count('group-rename');
  }
  if (state.groups.length >= 6 && teams().length >= 3) {
    const removed = random.pick(teams());
    state.groups = state.groups.filter((group) => group !== removed);
    count('group-delete');
  }
  if (state.groups.length >= 4) {
    const active = state.users.filter((user) => user.active).map((user) => user.key);
    const name = uniqueTeamName(random, groupNames, false);
    state.groups.push(newGroup(random, options.identity, name, random.sample(active, teamSize(random, active.length, false))));
    count('group-create');
  }
  return { state, counts };
}
