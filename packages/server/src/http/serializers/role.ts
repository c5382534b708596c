import { z } from 'zod';
import type { RoleRow } from '../../store/roles.js';
import { iso, pageFields, timestamp } from './common.js';

export const roleSchema = z
  .strictObject({
    id: z.string(),
    name: z.string().describe('The key groups are mapped to, e.g. "admin".'),
    display_name: z.string(),
    description: z.string().nullable(),
    permissions: z.array(z.string()),
    is_default: z.boolean().describe('Held by users in no group mapped to a role; at most one role is the default.'),
    create_time: timestamp,
    update_time: timestamp,
  })
  .meta({ id: 'Role', description: "A role of the app, with its permissions." });

export function serializeRole(role: RoleRow): z.infer<typeof roleSchema> {
  return {
    id: role.id,
    name: role.name,
    display_name: role.display_name,
    description: role.description,
    permissions: role.permissions,
    is_default: role.is_default,
    create_time: iso(role.created_at),
    update_time: iso(role.updated_at),
  };
}

export const roleResponse = z.strictObject({ role: roleSchema }).meta({ id: 'RoleResponse' });
export const roleListResponse = z.strictObject({ roles: z.array(roleSchema), ...pageFields }).meta({ id: 'ListRolesResponse' });
