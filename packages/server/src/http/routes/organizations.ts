import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOrganization, getOrganization, updateOrganizationSettings } from '../../directory/organizations.js';
import type { Services } from '../../directory/services.js';
import { parseInput } from '../parse-body.js';
import { serializeOrganization } from '../serializers.js';

const createBody = z.object({
  display_name: z.string().trim().min(1, 'must not be empty').max(200),
  external_id: z.string().trim().min(1).max(200).optional(),
});

const settingsBody = z.object({
  features: z
    .array(z.object({ name: z.enum(['scim', 'dir_sync'], { error: 'must be "scim" or "dir_sync"' }), enabled: z.boolean() }))
    .min(1, 'must name at least one feature'),
});

const organizationParams = z.object({ organization_id: z.string().min(1) });

export function organizationRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/v1/organizations', async (request, reply) => {
    const body = parseInput(createBody, request.body);
    const organization = await createOrganization(services, { displayName: body.display_name, externalId: body.external_id });
    return reply.status(201).send({ organization: serializeOrganization(organization) });
  });

  app.get('/api/v1/organizations/:organization_id', async (request) => {
    const { organization_id } = parseInput(organizationParams, request.params);
    return { organization: serializeOrganization(await getOrganization(services, organization_id)) };
  });

  app.patch('/api/v1/organizations/:organization_id/settings', async (request) => {
    const { organization_id } = parseInput(organizationParams, request.params);
    const body = parseInput(settingsBody, request.body);
    const organization = await updateOrganizationSettings(services, organization_id, body.features);
    services.scimAccess.clear();
    return { organization: serializeOrganization(organization) };
  });
}
