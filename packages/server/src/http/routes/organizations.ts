import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  getOrganizationByExternalId,
  listOrganizations,
  updateOrganization,
  updateOrganizationSettings,
} from '../../directory/management/organizations.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';
import { exampleOrganization, onePage } from '../serializers/examples.js';
import { organizationListResponse, organizationResponse, serializeOrganization } from '../serializers/organization.js';
import { organizationParams, pageQuery, pageRequest } from './common-schemas.js';

const displayName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const externalId = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const createBody = z.object({
  display_name: displayName.describe('The name of the customer organization.'),
  external_id: externalId.optional().describe("The app's own id for this customer; unique."),
});

const updateBody = z.object({
  display_name: displayName.optional(),
  external_id: externalId.nullable().optional().describe('null clears it.'),
});

const settingsBody = z.object({
  features: z
    .array(z.object({ name: z.enum(['scim', 'dir_sync'], { error: 'must be "scim" or "dir_sync"' }), enabled: z.boolean() }))
    .min(1, 'must name at least one feature')
    .describe('Features to set; features not named keep their state. Turning "scim" off makes its directories answer 403 to the IdP.'),
});

const TAG = 'Organizations';

export function organizationRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'POST',
      path: '/api/v1/organizations',
      operationId: 'createOrganization',
      tag: TAG,
      summary: 'Create an organization',
      description:
        "One organization per customer of the app. Give it the app's own id as external_id to find it later without storing Roster's id " +
        '(409 already_exists when another organization has it). SCIM stays off until its settings turn the "scim" feature on.',
      examples: { request: { display_name: 'Acme Corporation', external_id: 'acme' }, response: { organization: { ...exampleOrganization, settings: { features: [] } } } },
      body: createBody,
      status: 201,
      response: organizationResponse,
      errors: [409],
    },
    async ({ body }) => ({ organization: serializeOrganization(await createOrganization(services, { displayName: body.display_name, externalId: body.external_id })) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/organizations',
      operationId: 'listOrganizations',
      tag: TAG,
      summary: 'List organizations',
      description: 'Every organization of the environment, oldest first, a page at a time: pass next_page_token as page_token until it comes back empty.',
      examples: { response: { organizations: [exampleOrganization], ...onePage } },
      query: z.object(pageQuery),
      status: 200,
      response: organizationListResponse,
    },
    async ({ query }) => {
      const page = await listOrganizations(services, pageRequest(query));
      const { items, ...tokens } = page;
      return { organizations: items.map(serializeOrganization), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/organizations:external/{external_id}',
      operationId: 'getOrganizationByExternalId',
      tag: TAG,
      summary: 'Get an organization by its external_id',
      description: "Finds the organization by the app's own id for the customer (set when it was created or updated); 404 when none has it.",
      examples: { response: { organization: exampleOrganization } },
      params: z.object({ external_id: externalId }),
      status: 200,
      response: organizationResponse,
      errors: [404],
    },
    async ({ params }) => ({ organization: serializeOrganization(await getOrganizationByExternalId(services, params.external_id)) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/organizations/{organization_id}',
      operationId: 'getOrganization',
      tag: TAG,
      summary: 'Get an organization',
      description: 'The organization with its settings (which features are on).',
      examples: { response: { organization: exampleOrganization } },
      params: organizationParams,
      status: 200,
      response: organizationResponse,
      errors: [404],
    },
    async ({ params }) => ({ organization: serializeOrganization(await getOrganization(services, params.organization_id)) }),
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      path: '/api/v1/organizations/{organization_id}',
      operationId: 'updateOrganization',
      tag: TAG,
      summary: 'Update an organization',
      description: 'Renames the organization or changes its external_id (null clears it); fields left out keep their value. 409 when another organization has the external_id.',
      examples: { request: { display_name: 'Acme Corp.' }, response: { organization: { ...exampleOrganization, display_name: 'Acme Corp.' } } },
      params: organizationParams,
      body: updateBody,
      status: 200,
      response: organizationResponse,
      errors: [404, 409],
    },
    async ({ params, body }) => ({
      organization: serializeOrganization(await updateOrganization(services, params.organization_id, { displayName: body.display_name, externalId: body.external_id })),
    }),
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      path: '/api/v1/organizations/{organization_id}',
      operationId: 'deleteOrganization',
      tag: TAG,
      summary: 'Delete an organization',
      description: 'Deletes the organization with its directories, their users and groups, and its portal links.',
      params: organizationParams,
      status: 204,
      errors: [404],
    },
    async ({ params }) => {
      await deleteOrganization(services, params.organization_id);
      return undefined;
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      path: '/api/v1/organizations/{organization_id}/settings',
      operationId: 'updateOrganizationSettings',
      tag: TAG,
      summary: "Update an organization's settings",
      description:
        'Turns features on or off; features not named keep their state. "scim" (or its alias "dir_sync") lets the organization have SCIM ' +
        'directories: while it is off, creating one is refused and existing ones answer their IdP 403.',
      examples: { request: { features: [{ name: 'scim', enabled: true }] }, response: { organization: exampleOrganization } },
      params: organizationParams,
      body: settingsBody,
      status: 200,
      response: organizationResponse,
      errors: [404],
    },
    async ({ params, body }) => ({ organization: serializeOrganization(await updateOrganizationSettings(services, params.organization_id, body.features)) }),
  );
}
