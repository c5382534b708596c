import { newId } from '../../ids.js';
import { jsonEqual } from '../../json-equal.js';
import { applyPatch } from '../../scim/patch/apply-patch.js';
import type { MemberOp } from '../../scim/patch/member-ops.js';
import { memberOnlyPatch } from '../../scim/patch/member-only-patch.js';
import { isEmptyChange, netMemberChange } from '../../scim/patch/net-member-change.js';
import { checkGroupLengths } from '../../scim/resource/indexed-limits.js';
import { groupColumns, normalizeResource } from '../../scim/resource/normalize-resource.js';
import { renderResource, type RenderedResource } from '../../scim/render-resource.js';
import { ScimError, badRequest } from '../../scim/scim-error.js';
import { GROUP_RESOURCE } from '../../scim/schema/resource-types.js';
import type { ListParams } from '../../scim/list-params.js';
import type { Queryable } from '../../store/database.js';
import { insertChanges } from '../../store/event-changes.js';
import { createGroupRecorded, deleteGroupRecorded, writeGroupRecorded, type WrittenGroup } from '../../store/group-writes.js';
import { lockGroupEvents, type GroupRow } from '../../store/groups.js';
import { countMembersUpTo, listGroupsOfMembers, listMembersOfGroups } from '../../store/memberships.js';
import { findResource } from '../../store/resources.js';
import { withStatement, withTransaction } from '../../store/transaction.js';
import { checkPrecondition, versionOfIfMatch } from './preconditions.js';
import { assertSampleMayChange } from './sample-guard.js';
import { locationOf, type ScimContext } from './scim-context.js';
import { EVENT_MEMBER_ID_LIMIT, groupUpdated } from '../changes/change-events.js';
import { groupEventData, previousAttributes } from '../views/event-payloads.js';
import { MAX_LISTED_MEMBERS_PER_GROUP, MEMBERS_OMITTED_SCHEMA, groupsListedWithMembers } from './listed-members.js';
import { listPage, type Page } from './scim-list.js';
import { LockedTooLittle, retryingConflicts } from './write-conflicts.js';

export type ScimGroup = RenderedResource;

interface RenderedMember {
  value: string;
  $ref: string;
  display?: string;
  type: string;
}

const groupNotFound = (id: string) => new ScimError(404, `Group ${id} not found`);

function unknownMembers(missing: string[]): ScimError {
  return badRequest('invalidValue', `members refer to ids that are not users or groups of this directory: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`);
}

function renderMember(context: ScimContext, member: { id: string; type: string; display: string | null }): RenderedMember {
  const endpoint = member.type === 'Group' ? '/Groups' : '/Users';
  const rendered: RenderedMember = { value: member.id, $ref: locationOf(context, endpoint, member.id), type: member.type };
  if (member.display !== null) rendered.display = member.display;
  return rendered;
}

/** A group with `members` when given (none given: no `members`, RFC 7643 section 2.5), or flagged as listed without them. */
function renderGroupRow(context: ScimContext, row: GroupRow, members?: RenderedMember[] | 'omitted'): ScimGroup {
  const omitted = members === 'omitted';
  return renderResource(
    GROUP_RESOURCE,
    omitted ? withSchema(row.resource, MEMBERS_OMITTED_SCHEMA) : row.resource,
    { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version },
    locationOf(context, '/Groups', row.id),
    omitted ? { [MEMBERS_OMITTED_SCHEMA]: { membersOmitted: true } } : members && members.length > 0 ? { members } : {},
  );
}

function withSchema(resource: Record<string, unknown>, urn: string): Record<string, unknown> {
  const schemas = Array.isArray(resource.schemas) ? resource.schemas : [GROUP_RESOURCE.schema.id];
  return schemas.includes(urn) ? resource : { ...resource, schemas: [...schemas, urn] };
}

/**
 * Renders groups. Members are rows and a group may hold 100k of them, so they are read only
 * when the response will carry them (`withMembers`): all groups' (true), none (false), or those
 * of a list page's groups chosen by listed-members.ts (the others say their members were omitted).
 */
async function renderGroups(context: ScimContext, db: Queryable, rows: GroupRow[], withMembers: boolean | ReadonlySet<string>): Promise<ScimGroup[]> {
  if (withMembers === false) return rows.map((row) => renderGroupRow(context, row));
  const listed = (row: GroupRow) => withMembers === true || withMembers.has(row.id);
  const readFrom = rows.filter(listed).map((row) => row.id);
  const membersByGroup = new Map<string, RenderedMember[]>();
  if (readFrom.length > 0) {
    for (const member of await listMembersOfGroups(db, context.directoryId, readFrom)) {
      const list = membersByGroup.get(member.group_id) ?? [];
      list.push(renderMember(context, member));
      membersByGroup.set(member.group_id, list);
    }
  }
  return rows.map((row) => renderGroupRow(context, row, listed(row) ? membersByGroup.get(row.id) : 'omitted'));
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

function rejectSelfMembership(groupId: string, ids: string[]): void {
  if (ids.includes(groupId)) throw badRequest('invalidValue', `group ${groupId} cannot be a member of itself`);
}

/** One statement: the group, its members, the counter, group_created and its members' change record. */
export async function createGroup(context: ScimContext, body: unknown): Promise<{ group: ScimGroup; row: GroupRow }> {
  const normalized = normalizeResource(GROUP_RESOURCE, body);
  if (!normalized.ok) throw normalized.error;
  const { resource, members } = storable(normalized.value);
  const id = newId('dirgroup');
  const memberIds = [...new Set((members ?? []).map((member) => member.value))];
  rejectSelfMembership(id, memberIds);
  const created = await withStatement(context.services.db, (pool) => createGroupRecorded(pool, {
    directoryId: context.directoryId,
    organizationId: context.organizationId,
    id,
    columns: groupColumns(resource),
    resource,
    memberIds,
    idLimit: EVENT_MEMBER_ID_LIMIT,
    sample: context.writesSampleData === true,
  }));
  if ('missing' in created) throw unknownMembers(created.missing);
  context.services.changesRecorded();
  return { group: renderGroupRow(context, created.row, created.members.map((member) => renderMember(context, member))), row: created.row };
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
 * One write path for PUT and PATCH: read the group, compute its next attributes and the net
 * effect of its member operations, then apply both in one statement. Member operations alone
 * need no particular version (they apply to whatever the group holds, under its row lock); new
 * attributes are computed from the read, so they are written only if the group is still as read.
 */
function writeGroup(
  context: ScimContext,
  id: string,
  ifMatch: string | undefined,
  withMembers: boolean,
  next: (current: GroupRow) => { resource: Record<string, unknown>; memberOps: MemberOp[] },
): Promise<{ group: ScimGroup; row: GroupRow; changed: boolean }> {
  return retryingConflicts(() => withStatement(context.services.db, async (db) => {
    const current = await findResource<GroupRow>(db, GROUP_RESOURCE, context.directoryId, id);
    if (!current) throw groupNotFound(id);
    checkPrecondition(ifMatch, current.version);
    assertSampleMayChange(context, current, 'group');
    const { resource, memberOps } = next(current);
    const change = netMemberChange(memberOps);
    rejectSelfMembership(id, change.present);
    const attributesChanged = !jsonEqual(resource, current.resource);
    if (!attributesChanged && isEmptyChange(change)) {
      return { group: await renderGroup(context, db, current, withMembers), row: current, changed: false };
    }
    const after = { ...current, resource, display_name: groupColumns(resource).displayName };
    const pinned = attributesChanged || (ifMatch !== undefined && ifMatch.trim() !== '*');
    const written = await writeGroupRecorded(db, {
      directoryId: context.directoryId,
      organizationId: context.organizationId,
      id,
      version: pinned ? current.version : null,
      attributes: attributesChanged ? { columns: groupColumns(resource), resource, nameBefore: current.display_name } : null,
      ...change,
        previous: attributesChanged ? previousAttributes(groupEventData(current), groupEventData(after)) : {},
      idLimit: EVENT_MEMBER_ID_LIMIT,
    });
    // Another write came between the read and this one (conflict): start again from what it left.
    return answerWrite(context, db, written, withMembers);
  }));
}

export function replaceGroup(context: ScimContext, id: string, body: unknown, ifMatch: string | undefined, withMembers: boolean) {
  const normalized = normalizeResource(GROUP_RESOURCE, body);
  if (!normalized.ok) throw normalized.error;
  const { resource, members } = storable(normalized.value);
  // PUT replaces the whole group: a body without `members` leaves the group empty (RFC 7644 section 3.5.1).
  return writeGroup(context, id, ifMatch, withMembers, () => ({ resource, memberOps: [{ kind: 'replace', members: members ?? [] }] }));
}

/**
 * A PATCH that changes members only, in one round trip: no read of the group first, its If-Match
 * (when it names one version) checked by the statement. Undefined when it must take the general
 * path after all (a conflict to sort out, or nothing to write).
 */
async function patchMembers(context: ScimContext, id: string, memberOps: MemberOp[], ifMatch: string | undefined, withMembers: boolean) {
  const version = versionOfIfMatch(ifMatch);
  const change = netMemberChange(memberOps);
  if (version === undefined || isEmptyChange(change)) return undefined;
  rejectSelfMembership(id, change.present);
  const db = context.services.db.pool;
  const written = await withStatement(context.services.db, (pool) => writeGroupRecorded(pool, {
    directoryId: context.directoryId,
    organizationId: context.organizationId,
    id,
    version,
    attributes: null,
    ...change,
    previous: {},
    idLimit: EVENT_MEMBER_ID_LIMIT,
  }));
  // A conflict (undefined): gone (404), or not at the If-Match version (412); the general path says which.
  return answerWrite(context, db, written, withMembers);
}

/** The answer to a group write: undefined on a conflict (the caller decides what follows), else the group as written or found. */
async function answerWrite(context: ScimContext, db: Queryable, written: WrittenGroup, withMembers: boolean) {
  switch (written.outcome) {
    case 'conflict':
      return undefined;
    case 'missing-members':
      throw unknownMembers(written.missing);
    case 'unchanged':
      return { group: await renderGroup(context, db, written.row, withMembers), row: written.row, changed: false };
    case 'written':
      context.services.changesRecorded();
      return { group: await renderGroup(context, db, written.row, withMembers), row: written.row, changed: true };
  }
}

export async function patchGroup(context: ScimContext, id: string, body: unknown, ifMatch: string | undefined, withMembers: boolean) {
  // Sample data's writes take the general path: it reads the group, to refuse changing a real one.
  const memberOps = context.writesSampleData ? undefined : memberOnlyPatch(body);
  const fast = memberOps && (await retryingConflicts(async () => (await patchMembers(context, id, memberOps, ifMatch, withMembers)) ?? null));
  if (fast) return fast;
  return writeGroup(context, id, ifMatch, withMembers, (current) => {
    const patched = applyPatch(GROUP_RESOURCE, current.resource, body, { id });
    if (!patched.ok) throw patched.error;
    return storable({ resource: patched.value.resource, memberOps: patched.value.memberOps });
  });
}

export async function deleteGroup(context: ScimContext, id: string, ifMatch?: string): Promise<void> {
  await retryingConflicts(() =>
    withTransaction(context.services.db, async (client) => {
      // The event locks of the group and of the groups it is a member of come before the group's
      // row lock, which gives the transaction its place in the log (lockGroupEvents).
      const parents = new Set((await listGroupsOfMembers(client, context.directoryId, [id])).map((parent) => parent.group_id));
      await lockGroupEvents(client, context.directoryId, [id, ...parents]);
      const current = await findResource<GroupRow>(client, GROUP_RESOURCE, context.directoryId, id, { forUpdate: true });
      if (!current) throw groupNotFound(id);
      checkPrecondition(ifMatch, current.version);
      assertSampleMayChange(context, current, 'group');
      const deleted = await deleteGroupRecorded(client, { directoryId: context.directoryId, organizationId: context.organizationId, id, version: current.version });
      if (!deleted) throw new Error(`group ${id} changed while locked`);
      if (deleted.parents.some((parent) => !parents.has(parent.id))) throw new LockedTooLittle(`group ${id} joined a group while its delete took the groups' locks`);
      // After the group's own event and its members' record: the groups it was a member of.
      await insertChanges(client, deleted.parents.map((parent) => groupUpdated(context, parent, { added: [], removed: [id] })));
      return true;
    }),
  );
  context.services.changesRecorded();
  context.services.pagePositions.forgetDirectory(context.directoryId);
}
