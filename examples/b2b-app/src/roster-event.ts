// What Roster sends: one event envelope per webhook, a page of them from the Events API. The
// envelope is parsed at the edge; `data` is the user or group as Roster's management API shows it.

export interface RosterEvent {
  id: string;
  type: string;
  occurred_at: string;
  organization_id: string | null;
  directory_id: string | null;
  object: string;
  data: unknown;
}

export interface DirectoryUserData {
  id: string;
  email: string | null;
  preferred_username: string;
  name: string | null;
  active: boolean;
  roles: string[];
  groups: { id: string; display_name: string }[];
}

export interface DirectoryGroupData {
  id: string;
  display_name: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The envelope, or undefined when `value` is not one. */
export function parseEvent(value: unknown): RosterEvent | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.type !== 'string' || typeof value.object !== 'string') return undefined;
  return {
    id: value.id,
    type: value.type,
    occurred_at: String(value.occurred_at ?? ''),
    organization_id: stringOrNull(value.organization_id),
    directory_id: stringOrNull(value.directory_id),
    object: value.object,
    data: value.data,
  };
}

/** A user event's data: what the app keeps of a directory user. */
export function userData(data: unknown): DirectoryUserData | undefined {
  if (!isObject(data) || typeof data.id !== 'string' || typeof data.active !== 'boolean') return undefined;
  const roles = Array.isArray(data.roles) ? data.roles.flatMap((role) => (isObject(role) && typeof role.role_name === 'string' ? [role.role_name] : [])) : [];
  const groups = Array.isArray(data.groups)
    ? data.groups.flatMap((group) => (isObject(group) && typeof group.id === 'string' ? [{ id: group.id, display_name: String(group.display_name ?? '') }] : []))
    : [];
  return {
    id: data.id,
    email: stringOrNull(data.email),
    preferred_username: String(data.preferred_username ?? data.email ?? data.id),
    name: stringOrNull(data.name),
    active: data.active,
    roles: [...new Set(roles)].sort(),
    groups,
  };
}

export function groupData(data: unknown): DirectoryGroupData | undefined {
  if (!isObject(data) || typeof data.id !== 'string') return undefined;
  return { id: data.id, display_name: String(data.display_name ?? '') };
}
