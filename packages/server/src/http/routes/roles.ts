import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createRole, deleteRole, getRole, listRoles, updateRole } from '../../directory/management/roles.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';
import { exampleRole, onePage } from '../serializers/examples.js';
import { roleListResponse, roleResponse, serializeRole } from '../serializers/role.js';
import { pageQuery, pageRequest } from './common-schemas.js';

const roleName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, _ . - starting with a letter or digit');
const permissions = z
  .array(z.string().regex(/^[A-Za-z0-9_.:*/-]{1,100}$/, 'must be 1-100 letters, digits or _ . : * / -'))
  .max(200, 'must hold at most 200 permissions');
const displayName = z.string().trim().min(1, 'must not be empty').max(200);
const description = z.string().max(1000);

const createBody = z.object({
  name: roleName.describe('The key groups are mapped to, e.g. "admin"; cannot change later.'),
  display_name: displayName.optional().describe('Defaults to the name.'),
  description: description.optional(),
  permissions: permissions.optional().describe('Permission names, e.g. "users:read".'),
  is_default: z.boolean().optional().describe('Make it the role of users in no mapped group (taking that from any other role).'),
});

const updateBody = z.object({
  display_name: displayName.optional(),
  description: description.nullable().optional(),
  permissions: permissions.optional().describe('Replaces the permissions.'),
  is_default: z.boolean().optional(),
});

const roleParams = z.object({ role_name: z.string().min(1).max(64) });
const TAG = 'Roles';

export function roleRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'POST',
      path: '/api/v1/roles',
      operationId: 'createRole',
      tag: TAG,
      summary: 'Create a role',
      description:
        "A role of the app, with the permissions it grants. Directory groups are mapped to roles (roles:assign); is_default makes it the role of " +
        'users in no mapped group. 409 when a role has the name.',
      examples: {
        request: { name: 'member', display_name: 'Member', description: 'Reads documents.', permissions: ['documents:read'], is_default: true },
        response: { role: { ...exampleRole, update_time: exampleRole.create_time } },
      },
      body: createBody,
      status: 201,
      response: roleResponse,
      errors: [409],
    },
    async ({ body }) => ({
      role: serializeRole(
        await createRole(services, { name: body.name, displayName: body.display_name, description: body.description, permissions: body.permissions, isDefault: body.is_default }),
      ),
    }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/roles',
      operationId: 'listRoles',
      tag: TAG,
      summary: 'List roles',
      description: "The environment's roles, oldest first.",
      examples: { response: { roles: [exampleRole], ...onePage } },
      query: z.object(pageQuery),
      status: 200,
      response: roleListResponse,
    },
    async ({ query }) => {
      const { items, ...tokens } = await listRoles(services, pageRequest(query));
      return { roles: items.map(serializeRole), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/roles/{role_name}',
      operationId: 'getRole',
      tag: TAG,
      summary: 'Get a role',
      description: 'One role by its name, with its permissions.',
      examples: { response: { role: exampleRole } },
      params: roleParams,
      status: 200,
      response: roleResponse,
      errors: [404],
    },
    async ({ params }) => ({ role: serializeRole(await getRole(services, params.role_name)) }),
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      path: '/api/v1/roles/{role_name}',
      operationId: 'updateRole',
      tag: TAG,
      summary: 'Update a role',
      description:
        'Changes the display name, description (null clears it), permissions (replaced as a whole) or whether it is the default; fields left ' +
        "out keep their value. Users' permissions are derived when read, so they follow at once.",
      examples: { request: { permissions: ['documents:read', 'documents:comment'] }, response: { role: { ...exampleRole, permissions: ['documents:read', 'documents:comment'] } } },
      params: roleParams,
      body: updateBody,
      status: 200,
      response: roleResponse,
      errors: [404],
    },
    async ({ params, body }) => ({
      role: serializeRole(
        await updateRole(services, params.role_name, { displayName: body.display_name, description: body.description, permissions: body.permissions, isDefault: body.is_default }),
      ),
    }),
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      path: '/api/v1/roles/{role_name}',
      operationId: 'deleteRole',
      tag: TAG,
      summary: 'Delete a role',
      description: 'A role still assigned to a directory group cannot be deleted (409 failed_precondition).',
      params: roleParams,
      status: 204,
      errors: [404, 409],
    },
    async ({ params }) => {
      await deleteRole(services, params.role_name);
      return undefined;
    },
  );
}
