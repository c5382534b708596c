import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DIRECTORY_PROVIDERS,
  createDirectory,
  createDirectorySecret,
  getDirectoryDetails,
  listDirectoryDetails,
  revokeSecret,
} from '../../directory/directories.js';
import type { Services } from '../../directory/services.js';
import { baseUrlOf } from '../base-url.js';
import { parseInput } from '../parse-body.js';
import { serializeDirectory, serializeSecret } from '../serializers.js';

const createBody = z.object({
  directory_type: z.literal('SCIM', { error: 'must be "SCIM"' }).default('SCIM'),
  directory_provider: z.enum(DIRECTORY_PROVIDERS, { error: `must be one of ${DIRECTORY_PROVIDERS.join(', ')}` }),
  name: z.string().trim().min(1).max(200).optional(),
});

const secretBody = z.object({ expire_time: z.iso.datetime({ offset: true }).optional() }).optional();

const organizationParams = z.object({ organization_id: z.string().min(1) });
const directoryParams = organizationParams.extend({ directory_id: z.string().min(1) });
const secretParams = directoryParams.extend({ secret_id: z.string().min(1) });

const base = '/api/v1/organizations/:organization_id/directories';

// Scalekit-style custom methods (`/{id}:revoke`): the id's pattern keeps the router from reading
// the colon into the parameter.
const ID = '(^[A-Za-z0-9_-]+)';

export function directoryRoutes(app: FastifyInstance, services: Services): void {
  app.post(base, async (request, reply) => {
    const { organization_id } = parseInput(organizationParams, request.params);
    const body = parseInput(createBody, request.body);
    const directory = await createDirectory(services, organization_id, { type: body.directory_type, provider: body.directory_provider, name: body.name });
    const details = await getDirectoryDetails(services, organization_id, directory.id);
    return reply.status(201).send({ directory: serializeDirectory(details, baseUrlOf(services, request)) });
  });

  app.get(base, async (request) => {
    const { organization_id } = parseInput(organizationParams, request.params);
    const directories = await listDirectoryDetails(services, organization_id);
    return { directories: directories.map((details) => serializeDirectory(details, baseUrlOf(services, request))) };
  });

  app.get(`${base}/:directory_id`, async (request) => {
    const { organization_id, directory_id } = parseInput(directoryParams, request.params);
    return { directory: serializeDirectory(await getDirectoryDetails(services, organization_id, directory_id), baseUrlOf(services, request)) };
  });

  app.post(`${base}/:directory_id/secrets`, async (request, reply) => {
    const { organization_id, directory_id } = parseInput(directoryParams, request.params);
    const body = parseInput(secretBody, request.body);
    const expiresAt = body?.expire_time ? new Date(body.expire_time) : null;
    const created = await createDirectorySecret(services, organization_id, directory_id, expiresAt);
    reply.header('cache-control', 'no-store');
    return reply.status(201).send({ plain_secret: created.plainSecret, secret: serializeSecret(created.secret) });
  });

  app.post(`${base}/:directory_id/secrets/:secret_id${ID}::revoke`, async (request) => {
    const { organization_id, directory_id, secret_id } = parseInput(secretParams, request.params);
    return { secret: serializeSecret(await revokeSecret(services, organization_id, directory_id, secret_id)) };
  });
}
