import { newId } from '../ids.js';
import { jsonEqual } from '../json-equal.js';
import { applyPatch } from '../scim/patch/apply-patch.js';
import type { MemberOp, MemberRef } from '../scim/patch/member-ops.js';
import { checkGroupLengths } from '../scim/resource/indexed-limits.js';
import { groupColumns, normalizeResource } from '../scim/resource/normalize-resource.js';
import { renderResource } from '../scim/render-resource.js';
import { ScimError, badRequest } from '../scim/scim-error.js';
import { GROUP_RESOURCE } from '../scim/schema/resource-types.js';
import type { ListParams } from '../scim/list-params.js';
import type { Queryable } from '../store/database.js';
import { insertEvents } from '../store/events.js';
import { insertGroup, touchGroup, touchGroups, updateGroup, type GroupRow } from '../store/groups.js';
import {
  addMembers,
  countMembersUpTo,
  findMembers,
  listMembersOfGroups,
  removeFromAllGroups,
  removeMembers,
  removeMembersExcept,
  type Member,
} from '../store/memberships.js';
import { listUserMemberIds } from '../store/event-subjects.js';
import { adjustCounter, deleteResource, findResource } from '../store/resources.js';
import { withTransaction } from '../store/transaction.js';
import { checkPrecondition } from './preconditions.js';
import { assertSampleMayChange } from './sample-guard.js';
import { locationOf, type ScimContext } from './scim-context.js';
import { groupCreatedEvents, groupDeletedEvents, groupUpdatedEvents, type MembershipChange } from './change-events.js';
import { MAX_LISTED_MEMBERS_PER_GROUP, MEMBERS_OMITTED_SCHEMA, groupsListedWithMembers } from './listed-members.js';
import { listPage, type Page } from './scim-list.js';

export type ScimGroup = Record<string, unknown>;

const groupNotFound = (id: string) => new ScimError(404, `Group ${id} not found`);

/**
 * Renders groups. Members are rows and a group may hold 100k of them, so they are read only
 * when the response will carry them (`withMembers`): all groups' (true), none (false), or those
 * of a list page's groups chosen by listed-members.ts (the others say their members were omitted).
 */
async function renderGroups(context: ScimContext, db: Queryable, rows: GroupRow[], withMembers: boolean | ReadonlySet<string>): Promise<ScimGroup[]> {
  const membersByGroup = new Map<string, { value: string; $ref: string; display?: string; type: string }[]>();
  const listed = (row: GroupRow) => (typeof withMembers === 'boolean' ? withMembers : withMembers.has(row.id));
  const omitted = (row: GroupRow) => typeof withMembers !== 'boolean' && !withMembers.has(row.id);
  const readFrom = rows.filter(listed).map((row) => row.id);
  if (readFrom.length > 0) {
    for (const member of await listMembersOfGroups(db, context.directoryId, readFrom)) {
      const list = membersByGroup.get(member.group_id) ?? [];
      const endpoint = member.type === 'Group' ? '/Groups' : '/Users';
      const rendered: { value: string; $ref: string; display?: string; type: string } = { value: member.id, $ref: locationOf(context, endpoint, member.id), type: member.type };
      if (member.display !== null) rendered.display = member.display;
      list.push(rendered);
      membersByGroup.set(member.group_id, list);
    }
  }
  return rows.map((row) =>
    renderResource(
      GROUP_RESOURCE,
      omitted(row) ? withSchema(row.resource, MEMBERS_OMITTED_SCHEMA) : row.resource,
      { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version },
      locationOf(context, '/Groups', row.id),
      // No members: no `members` (RFC 7643 section 2.5), so a group whose members a PATCH removed reads back without them.
      listed(row) && membersByGroup.has(row.id) ? { members: membersByGroup.get(row.id) } : omitted(row) ? { [MEMBERS_OMITTED_SCHEMA]: { membersOmitted: true } } : {},
    ),
  );
}

function withSchema(resource: Record<string, unknown>, urn: string): Record<string, unknown> {
  const schemas = Array.isArray(resource.schemas) ? resource.schemas : [GROUP_RESOURCE.schema.id];
  return schemas.includes(urn) ? resource : { ...resource, schemas: [...schemas, urn] };
}

async function renderGroup(context: ScimContext, db: Queryable, row: GroupRow, withMembers: boolean): Promise<ScimGroup> {
  const [group] = await renderGroups(context, db, [row], withMembers);
  if (!group) throw new Error('rendering lost the group');
  return group;
}

/** A normalized or patched group, once its indexed attributes are known to fit their indexes. */
function storable<T extends { resource: Record<string, unknown> }>(group: T): T {
  const lengths = checkGroupLengths(group.resource);
  if (!lengths.ok) throw lengths.error;
  return group;
}

/** Resolves member references to this directory's users and groups; an unknown id is the client's mistake. */
async function resolveMembers(db: Queryable, context: ScimContext, groupId: string, references: MemberRef[]): Promise<Member[]> {
  const ids = [...new Set(references.map((reference) => reference.value))];
  if (ids.includes(groupId)) throw badRequest('invalidValue', `group ${groupId} cannot be a member of itself`);
  const found = await findMembers(db, context.directoryId, ids);
  if (found.length < ids.length) {
    const known = new Set(found.map((member) => member.id));
    const missing = ids.filter((id) => !known.has(id));
    throw badRequest('invalidValue', `members refer to ids that are not users or groups of this directory: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`);
  }
  return found;
}

async function applyMemberOps(db: Queryable, context: ScimContext, groupId: string, operations: MemberOp[]): Promise<MembershipChange> {
  const added = new Set<string>();
  const removed = new Set<string>();
  const recordAdded = (ids: string[]) => ids.forEach((id) => (removed.delete(id) ? undefined : added.add(id)));
  const recordRemoved = (ids: string[]) => ids.forEach((id) => (added.delete(id) ? undefined : removed.add(id)));
  for (const operation of operations) {
    switch (operation.kind) {
      case 'add':
        recordAdded(await addMembers(db, context.directoryId, groupId, await resolveMembers(db, context, groupId, operation.members)));
        break;
      case 'remove':
        recordRemoved(await removeMembers(db, context.directoryId, groupId, operation.memberIds));
        break;
      case 'removeAll':
        recordRemoved(await removeMembersExcept(db, context.directoryId, groupId, []));
        break;
      case 'replace': {
        const members = await resolveMembers(db, context, groupId, operation.members);
        recordRemoved(await removeMembersExcept(db, context.directoryId, groupId, members.map((member) => member.id)));
        recordAdded(await addMembers(db, context.directoryId, groupId, members));
        break;
      }
    }
  }
  return { added: [...added], removed: [...removed] };
}

export async function createGroup(context: ScimContext, body: unknown): Promise<{ group: ScimGroup; row: GroupRow }> {
  const normalized = normalizeResource(GROUP_RESOURCE, body);
  if (!normalized.ok) throw normalized.error;
  const { resource, members } = storable(normalized.value);
  return withTransaction(context.services.db, async (client) => {
    const id = newId('dirgroup');
    let row = await insertGroup(client, { directoryId: context.directoryId, id, columns: groupColumns(resource), resource, sample: context.writesSampleData === true });
    let change: MembershipChange = { added: [], removed: [] };
    if (members && members.length > 0) {
      change = await applyMemberOps(client, context, id, [{ kind: 'add', members }]);
      row = (await findResource<GroupRow>(client, GROUP_RESOURCE, context.directoryId, id)) ?? row;
    }
    const group = await renderGroup(context, client, row, true);
    await adjustCounter(client, context.directoryId, 'groups', 1);
    await insertEvents(client, await groupCreatedEvents(client, context, row, change));
    return { group, row };
  });
}

export async function getGroup(context: ScimContext, id: string, withMembers: boolean): Promise<{ group: ScimGroup; row: GroupRow }> {
  const db = context.services.db.pool;
  const row = await findResource<GroupRow>(db, GROUP_RESOURCE, context.directoryId, id);
  if (!row) throw groupNotFound(id);
  return { group: await renderGroup(context, db, row, withMembers), row };
}

/** A page of groups; when members are wanted, only within the bounds of listed-members.ts. */
export async function listGroups(context: ScimContext, params: ListParams, withMembers: boolean): Promise<Page<GroupRow> & { groups: ScimGroup[] }> {
  const page = await listPage<GroupRow>(context, GROUP_RESOURCE, params);
  return { ...page, groups: await renderListedGroups(context, context.services.db.pool, page.rows, withMembers) };
}

/** Renders the groups of a list page (a search's included): members only within the bounds of listed-members.ts. */
export async function renderListedGroups(context: ScimContext, db: Queryable, rows: GroupRow[], withMembers: boolean): Promise<ScimGroup[]> {
  if (!withMembers || rows.length === 0) return renderGroups(context, db, rows, false);
  const sizes = await countMembersUpTo(db, context.directoryId, rows.map((row) => row.id), MAX_LISTED_MEMBERS_PER_GROUP + 1);
  const sizeOf = new Map(sizes.map((entry) => [entry.group_id, entry.size]));
  const listed = groupsListedWithMembers(rows.map((row) => ({ id: row.id, size: sizeOf.get(row.id) ?? 0 })));
  return renderGroups(context, db, rows, listed);
}

/**
 * One write path for PUT and PATCH: lock the group, compute its next attributes and member
 * operations, apply the member operations set-wise, and record one event if anything changed.
 */
async function writeGroup(
  context: ScimContext,
  id: string,
  ifMatch: string | undefined,
  withMembers: boolean,
  next: (current: GroupRow) => { resource: Record<string, unknown>; memberOps: MemberOp[] },
): Promise<{ group: ScimGroup; row: GroupRow; changed: boolean }> {
  return withTransaction(context.services.db, async (client) => {
    // The row lock orders concurrent writers to one group, so no membership change is lost.
    const current = await findResource<GroupRow>(client, GROUP_RESOURCE, context.directoryId, id, { forUpdate: true });
    if (!current) throw groupNotFound(id);
    checkPrecondition(ifMatch, current.version);
    assertSampleMayChange(context, current, 'group');
    const { resource, memberOps } = next(current);
    const change = await applyMemberOps(client, context, id, memberOps);
    const attributesChanged = !jsonEqual(resource, current.resource);
    const membersChanged = change.added.length > 0 || change.removed.length > 0;
    if (!attributesChanged && !membersChanged) {
      return { group: await renderGroup(context, client, current, withMembers), row: current, changed: false };
    }
    const row = attributesChanged
      ? await updateGroup(client, { directoryId: context.directoryId, id, columns: groupColumns(resource), resource })
      : await touchGroup(client, context.directoryId, id);
    const group = await renderGroup(context, client, row, withMembers);
    await adjustCounter(client, context.directoryId, 'groups', 0);
    await insertEvents(client, await groupUpdatedEvents(client, context, current, row, change));
    return { group, row, changed: true };
  });
}

export function replaceGroup(context: ScimContext, id: string, body: unknown, ifMatch: string | undefined, withMembers: boolean) {
  const normalized = normalizeResource(GROUP_RESOURCE, body);
  if (!normalized.ok) throw normalized.error;
  const { resource, members } = storable(normalized.value);
  // PUT replaces the whole group: a body without `members` leaves the group empty (RFC 7644 section 3.5.1).
  return writeGroup(context, id, ifMatch, withMembers, () => ({ resource, memberOps: [{ kind: 'replace', members: members ?? [] }] }));
}

export function patchGroup(context: ScimContext, id: string, body: unknown, ifMatch: string | undefined, withMembers: boolean) {
  return writeGroup(context, id, ifMatch, withMembers, (current) => {
    const patched = applyPatch(GROUP_RESOURCE, current.resource, body, { id });
    if (!patched.ok) throw patched.error;
    return storable({ resource: patched.value.resource, memberOps: patched.value.memberOps });
  });
}

export async function deleteGroup(context: ScimContext, id: string, ifMatch?: string): Promise<void> {
  await withTransaction(context.services.db, async (client) => {
    const current = await findResource<GroupRow>(client, GROUP_RESOURCE, context.directoryId, id, { forUpdate: true });
    if (!current) throw groupNotFound(id);
    checkPrecondition(ifMatch, current.version);
    assertSampleMayChange(context, current, 'group');
    const memberUserIds = await listUserMemberIds(client, context.directoryId, id);
    const parents = await removeFromAllGroups(client, context.directoryId, id);
    await touchGroups(client, context.directoryId, parents);
    await deleteResource(client, GROUP_RESOURCE, context.directoryId, id);
    await adjustCounter(client, context.directoryId, 'groups', -1);
    await insertEvents(client, await groupDeletedEvents(client, context, current, memberUserIds, parents));
  });
  context.services.pagePositions.forgetDirectory(context.directoryId);
}
