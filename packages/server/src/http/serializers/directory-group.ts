import { z } from 'zod';
import type { GroupView } from '../../directory/views/group-view.js';
import type { GroupMemberRow } from '../../store/group-listing.js';
import { pageFields, timestamp } from './common.js';

export const directoryGroupSchema = z
  .strictObject({
    id: z.string(),
    display_name: z.string(),
    total_users: z.number().int().describe('Users who are direct members.'),
    updated_at: timestamp,
    sample: z.literal(true).optional().describe('Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data.'),
    group_detail: z.record(z.string(), z.unknown()).optional().describe('The stored SCIM resource (without members), with include_detail=true.'),
  })
  .meta({ id: 'DirectoryGroup', description: 'A group the IdP provisioned.' });

export type DirectoryGroupJson = z.infer<typeof directoryGroupSchema>;

export const serializeDirectoryGroup = (view: GroupView): DirectoryGroupJson => view;

export const groupMemberSchema = z
  .strictObject({
    id: z.string(),
    type: z.enum(['user', 'group']),
    display_name: z.string().nullable(),
  })
  .meta({ id: 'DirectoryGroupMember', description: 'A direct member of a group: a user or a nested group.' });

export function serializeGroupMember(member: GroupMemberRow): z.infer<typeof groupMemberSchema> {
  return { id: member.id, type: member.type === 'Group' ? 'group' : 'user', display_name: member.display_name };
}

export const directoryGroupResponse = z.strictObject({ group: directoryGroupSchema }).meta({ id: 'DirectoryGroupResponse' });
export const directoryGroupListResponse = z.strictObject({ groups: z.array(directoryGroupSchema), ...pageFields }).meta({ id: 'ListDirectoryGroupsResponse' });
export const groupMemberListResponse = z.strictObject({ members: z.array(groupMemberSchema), ...pageFields }).meta({ id: 'ListDirectoryGroupMembersResponse' });
