import { newId } from '../../ids.js';
import { jsonEqual } from '../../json-equal.js';
import { applyPatch } from '../../scim/patch/apply-patch.js';
import { checkUserLengths } from '../../scim/resource/indexed-limits.js';
import { normalizeResource, userColumns } from '../../scim/resource/normalize-resource.js';
import { renderResource, type RenderedResource } from '../../scim/render-resource.js';
import { ScimError } from '../../scim/scim-error.js';
import { USER_RESOURCE } from '../../scim/schema/resource-types.js';
import type { ListParams } from '../../scim/list-params.js';
import { isUniqueViolation } from '../../store/errors.js';
import { insertChanges, type RecordedUser } from '../../store/event-changes.js';
import { listGroupsOfMembers } from '../../store/memberships.js';
import { lockGroupEvents } from '../../store/groups.js';
import { findResource } from '../../store/resources.js';
import { withStatement, withTransaction } from '../../store/transaction.js';
import { createUserRecorded, deleteUserRecorded, findUserWithGroups, updateUserRecorded, type UserGroupRef } from '../../store/user-writes.js';
import type { Queryable } from '../../store/database.js';
import type { UserColumns, UserRow } from '../../store/users.js';
import { groupUpdated } from '../changes/change-events.js';
import { listPage, type Page } from './scim-list.js';
import { locationOf, type ScimContext } from './scim-context.js';
import { checkPrecondition } from './preconditions.js';
import { assertSampleMayChange } from './sample-guard.js';
import { LockedTooLittle, retryingConflicts } from './write-conflicts.js';

export type ScimUser = RenderedResource;

const userNotFound = (id: string) => new ScimError(404, `User ${id} not found`);

function takenUserName(columns: UserColumns): ScimError {
  return new ScimError(409, `userName ${JSON.stringify(columns.userName)} is already taken in this directory`, 'uniqueness');
}

/** A user as SCIM shows it, from its row and its direct groups (read in the same statement as the row). */
export function renderUser(context: ScimContext, row: Pick<UserRow, 'id' | 'resource' | 'created_at' | 'updated_at' | 'version'>, groups: readonly UserGroupRef[]): ScimUser {
  // The resource reads back as written: an `active` a PATCH removed is absent (RFC 7643 section
  // 2.5), not restated from the column, and a user in no group carries no empty `groups`.
  return renderResource(USER_RESOURCE, row.resource, { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version }, locationOf(context, '/Users', row.id), {
    ...(groups.length > 0 ? { groups: groups.map((group) => ({ value: group.value, $ref: locationOf(context, '/Groups', group.value), display: group.display, type: 'direct' })) } : {}),
  });
}

/** Users read without their groups (the root /.search), rendered with them: one query for the page. */
export async function renderUsers(context: ScimContext, db: Queryable, rows: UserRow[]): Promise<ScimUser[]> {
  const memberships = await listGroupsOfMembers(db, context.directoryId, rows.map((row) => row.id));
  const groupsByUser = new Map<string, UserGroupRef[]>();
  for (const membership of memberships) groupsByUser.set(membership.member_id, [...(groupsByUser.get(membership.member_id) ?? []), { value: membership.group_id, display: membership.display_name }]);
  return rows.map((row) => renderUser(context, row, groupsByUser.get(row.id) ?? []));
}

/** The columns a user is stored with, once its indexed attributes are known to fit their indexes. */
function storable(resource: Record<string, unknown>): { resource: Record<string, unknown>; columns: UserColumns } {
  const lengths = checkUserLengths(resource);
  if (!lengths.ok) throw lengths.error;
  return { resource, columns: userColumns(resource) };
}

function normalizeUser(body: unknown): { resource: Record<string, unknown>; columns: UserColumns } {
  const normalized = normalizeResource(USER_RESOURCE, body);
  if (!normalized.ok) throw normalized.error;
  return storable(normalized.value.resource);
}

/** One statement: the row, the counter and the change record; a new user has no groups, so nothing is read back. */
export async function createUser(context: ScimContext, body: unknown): Promise<{ user: ScimUser; row: Pick<UserRow, 'id' | 'version'> }> {
  const { resource, columns } = normalizeUser(body);
  const id = newId('diruser');
  try {
    const written = await withStatement(context.services.db, (pool) =>
      createUserRecorded(pool, { directoryId: context.directoryId, organizationId: context.organizationId, id, columns, resource, sample: context.writesSampleData === true }),
    );
    context.services.changesRecorded();
    return { user: renderUser(context, { id, resource, ...written }, []), row: { id, version: written.version } };
  } catch (error) {
    if (isUniqueViolation(error)) throw takenUserName(columns);
    throw error;
  }
}

export async function getUser(context: ScimContext, id: string): Promise<{ user: ScimUser; row: UserRow }> {
  const row = await findUserWithGroups(context.services.db.pool, context.directoryId, id);
  if (!row) throw userNotFound(id);
  return { user: renderUser(context, row, row.groups), row };
}

export async function listUsers(context: ScimContext, params: ListParams): Promise<Page<UserRow> & { users: ScimUser[] }> {
  const page = await listPage<UserRow & { groups: UserGroupRef[] }>(context, USER_RESOURCE, params);
  return { ...page, users: page.rows.map((row) => renderUser(context, row, row.groups)) };
}

/** A user as its change record keeps it (change-state.ts rebuilds its view from this). */
const recordedUserOf = (row: UserRow): RecordedUser => ({ resource: row.resource, updated_at: row.updated_at.toISOString(), ...(row.sample ? { sample: true } : {}) });

/**
 * Writes a user's new state, or nothing at all when it did not change: Okta re-sends whole
 * users with PUT for every change, and a re-push of the same data must produce no event. Read,
 * then write if the user is still at the version read (no lock held between the two).
 */
function writeUser(
  context: ScimContext,
  id: string,
  ifMatch: string | undefined,
  next: (current: UserRow) => { resource: Record<string, unknown>; columns: UserColumns },
): Promise<{ user: ScimUser; row: UserRow }> {
  return retryingConflicts(() => withStatement(context.services.db, async (db) => {
    const current = await findUserWithGroups(db, context.directoryId, id);
    if (!current) throw userNotFound(id);
    checkPrecondition(ifMatch, current.version);
    assertSampleMayChange(context, current, 'user');
    const { resource, columns } = next(current);
    if (jsonEqual(resource, current.resource)) return { user: renderUser(context, current, current.groups), row: current };
    let updated: Awaited<ReturnType<typeof updateUserRecorded>>;
    try {
      updated = await updateUserRecorded(db, {
        directoryId: context.directoryId,
        organizationId: context.organizationId,
        id,
        version: current.version,
        columns,
        resource,
        before: recordedUserOf(current),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw takenUserName(columns);
      throw error;
    }
    // Another write came between the read and this one: start again from what it left.
    if (!updated) return undefined;
    context.services.changesRecorded();
    return { user: renderUser(context, updated, updated.groups), row: updated };
  }));
}

export function replaceUser(context: ScimContext, id: string, body: unknown, ifMatch?: string) {
  const replacement = normalizeUser(body);
  return writeUser(context, id, ifMatch, () => replacement);
}

export function patchUser(context: ScimContext, id: string, body: unknown, ifMatch?: string) {
  return writeUser(context, id, ifMatch, (current) => {
    const patched = applyPatch(USER_RESOURCE, current.resource, body, { id });
    if (!patched.ok) throw patched.error;
    return storable(patched.value.resource);
  });
}

export async function deleteUser(context: ScimContext, id: string, ifMatch?: string): Promise<void> {
  await retryingConflicts(() =>
    withTransaction(context.services.db, async (client) => {
      // The event locks of the groups it leaves come before the user's row lock, which gives the
      // transaction its place in the log (lockGroupEvents).
      const groups = new Set((await listGroupsOfMembers(client, context.directoryId, [id])).map((group) => group.group_id));
      await lockGroupEvents(client, context.directoryId, [...groups]);
      const current = await findResource<UserRow>(client, USER_RESOURCE, context.directoryId, id, { forUpdate: true });
      if (!current) throw userNotFound(id);
      checkPrecondition(ifMatch, current.version);
      assertSampleMayChange(context, current, 'user');
      const deleted = await deleteUserRecorded(client, {
        directoryId: context.directoryId,
        organizationId: context.organizationId,
        id,
        version: current.version,
        before: recordedUserOf(current),
      });
      if (!deleted) throw new Error(`user ${id} changed while locked`);
      if (deleted.groups.some((group) => !groups.has(group.id))) throw new LockedTooLittle(`user ${id} joined a group while its delete took the groups' locks`);
      // After the user's own record: its user_deleted comes first, then each group it left.
      await insertChanges(client, deleted.groups.map((group) => groupUpdated(context, group, { added: [], removed: [id] })));
      return true;
    }),
  );
  context.services.changesRecorded();
  context.services.pagePositions.forgetDirectory(context.directoryId);
}
