import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_ASSIGNMENTS, MAX_ATTRIBUTE_MAPPINGS, assignRoles, setAttributeMappings } from '../../directory/management/directory-mappings.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';
import { attributeMappingsSchema, roleAssignmentsSchema } from '../serializers/directory.js';
import { EXAMPLE_IDS, exampleDirectory } from '../serializers/examples.js';
import { directoryParams } from './common-schemas.js';

const assignBody = z.object({
  assignments: z
    .array(z.object({ group_id: z.string().min(1).max(200), role_name: z.string().min(1).max(64) }))
    .max(MAX_ASSIGNMENTS, `must hold at most ${MAX_ASSIGNMENTS} assignments`)
    .describe("The directory's whole mapping: it replaces the assignments there were."),
});

const attributesBody = z.object({
  attributes: z
    .array(z.object({ key: z.string().min(1).max(300), map_to: z.string().min(1).max(100) }))
    .max(MAX_ATTRIBUTE_MAPPINGS, `must hold at most ${MAX_ATTRIBUTE_MAPPINGS} mappings`)
    .describe("The directory's whole mapping: it replaces the mappings there were."),
});

const base = '/api/v1/organizations/{organization_id}/directories/{directory_id}';
const TAG = 'Directories';

export function directoryMappingRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'PUT',
      path: `${base}/groups/-/roles:assign`,
      operationId: 'assignDirectoryGroupRoles',
      tag: TAG,
      summary: "Map the directory's groups to roles",
      description:
        "A user's roles are those of every group it is in, directly or through nested groups; users in no mapped group hold the " +
        'default role. Roles are derived when users are read, so they follow every membership change. The body replaces the whole ' +
        'mapping; each user whose roles change gets an organization.directory.user_updated event.',
      examples: {
        request: { assignments: [{ group_id: EXAMPLE_IDS.group, role_name: 'member' }] },
        response: { role_assignments: { assignments: [{ group_id: EXAMPLE_IDS.group, role_name: 'member' }] } },
      },
      params: directoryParams,
      body: assignBody,
      status: 200,
      response: z.strictObject({ role_assignments: roleAssignmentsSchema }).meta({ id: 'AssignRolesResponse' }),
      errors: [404],
    },
    async ({ params, body }) => {
      const stored = await assignRoles(services, params.organization_id, params.directory_id, body.assignments);
      return { role_assignments: { assignments: stored.map((row) => ({ group_id: row.group_id, role_name: row.role_name })) } };
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      path: `${base}/attributes`,
      operationId: 'updateDirectoryAttributeMappings',
      tag: TAG,
      summary: "Map SCIM attributes to fields of the directory's users",
      description:
        'Each key is a SCIM attribute path (core, enterprise or a custom extension URN); map_to is custom_attributes.<name> or a ' +
        'standard field. Mappings apply when users are read, so they apply to users already stored (the change writes no events). ' +
        'The body replaces the whole mapping; two mappings to one target are refused.',
      examples: { request: { attributes: exampleDirectory.attribute_mappings.attributes }, response: { attribute_mappings: exampleDirectory.attribute_mappings } },
      params: directoryParams,
      body: attributesBody,
      status: 200,
      response: z.strictObject({ attribute_mappings: attributeMappingsSchema }).meta({ id: 'UpdateAttributeMappingsResponse' }),
      errors: [404],
    },
    async ({ params, body }) => {
      const stored = await setAttributeMappings(services, params.organization_id, params.directory_id, body.attributes);
      return { attribute_mappings: { attributes: stored.map((mapping) => ({ key: mapping.key, map_to: mapping.map_to })) } };
    },
  );
}
