import { z } from 'zod';
import type { UserView } from '../../directory/views/user-view.js';
import { pageFields, timestamp } from './common.js';

export const directoryUserSchema = z
  .strictObject({
    id: z.string(),
    email: z.string().nullable().describe('The primary email, unless an attribute mapping sets it.'),
    preferred_username: z.string().describe('The SCIM userName, unless an attribute mapping sets it.'),
    given_name: z.string().nullable(),
    family_name: z.string().nullable(),
    name: z.string().nullable(),
    active: z.boolean(),
    emails: z.array(z.string()),
    groups: z.array(z.strictObject({ id: z.string(), display_name: z.string() })).describe('The groups the user is a direct member of.'),
    roles: z.array(z.strictObject({ role_name: z.string() })).describe("From the user's groups, nested groups included; else the default role."),
    permissions: z.array(z.string()).describe("The union of the roles' permissions."),
    custom_attributes: z.record(z.string(), z.unknown()).describe("Filled by the directory's attribute mappings."),
    updated_at: timestamp,
    sample: z.literal(true).optional().describe('Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data.'),
    user_detail: z.record(z.string(), z.unknown()).optional().describe('The stored SCIM resource, with include_detail=true.'),
  })
  .meta({ id: 'DirectoryUser', description: 'A user the IdP provisioned, normalized.' });

export type DirectoryUserJson = z.infer<typeof directoryUserSchema>;

export const serializeDirectoryUser = (view: UserView): DirectoryUserJson => view;

export const directoryUserResponse = z.strictObject({ user: directoryUserSchema }).meta({ id: 'DirectoryUserResponse' });
export const directoryUserListResponse = z.strictObject({ users: z.array(directoryUserSchema), ...pageFields }).meta({ id: 'ListDirectoryUsersResponse' });
