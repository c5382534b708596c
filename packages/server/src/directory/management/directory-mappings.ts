import { updateDirectory, type AttributeMappingRow } from '../../store/directories.js';
import { existingGroupIds } from '../../store/group-listing.js';
import { listRoleAssignments, replaceRoleAssignments, type RoleAssignmentRow } from '../../store/role-assignments.js';
import { isForeignKeyViolation } from '../../store/errors.js';
import { existingRoleNames } from '../../store/roles.js';
import { withTransaction } from '../../store/transaction.js';
import { lockDirectorySettings } from '../../store/settings-snapshots.js';
import { recordSettingsChange } from '../changes/settings-changes.js';
import { ApiError, invalidArgument, notFound } from '../api-error.js';
import { compileMapping } from './attribute-mapping.js';
import { getDirectory } from './directories.js';
import type { Services } from '../services.js';

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
  const result = await withTransaction(services.db, async (client) => {
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
    // Users whose roles change get user_updated, composed by the expansion worker (settings-changes.ts).
    const locked = await lockDirectorySettings(client, organizationId, directoryId);
    if (!locked) throw notFound('directory', directoryId);
    const previous = await listRoleAssignments(client, [directoryId]);
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
    const stored = await listRoleAssignments(client, [directoryId]);
    const pairs = (rows: RoleAssignmentRow[]): [string, string][] => rows.map((row) => [row.group_id, row.role_name]);
    const before = pairs(previous.get(directoryId) ?? []);
    const after = pairs(stored.get(directoryId) ?? []);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordSettingsChange(client, { id: directoryId, organizationId, users: locked.users }, { assignments: before }, { assignments: after });
    }
    return stored.get(directoryId) ?? [];
  });
  services.changesRecorded();
  return result;
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
  const updated = await withTransaction(services.db, async (client) => {
    const current = await lockDirectorySettings(client, organizationId, directoryId);
    const row = current && (await updateDirectory(client, organizationId, directoryId, { attributeMappings: mappings }));
    if (!current || !row) throw notFound('directory', directoryId);
    // Mapped fields of users change with it (issue 10: it emits user_updated for each user it changes).
    if (JSON.stringify(current.attribute_mappings) !== JSON.stringify(row.attribute_mappings)) {
      await recordSettingsChange(client, { id: directoryId, organizationId, users: current.users }, { attribute_mappings: current.attribute_mappings }, { attribute_mappings: row.attribute_mappings });
    }
    return row;
  });
  services.changesRecorded();
  return updated.attribute_mappings;
}
