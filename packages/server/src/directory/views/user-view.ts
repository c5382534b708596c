import { isPlainObject } from '../../scim/resource/json-object.js';
import type { Queryable } from '../../store/database.js';
import { listGroupsOfMembers } from '../../store/memberships.js';
import { derivedRoles } from '../../store/role-assignments.js';
import { userColumns, type UserColumns } from '../../scim/resource/resource-columns.js';
import { findUserViewRows, userViewSettings, type UserViewSettings } from '../../store/user-listing.js';
import { applyMappings, compileMappings, type CompiledMapping } from '../management/attribute-mapping.js';

/**
 * A directory user as the management API, webhooks and the Events API show it (snake_case,
 * shaped like Scalekit's). Roles and permissions are derived from the user's groups, nested
 * groups included, and mapped attributes from the directory's mappings: both at read time, so
 * they are right after any membership, mapping or role change without rewriting users.
 */
export interface UserView {
  id: string;
  email: string | null;
  preferred_username: string;
  given_name: string | null;
  family_name: string | null;
  name: string | null;
  active: boolean;
  emails: string[];
  /** The groups the user is a direct member of. */
  groups: { id: string; display_name: string }[];
  roles: { role_name: string }[];
  permissions: string[];
  custom_attributes: Record<string, unknown>;
  updated_at: string;
  /** Present on sample data only ("Send sample data"). */
  sample?: true;
  /** The stored SCIM resource with its id, when asked for (`include_detail`). */
  user_detail?: Record<string, unknown>;
}

function emailValues(resource: Record<string, unknown>): string[] {
  const emails = Array.isArray(resource.emails) ? resource.emails : [];
  return emails.flatMap((email) => (isPlainObject(email) && typeof email.value === 'string' ? [email.value] : []));
}

function fullName(resource: Record<string, unknown>, columns: UserColumns): string | null {
  const name = isPlainObject(resource.name) ? resource.name : {};
  if (columns.displayName) return columns.displayName;
  if (typeof name.formatted === 'string' && name.formatted !== '') return name.formatted;
  const joined = [columns.givenName, columns.familyName].filter((part) => part).join(' ');
  return joined === '' ? null : joined;
}

/** What a user's roles are derived from, besides its groups: the directory's mappings and the default role. */
export interface ViewSettings {
  mappings: readonly CompiledMapping[];
  defaultRole: string | null;
  defaultPermissions: readonly string[];
}

export function viewSettingsOf(settings: UserViewSettings): ViewSettings {
  return { mappings: compileMappings(settings.attribute_mappings), defaultRole: settings.default_role, defaultPermissions: settings.default_permissions ?? [] };
}

/** The roles a user holds through its groups (nested ones included); none yet means the default role. */
export interface HeldRoles {
  names: ReadonlySet<string>;
  permissions: ReadonlySet<string>;
}

/** One user's view from its stored resource, its direct groups and the roles they grant: pure, so events can be composed as of any change. */
export function composeUserView(
  user: { id: string; resource: Record<string, unknown>; updatedAt: Date; sample?: boolean },
  groups: readonly UserView['groups'][number][],
  held: HeldRoles | undefined,
  settings: ViewSettings,
  options: { includeDetail?: boolean } = {},
): UserView {
  const columns = userColumns(user.resource);
  const roles = held && held.names.size > 0 ? held : settings.defaultRole ? { names: new Set([settings.defaultRole]), permissions: new Set(settings.defaultPermissions) } : undefined;
  const mapped = applyMappings(user.resource, settings.mappings);
  const view: UserView = {
    id: user.id,
    email: mapped.standard.email ?? columns.primaryEmail,
    preferred_username: mapped.standard.preferred_username ?? columns.userName,
    given_name: mapped.standard.given_name ?? columns.givenName,
    family_name: mapped.standard.family_name ?? columns.familyName,
    name: mapped.standard.name ?? fullName(user.resource, columns),
    active: columns.active,
    emails: emailValues(user.resource),
    groups: [...groups].sort(byDisplayName).map((group) => ({ id: group.id, display_name: group.display_name })),
    roles: [...(roles?.names ?? [])].sort().map((role_name) => ({ role_name })),
    permissions: [...(roles?.permissions ?? [])].sort(),
    custom_attributes: mapped.custom,
    updated_at: user.updatedAt.toISOString(),
  };
  if (user.sample) view.sample = true;
  if (options.includeDetail) view.user_detail = { id: user.id, ...user.resource };
  return view;
}

const byDisplayName = (a: { id: string; display_name: string }, b: { id: string; display_name: string }) =>
  a.display_name < b.display_name ? -1 : a.display_name > b.display_name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The management view of these users of one directory, by id; ids that are not users of the
 * directory are absent. One query per concern whatever the number of users: the rows, their
 * direct groups, their derived roles, and the directory's mappings with the default role.
 */
export async function loadUserViews(
  db: Queryable,
  directoryId: string,
  userIds: readonly string[],
  options: { includeDetail?: boolean } = {},
): Promise<Map<string, UserView>> {
  const views = new Map<string, UserView>();
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return views;
  // One after another: inside a transaction `db` is a single client, which runs one query at a time.
  const rows = await findUserViewRows(db, directoryId, ids);
  const memberships = await listGroupsOfMembers(db, directoryId, ids);
  const roles = await derivedRoles(db, directoryId, ids);
  const settings = viewSettingsOf(await userViewSettings(db, directoryId));

  const groupsOf = new Map<string, UserView['groups']>();
  for (const membership of memberships) {
    const list = groupsOf.get(membership.member_id) ?? [];
    list.push({ id: membership.group_id, display_name: membership.display_name });
    groupsOf.set(membership.member_id, list);
  }
  const rolesOf = new Map<string, { names: Set<string>; permissions: Set<string> }>();
  for (const role of roles) {
    const held = rolesOf.get(role.user_id) ?? { names: new Set(), permissions: new Set() };
    held.names.add(role.role_name);
    for (const permission of role.permissions) held.permissions.add(permission);
    rolesOf.set(role.user_id, held);
  }
  for (const row of rows) {
    views.set(row.id, composeUserView({ id: row.id, resource: row.resource, updatedAt: row.updated_at, sample: row.sample }, groupsOf.get(row.id) ?? [], rolesOf.get(row.id), settings, options));
  }
  return views;
}
