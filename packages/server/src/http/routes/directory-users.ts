import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getDirectoryUser, listDirectoryUsers } from '../../directory/management/directory-users.js';
import { getDirectoryGroup, listDirectoryGroupMembers, listDirectoryGroups } from '../../directory/management/directory-groups.js';
import type { Services } from '../../directory/services.js';
import { defineRoute, queryBoolean } from '../openapi-route.js';
import {
  directoryGroupListResponse,
  directoryGroupResponse,
  groupMemberListResponse,
  serializeDirectoryGroup,
  serializeGroupMember,
} from '../serializers/directory-group.js';
import { directoryUserListResponse, directoryUserResponse, serializeDirectoryUser } from '../serializers/directory-user.js';
import { exampleGroup, exampleGroupDetail, exampleGroupMember, exampleUser, exampleUserDetail, onePage } from '../serializers/examples.js';
import { directoryParams, pageQuery, pageRequest, updatedAfter } from './common-schemas.js';

const base = '/api/v1/organizations/{organization_id}/directories/{directory_id}';
const TAG = 'Directory users and groups';

const userQuery = z.object({
  ...pageQuery,
  include_detail: queryBoolean('Add the stored SCIM resource as user_detail.'),
  directory_group_id: z.string().min(1).max(200).optional().describe('Only direct members of this group.'),
  updated_after: updatedAfter,
});
const groupQuery = z.object({ ...pageQuery, include_detail: queryBoolean('Add the stored SCIM resource as group_detail.'), updated_after: updatedAfter });
const detailQuery = z.object({ include_detail: queryBoolean('Add the stored SCIM resource.') });
const userParams = directoryParams.extend({ user_id: z.string().min(1).max(200) });
const groupParams = directoryParams.extend({ group_id: z.string().min(1).max(200) });

export function directoryUserRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/users`,
      operationId: 'listDirectoryUsers',
      tag: TAG,
      summary: "List a directory's users",
      description:
        "The users the IdP provisioned, oldest first. Each carries roles and permissions derived from its groups (nested ones included) and " +
        "the directory's attribute mappings (custom_attributes). directory_group_id narrows to a group's direct members; updated_after to " +
        'users changed since a time (for a periodic sync; webhooks or the Events API tell you sooner).',
      examples: { response: { users: [exampleUser], ...onePage } },
      params: directoryParams,
      query: userQuery,
      status: 200,
      response: directoryUserListResponse,
      errors: [404],
    },
    async ({ params, query }) => {
      const { items, ...tokens } = await listDirectoryUsers(services, params.organization_id, params.directory_id, {
        ...pageRequest(query),
        includeDetail: query.include_detail,
        groupId: query.directory_group_id,
        updatedAfter: query.updated_after,
      });
      return { users: items.map(serializeDirectoryUser), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/users/{user_id}`,
      operationId: 'getDirectoryUser',
      tag: TAG,
      summary: 'Get a directory user',
      description: 'One user, normalized, with derived roles and permissions; include_detail=true adds the SCIM resource the IdP sent (user_detail).',
      examples: { response: { user: { ...exampleUser, user_detail: exampleUserDetail } } },
      params: userParams,
      query: detailQuery,
      status: 200,
      response: directoryUserResponse,
      errors: [404],
    },
    async ({ params, query }) => ({
      user: serializeDirectoryUser(await getDirectoryUser(services, params.organization_id, params.directory_id, params.user_id, query.include_detail === true)),
    }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/groups`,
      operationId: 'listDirectoryGroups',
      tag: TAG,
      summary: "List a directory's groups",
      description: 'The groups the IdP pushed, oldest first, with their count of direct user members; map them to roles with roles:assign.',
      examples: { response: { groups: [exampleGroup], ...onePage } },
      params: directoryParams,
      query: groupQuery,
      status: 200,
      response: directoryGroupListResponse,
      errors: [404],
    },
    async ({ params, query }) => {
      const { items, ...tokens } = await listDirectoryGroups(services, params.organization_id, params.directory_id, {
        ...pageRequest(query),
        includeDetail: query.include_detail,
        updatedAfter: query.updated_after,
      });
      return { groups: items.map(serializeDirectoryGroup), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/groups/{group_id}`,
      operationId: 'getDirectoryGroup',
      tag: TAG,
      summary: 'Get a directory group',
      description: 'One group; include_detail=true adds the SCIM resource the IdP sent (group_detail, without members: list them with /members).',
      examples: { response: { group: { ...exampleGroup, group_detail: exampleGroupDetail } } },
      params: groupParams,
      query: detailQuery,
      status: 200,
      response: directoryGroupResponse,
      errors: [404],
    },
    async ({ params, query }) => ({
      group: serializeDirectoryGroup(await getDirectoryGroup(services, params.organization_id, params.directory_id, params.group_id, query.include_detail === true)),
    }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/groups/{group_id}/members`,
      operationId: 'listDirectoryGroupMembers',
      tag: TAG,
      summary: "List a group's direct members (users and nested groups)",
      description: "A page of the group's direct members, read from its membership rows, so a page of a 100,000-member group costs what a page of a small one does.",
      examples: { response: { members: [exampleGroupMember], ...onePage } },
      params: groupParams,
      query: z.object(pageQuery),
      status: 200,
      response: groupMemberListResponse,
      errors: [404],
    },
    async ({ params, query }) => {
      const { items, ...tokens } = await listDirectoryGroupMembers(services, params.organization_id, params.directory_id, params.group_id, pageRequest(query));
      return { members: items.map(serializeGroupMember), ...tokens };
    },
  );
}
