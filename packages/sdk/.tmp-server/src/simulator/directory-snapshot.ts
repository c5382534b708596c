import { attribute, isRecord, records, stringOf, type Json } from './json.js';
import { settleAll } from './providers/provider.js';
import { ENTERPRISE_SCHEMA } from './providers/scim-bodies.js';
import type { ScimClient } from './scim-client.js';

/** A user as the server serves it, reduced to what the simulator pushes. */
export interface ServerUser {
  id: string;
  externalId?: string;
  userName?: string;
  givenName?: string;
  familyName?: string;
  displayName?: string;
  email?: string;
  title?: string;
  department?: string;
  employeeNumber?: string;
  /** As served: anything but a JSON boolean is a mismatch. */
  active: unknown;
}

export interface ServerGroup {
  id: string;
  displayName?: string;
  externalId?: string;
  /** Ids of the user members. */
  members: string[];
}

export interface DirectorySnapshot {
  users: ServerUser[];
  groups: ServerGroup[];
}

const defined = <T extends object>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

/** The primary e-mail, else the work one, else the first. */
function emailOf(resource: Json): string | undefined {
  const emails = records(attribute(resource, 'emails'));
  const chosen = emails.find((email) => email.primary === true) ?? emails.find((email) => email.type === 'work') ?? emails[0];
  return stringOf(chosen?.value);
}

export function serverUser(resource: Json): ServerUser {
  const name = attribute(resource, 'name');
  const extension = attribute(resource, ENTERPRISE_SCHEMA);
  const enterprise = isRecord(extension) ? extension : undefined;
  return defined({
    id: stringOf(resource.id) ?? '',
    externalId: stringOf(attribute(resource, 'externalId')),
    userName: stringOf(attribute(resource, 'userName')),
    givenName: isRecord(name) ? stringOf(attribute(name, 'givenName')) : undefined,
    familyName: isRecord(name) ? stringOf(attribute(name, 'familyName')) : undefined,
    displayName: stringOf(attribute(resource, 'displayName')),
    email: emailOf(resource),
    title: stringOf(attribute(resource, 'title')),
    department: stringOf(attribute(enterprise, 'department')),
    employeeNumber: stringOf(attribute(enterprise, 'employeeNumber')),
    active: attribute(resource, 'active'),
  });
}

export function serverGroup(resource: Json): ServerGroup {
  const members = records(attribute(resource, 'members'))
    .filter((member) => member.type === undefined || String(member.type).toLowerCase() === 'user')
    .map((member) => stringOf(member.value))
    .filter((value): value is string => value !== undefined);
  return defined({
    id: stringOf(resource.id) ?? '',
    displayName: stringOf(attribute(resource, 'displayName')),
    externalId: stringOf(attribute(resource, 'externalId')),
    members,
  });
}

/** Every resource of a type, paged with startIndex and count as IdP imports do. */
export async function listAll(client: ScimClient, type: 'Users' | 'Groups', pageSize: number, query: Record<string, string> = {}): Promise<Json[]> {
  const all: Json[] = [];
  for (let startIndex = 1; ; ) {
    const response = await client.get(`/${type}`, { ...query, startIndex, count: pageSize }, [200]);
    const body = isRecord(response.body) ? response.body : {};
    const page = records(body.Resources);
    all.push(...page);
    const total = typeof body.totalResults === 'number' ? body.totalResults : all.length;
    if (page.length === 0 || all.length >= total) return all;
    startIndex += page.length;
  }
}

/** Reads the whole directory back through SCIM: users, groups, and each group's members. */
export async function readDirectory(client: ScimClient, pageSize = 500): Promise<DirectorySnapshot> {
  const users = (await listAll(client, 'Users', pageSize)).map(serverUser);
  // Groups are listed without members (a group may hold 100k) and read one at a time with them.
  const listed = (await listAll(client, 'Groups', pageSize, { excludedAttributes: 'members' })).map(serverGroup);
  const groups: ServerGroup[] = [];
  await settleAll(
    listed.map(async (group) => {
      const response = await client.get(`/Groups/${encodeURIComponent(group.id)}`, undefined, [200]);
      groups.push(serverGroup(isRecord(response.body) ? response.body : {}));
    }),
  );
  groups.sort((a, b) => a.id.localeCompare(b.id));
  return { users, groups };
}
