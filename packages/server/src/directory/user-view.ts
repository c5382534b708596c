import { isPlainObject } from '../scim/resource/json-object.js';
import type { Queryable } from '../store/database.js';
import { listGroupsOfMembers } from '../store/memberships.js';
import { derivedRoles } from '../store/role-assignments.js';
import { findUserViewRows, userViewSettings, type UserViewRow } from '../store/user-listing.js';
import { applyMappings, compileMappings } from './attribute-mapping.js';

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

function fullName(row: UserViewRow): string | null {
  const name = isPlainObject(row.resource.name) ? row.resource.name : {};
  if (row.display_name) return row.display_name;
  if (typeof name.formatted === 'string' && name.formatted !== '') return name.formatted;
  const joined = [row.given_name, row.family_name].filter((part) => part).join(' ');
  return joined === '' ? null : joined;
}

/**
 * The management view of these users of one directory, by id; ids that are not users of the
 * directory are absent. One query per concern whatever the number of users: the rows, their
 * direct groups, their derived roles, and the directory's mappings with the default role.
 * `db` may be a transaction's client, so events can be built from the state being committed.
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
  const settings = await userViewSettings(db, directoryId);

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
  // Users whose groups map to no role hold the default role, if the environment has one.
  const fallback = settings.default_role
    ? { names: new Set([settings.default_role]), permissions: new Set(settings.default_permissions ?? []) }
    : { names: new Set<string>(), permissions: new Set<string>() };
  const mappings = compileMappings(settings.attribute_mappings);

  for (const row of rows) {
    const held = rolesOf.get(row.id) ?? fallback;
    const mapped = applyMappings(row.resource, mappings);
    const view: UserView = {
      id: row.id,
      email: mapped.standard.email ?? row.primary_email,
      preferred_username: mapped.standard.preferred_username ?? row.user_name,
      given_name: mapped.standard.given_name ?? row.given_name,
      family_name: mapped.standard.family_name ?? row.family_name,
      name: mapped.standard.name ?? fullName(row),
      active: row.active,
      emails: emailValues(row.resource),
      groups: groupsOf.get(row.id) ?? [],
      roles: [...held.names].sort().map((role_name) => ({ role_name })),
      permissions: [...held.permissions].sort(),
      custom_attributes: mapped.custom,
      updated_at: row.updated_at.toISOString(),
    };
    if (row.sample) view.sample = true;
    if (options.includeDetail) view.user_detail = { id: row.id, ...row.resource };
    views.set(row.id, view);
  }
  return views;
}
