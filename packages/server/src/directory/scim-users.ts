import { newId } from '../ids.js';
import { jsonEqual } from '../json-equal.js';
import { applyPatch } from '../scim/patch/apply-patch.js';
import { checkUserLengths } from '../scim/resource/indexed-limits.js';
import { normalizeResource, userColumns } from '../scim/resource/normalize-resource.js';
import { renderResource } from '../scim/render-resource.js';
import { ScimError } from '../scim/scim-error.js';
import { USER_RESOURCE } from '../scim/schema/resource-types.js';
import type { ListParams } from '../scim/list-params.js';
import { isUniqueViolation } from '../store/errors.js';
import { insertEvents } from '../store/events.js';
import { listGroupsOfMembers, removeFromAllGroups } from '../store/memberships.js';
import { adjustCounter, deleteResource, findResource } from '../store/resources.js';
import { withTransaction } from '../store/transaction.js';
import { insertUser, updateUser, type UserColumns, type UserRow } from '../store/users.js';
import { touchGroups } from '../store/groups.js';
import type { Queryable } from '../store/database.js';
import { userBeforeChange, userCreatedEvents, userDeletedEvents, userUpdatedEvents } from './change-events.js';
import { listPage, type Page } from './scim-list.js';
import { locationOf, type ScimContext } from './scim-context.js';
import { checkPrecondition } from './preconditions.js';
import { assertSampleMayChange } from './sample-guard.js';

export type ScimUser = Record<string, unknown>;

const userNotFound = (id: string) => new ScimError(404, `User ${id} not found`);

function takenUserName(columns: UserColumns): ScimError {
  return new ScimError(409, `userName ${JSON.stringify(columns.userName)} is already taken in this directory`, 'uniqueness');
}

/** Renders users with their direct groups, in one query for the whole page. */
export async function renderUsers(context: ScimContext, db: Queryable, rows: UserRow[]): Promise<ScimUser[]> {
  const memberships = await listGroupsOfMembers(db, context.directoryId, rows.map((row) => row.id));
  const groupsByUser = new Map<string, { value: string; $ref: string; display: string; type: 'direct' }[]>();
  for (const membership of memberships) {
    const list = groupsByUser.get(membership.member_id) ?? [];
    list.push({ value: membership.group_id, $ref: locationOf(context, '/Groups', membership.group_id), display: membership.display_name, type: 'direct' });
    groupsByUser.set(membership.member_id, list);
  }
  return rows.map((row) =>
    // The resource reads back as written: an `active` a PATCH removed is absent (RFC 7643 section
    // 2.5), not restated from the column, and a user in no group carries no empty `groups`.
    renderResource(USER_RESOURCE, row.resource, { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version }, locationOf(context, '/Users', row.id), {
      ...(groupsByUser.has(row.id) ? { groups: groupsByUser.get(row.id) } : {}),
    }),
  );
}

async function renderUser(context: ScimContext, db: Queryable, row: UserRow): Promise<ScimUser> {
  const [user] = await renderUsers(context, db, [row]);
  if (!user) throw new Error('rendering lost the user');
  return user;
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

export async function createUser(context: ScimContext, body: unknown): Promise<{ user: ScimUser; row: UserRow }> {
  const { resource, columns } = normalizeUser(body);
  try {
    return await withTransaction(context.services.db, async (client) => {
      const row = await insertUser(client, { directoryId: context.directoryId, id: newId('diruser'), columns, resource, sample: context.writesSampleData === true });
      const user = await renderUser(context, client, row);
      await adjustCounter(client, context.directoryId, 'users', 1);
      await insertEvents(client, await userCreatedEvents(client, context, row));
      return { user, row };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw takenUserName(columns);
    throw error;
  }
}

export async function getUser(context: ScimContext, id: string): Promise<{ user: ScimUser; row: UserRow }> {
  const db = context.services.db.pool;
  const row = await findResource<UserRow>(db, USER_RESOURCE, context.directoryId, id);
  if (!row) throw userNotFound(id);
  return { user: await renderUser(context, db, row), row };
}

export async function listUsers(context: ScimContext, params: ListParams): Promise<Page<UserRow> & { users: ScimUser[] }> {
  const page = await listPage<UserRow>(context, USER_RESOURCE, params);
  return { ...page, users: await renderUsers(context, context.services.db.pool, page.rows) };
}

/**
 * Writes a user's new state, or nothing at all when it did not change: Okta re-sends whole
 * users with PUT for every change, and a re-push of the same data must produce no event.
 */
async function writeUser(
  context: ScimContext,
  id: string,
  ifMatch: string | undefined,
  next: (current: UserRow) => { resource: Record<string, unknown>; columns: UserColumns },
): Promise<{ user: ScimUser; row: UserRow }> {
  let attempted: UserColumns | undefined;
  try {
    return await withTransaction(context.services.db, async (client) => {
      const current = await findResource<UserRow>(client, USER_RESOURCE, context.directoryId, id, { forUpdate: true });
      if (!current) throw userNotFound(id);
      checkPrecondition(ifMatch, current.version);
      assertSampleMayChange(context, current, 'user');
      const { resource, columns } = next(current);
      attempted = columns;
      if (jsonEqual(resource, current.resource)) {
        return { user: await renderUser(context, client, current), row: current };
      }
      const before = await userBeforeChange(client, context, id);
      const row = await updateUser(client, { directoryId: context.directoryId, id, columns, resource });
      const user = await renderUser(context, client, row);
      await adjustCounter(client, context.directoryId, 'users', 0);
      await insertEvents(client, await userUpdatedEvents(client, context, before, row));
      return { user, row };
    });
  } catch (error) {
    if (isUniqueViolation(error) && attempted) throw takenUserName(attempted);
    throw error;
  }
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
  await withTransaction(context.services.db, async (client) => {
    const current = await findResource<UserRow>(client, USER_RESOURCE, context.directoryId, id, { forUpdate: true });
    if (!current) throw userNotFound(id);
    checkPrecondition(ifMatch, current.version);
    assertSampleMayChange(context, current, 'user');
    const before = await userBeforeChange(client, context, id);
    const groupIds = await removeFromAllGroups(client, context.directoryId, id);
    await touchGroups(client, context.directoryId, groupIds);
    await deleteResource(client, USER_RESOURCE, context.directoryId, id);
    await adjustCounter(client, context.directoryId, 'users', -1);
    await insertEvents(client, await userDeletedEvents(client, context, before, groupIds));
  });
  context.services.pagePositions.forgetDirectory(context.directoryId);
}
