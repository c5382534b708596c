import { newId } from '../../ids.js';
import { isUniqueViolation } from '../../store/errors.js';
import { directoriesUsingRole } from '../../store/role-assignments.js';
import { countRoles, deleteRole as deleteRoleRow, findRole, insertRole, listRoles as listRoleRows, updateRole as updateRoleRow, type RoleChanges, type RoleRow } from '../../store/roles.js';
import { lockRoleChanges } from '../../store/settings-snapshots.js';
import { withTransaction } from '../../store/transaction.js';
import { ApiError, conflict, notFound } from '../api-error.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';
import { recordRolesChange } from '../changes/settings-changes.js';

// The environment's roles: what the app calls its roles (`admin`, `member`), with permissions.
// Directory groups are mapped to them per directory; at most one is the default role, held by
// users in no mapped group.

export interface NewRole {
  name: string;
  displayName?: string | undefined;
  description?: string | undefined;
  permissions?: string[] | undefined;
  isDefault?: boolean | undefined;
}

const unique = (values: string[] | undefined): string[] | undefined => (values ? [...new Set(values)].sort() : undefined);

export async function createRole(services: Services, input: NewRole): Promise<RoleRow> {
  try {
    const created = await withTransaction(services.db, async (client) => {
      await lockRoleChanges(client);
      // A new default role is a change of every user holding the default (issue 10: it emits events).
      return recordRolesChange(client, () =>
        insertRole(client, {
          id: newId('role'),
          name: input.name,
          displayName: input.displayName ?? input.name,
          description: input.description ?? null,
          permissions: unique(input.permissions) ?? [],
          isDefault: input.isDefault ?? false,
        }),
      );
    });
    services.changesRecorded();
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`a role named ${input.name} already exists`, { parameter: 'name', name: input.name });
    throw error;
  }
}

export async function getRole(services: Services, name: string): Promise<RoleRow> {
  const role = await findRole(services.db.pool, name);
  if (!role) throw notFound('role', name);
  return role;
}

export async function listRoles(services: Services, request: PageRequest): Promise<Page<RoleRow>> {
  const scope = 'roles';
  const page = keysetPage(scope, request);
  const [read, total] = await Promise.all([listRoleRows(services.db.pool, page), countRoles(services.db.pool)]);
  return pageOf(scope, page, read, (row) => row.name, read.rows, total);
}

export async function updateRole(services: Services, name: string, changes: RoleChanges): Promise<RoleRow> {
  const updated = await withTransaction(services.db, async (client) => {
    await lockRoleChanges(client);
    return recordRolesChange(client, () => updateRoleRow(client, name, { ...changes, permissions: unique(changes.permissions) }));
  });
  if (!updated) throw notFound('role', name);
  services.changesRecorded();
  return updated;
}

/** Deletes a role no directory assigns; a role still assigned is a 409 naming where. */
export async function deleteRole(services: Services, name: string): Promise<void> {
  await withTransaction(services.db, async (client) => {
    await lockRoleChanges(client);
    // Locking the role first makes a concurrent assignment wait (its foreign key check shares the
    // row), so the check below cannot go stale; the foreign key stays as the last guard.
    if (!(await findRole(client, name, { forUpdate: true }))) throw notFound('role', name);
    const directoryIds = await directoriesUsingRole(client, name);
    if (directoryIds.length > 0) {
      throw new ApiError(409, 'failed_precondition', `role ${name} is assigned to groups of directories ${directoryIds.join(', ')}; unassign it first`, {
        name,
        directory_ids: directoryIds,
      });
    }
    await recordRolesChange(client, () => deleteRoleRow(client, name));
  });
  services.changesRecorded();
}
