import { updateDirectory, type AttributeMappingRow } from '../store/directories.js';
import { existingGroupIds } from '../store/group-listing.js';
import { listRoleAssignments, replaceRoleAssignments, type RoleAssignmentRow } from '../store/role-assignments.js';
import { isForeignKeyViolation } from '../store/errors.js';
import { existingRoleNames } from '../store/roles.js';
import { withTransaction } from '../store/transaction.js';
import { insertEvents } from '../store/events.js';
import { usersUnderGroups } from '../store/memberships.js';
import { usersChangedEvents } from './change-events.js';
import { loadUserEventData } from './event-payloads.js';
import { ApiError, invalidArgument, notFound } from './api-error.js';
import { compileMapping } from './attribute-mapping.js';
import { getDirectory } from './directories.js';
import type { Services } from './services.js';

// A directory's mappings: which of its groups grant which roles, and which SCIM attributes fill
// which fields of its users. Both are read when users are read, never copied into users.

export const MAX_ASSIGNMENTS = 1000;
export const MAX_ATTRIBUTE_MAPPINGS = 100;

/** Replaces the directory's group-to-role assignments. Unknown groups and roles are 404s naming the entry. */
export async function assignRoles(
  services: Services,
  organizationId: string,
  directoryId: string,
  assignments: { group_id: string; role_name: string }[],
): Promise<RoleAssignmentRow[]> {
  await getDirectory(services, organizationId, directoryId);
  return withTransaction(services.db, async (client) => {
    const [groups, roles] = await Promise.all([
      existingGroupIds(client, directoryId, assignments.map((assignment) => assignment.group_id)),
      existingRoleNames(client, assignments.map((assignment) => assignment.role_name)),
    ]);
    for (const [index, assignment] of assignments.entries()) {
      if (!groups.has(assignment.group_id)) {
        throw new ApiError(404, 'not_found', `directory group ${assignment.group_id} was not found in directory ${directoryId}`, {
          id: assignment.group_id,
          parameter: `assignments.${index}.group_id`,
        });
      }
      if (!roles.has(assignment.role_name)) {
        throw new ApiError(404, 'not_found', `role ${assignment.role_name} was not found; create it with POST /api/v1/roles`, {
          id: assignment.role_name,
          parameter: `assignments.${index}.role_name`,
        });
      }
    }
    // Users whose roles may change: those under a group mapped before or after (issue 4: a role
    // mapping change emits user_updated for each user whose roles change).
    const previous = await listRoleAssignments(client, [directoryId]);
    const touchedGroups = [...new Set([...(previous.get(directoryId) ?? []).map((row) => row.group_id), ...assignments.map((a) => a.group_id)])];
    const candidates = await usersUnderGroups(client, directoryId, touchedGroups);
    const before = await loadUserEventData(client, directoryId, candidates);
    try {
      await replaceRoleAssignments(
        client,
        directoryId,
        assignments.map((assignment) => ({ groupId: assignment.group_id, roleName: assignment.role_name })),
      );
    } catch (error) {
      // The IdP deleted a group, or someone a role, between the check above and the insert.
      if (isForeignKeyViolation(error)) throw new ApiError(409, 'aborted', 'a group or role of the assignments was deleted meanwhile; retry');
      throw error;
    }
    const after = await loadUserEventData(client, directoryId, candidates);
    const rolesOf = (view: { roles: { role_name: string }[]; permissions: string[] } | undefined) =>
      JSON.stringify([view?.roles.map((role) => role.role_name), view?.permissions]);
    const changed = candidates.filter((id) => rolesOf(before.get(id)) !== rolesOf(after.get(id)));
    await insertEvents(client, await usersChangedEvents(client, { organizationId, directoryId }, changed, before));
    const stored = await listRoleAssignments(client, [directoryId]);
    return stored.get(directoryId) ?? [];
  });
}

/** Replaces the directory's attribute mappings; each key must be a path a stored user can hold. */
export async function setAttributeMappings(
  services: Services,
  organizationId: string,
  directoryId: string,
  attributes: { key: string; map_to: string }[],
): Promise<AttributeMappingRow[]> {
  await getDirectory(services, organizationId, directoryId);
  const mappings: AttributeMappingRow[] = [];
  const targets = new Set<string>();
  for (const [index, attribute] of attributes.entries()) {
    const compiled = compileMapping(attribute);
    if (!compiled.ok) throw invalidArgument(`attributes.${index}.${compiled.error.field}`, compiled.error.message);
    const { mapping } = compiled.value;
    if (targets.has(mapping.map_to)) throw invalidArgument(`attributes.${index}.map_to`, `"${mapping.map_to}" is already the target of another mapping`);
    targets.add(mapping.map_to);
    mappings.push(mapping);
  }
  const updated = await updateDirectory(services.db.pool, organizationId, directoryId, { attributeMappings: mappings });
  if (!updated) throw notFound('directory', directoryId);
  return updated.attribute_mappings;
}
