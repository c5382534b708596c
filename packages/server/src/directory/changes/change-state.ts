import type { LiveDirectoryFacts, LiveUser } from '../../store/change-subjects.js';
import type { LaterChange, RecordedSettings, RecordedUser } from '../../store/event-changes.js';
import { compileMappings } from '../management/attribute-mapping.js';
import { composeUserView, type HeldRoles, type UserView, type ViewSettings } from '../views/user-view.js';

// A directory as it stood at one position of the log, for the users an expansion follows. It
// starts as the live directory (every committed change applied) and steps back one change
// record at a time (`undo`), newest first: each record holds what its change replaced, so the
// state before it is exact. Only the followed users are kept; the rest of the directory is its
// settings, group names and nested-group edges, which are small.

/** A user's own state: its stored resource, lastModified, and the groups it is a direct member of. */
export interface UserState {
  resource: Record<string, unknown>;
  updatedAt: Date;
  groups: Set<string>;
  sample?: boolean;
}

export function userStateOf(recorded: RecordedUser, groups: Iterable<string>): UserState {
  return { resource: recorded.resource, updatedAt: new Date(recorded.updated_at), groups: new Set(groups), ...(recorded.sample ? { sample: true } : {}) };
}

export class DirectoryState {
  private settings: Required<RecordedSettings>;
  private readonly parents = new Map<string, Set<string>>();
  private viewSettings: ViewSettings | undefined;
  private assigned: Map<string, string[]> | undefined;
  private readonly reachedRoles = new Map<string, Set<string>>();

  constructor(
    facts: LiveDirectoryFacts,
    /** Display names of the groups the followed users can be in; null for a group that does not exist. */
    private readonly names: Map<string, string | null>,
    /** The followed users; null while a user does not exist. */
    private readonly users: Map<string, UserState | null>,
  ) {
    this.settings = facts.settings;
    for (const [child, parent] of facts.edges) this.addEdge(child, parent);
  }

  static live(facts: LiveDirectoryFacts, names: Map<string, string>, followed: Iterable<string>, live: LiveUser[]): DirectoryState {
    const users = new Map<string, UserState | null>();
    for (const id of followed) users.set(id, null);
    for (const user of live) users.set(user.id, { resource: user.resource, updatedAt: user.updated_at, groups: new Set(user.groups), sample: user.sample });
    return new DirectoryState(facts, new Map(names), users);
  }

  get deactivationAsDeletion(): boolean {
    return this.settings.deactivation_as_deletion;
  }

  /** Whether any group grants a role (else nested groups change no one's view). */
  get grantsRoles(): boolean {
    return this.settings.assignments.length > 0;
  }

  follows(userId: string): boolean {
    return this.users.has(userId);
  }

  user(userId: string): UserState | null {
    return this.users.get(userId) ?? null;
  }

  /** The user's view (with its SCIM resource) given its own state, at this position. */
  view(userId: string, state: UserState): UserView {
    const groups = [...state.groups].flatMap((id) => {
      const name = this.names.get(id);
      return name === undefined || name === null ? [] : [{ id, display_name: name }];
    });
    return composeUserView({ id: userId, resource: state.resource, updatedAt: state.updatedAt, sample: state.sample === true }, groups, this.rolesOf(state.groups), this.settingsForViews(), { includeDetail: true });
  }

  /** Steps back over one change: afterwards this is the state just before it. */
  undo(record: LaterChange): void {
    const data = record.data;
    const subject = record.subject_id ?? '';
    switch (data.kind) {
      case 'user_created':
        if (this.users.has(subject)) this.users.set(subject, null);
        break;
      case 'user_updated': {
        const current = this.users.get(subject);
        if (current) this.users.set(subject, { ...current, resource: data.before.resource, updatedAt: new Date(data.before.updated_at) });
        break;
      }
      case 'user_deleted':
        if (this.users.has(subject)) this.users.set(subject, userStateOf(data.before, data.groups));
        break;
      case 'group':
        if (data.name) this.names.set(subject, data.name.before);
        for (const id of data.users_added) this.users.get(id)?.groups.delete(subject);
        for (const id of data.users_removed) this.users.get(id)?.groups.add(subject);
        break;
      case 'graph':
        for (const [child, parent] of data.edges_added) this.parents.get(child)?.delete(parent);
        for (const [child, parent] of data.edges_removed) this.addEdge(child, parent);
        if (data.assignments_removed.length > 0) this.settings = { ...this.settings, assignments: [...this.settings.assignments, ...data.assignments_removed] };
        this.rolesChanged();
        break;
      case 'settings':
        this.settings = { ...this.settings, ...data.before };
        this.rolesChanged();
        this.viewSettings = undefined;
        break;
      case 'event':
        // An event recorded whole (a directory's deletion) changes no user's state.
        break;
    }
  }

  private addEdge(child: string, parent: string): void {
    const set = this.parents.get(child) ?? new Set<string>();
    set.add(parent);
    this.parents.set(child, set);
  }

  private rolesChanged(): void {
    this.assigned = undefined;
    this.reachedRoles.clear();
  }

  private settingsForViews(): ViewSettings {
    if (!this.viewSettings) {
      const fallback = Object.entries(this.settings.roles).find(([, role]) => role.is_default);
      this.viewSettings = {
        mappings: compileMappings(this.settings.attribute_mappings),
        defaultRole: fallback?.[0] ?? null,
        defaultPermissions: fallback?.[1].permissions ?? [],
      };
    }
    return this.viewSettings;
  }

  /** Roles a group grants: its own assignments and those of every group it is nested in (a cycle ends the walk). */
  private rolesOfGroup(groupId: string): Set<string> {
    const known = this.reachedRoles.get(groupId);
    if (known) return known;
    if (!this.assigned) {
      this.assigned = new Map();
      for (const [group, role] of this.settings.assignments) this.assigned.set(group, [...(this.assigned.get(group) ?? []), role]);
    }
    const roles = new Set<string>();
    const seen = new Set([groupId]);
    const queue = [groupId];
    for (let group = queue.shift(); group !== undefined; group = queue.shift()) {
      for (const role of this.assigned.get(group) ?? []) roles.add(role);
      for (const parent of this.parents.get(group) ?? []) {
        if (!seen.has(parent)) {
          seen.add(parent);
          queue.push(parent);
        }
      }
    }
    this.reachedRoles.set(groupId, roles);
    return roles;
  }

  private rolesOf(groups: Set<string>): HeldRoles | undefined {
    if (this.settings.assignments.length === 0) return undefined;
    const names = new Set<string>();
    const permissions = new Set<string>();
    for (const group of groups) {
      for (const role of this.rolesOfGroup(group)) {
        const definition = this.settings.roles[role];
        // An assignment outlives no role (a foreign key), but a role deleted later is absent here.
        if (!definition) continue;
        names.add(role);
        for (const permission of definition.permissions) permissions.add(permission);
      }
    }
    return names.size > 0 ? { names, permissions } : undefined;
  }
}
