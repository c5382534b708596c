import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../directory/api-error.js';
import {
  DIRECTORY_PROVIDERS,
  createDirectory,
  detailsOfDirectory,
  getDirectoryDetails,
  listDirectoryDetails,
  setDirectoryEnabled,
  updateDirectory,
} from '../../directory/management/directories.js';
import { getDirectoryUser, listDirectoryUsers } from '../../directory/management/directory-users.js';
import { listDirectoryGroups } from '../../directory/management/directory-groups.js';
import { MAX_ASSIGNMENTS, MAX_ATTRIBUTE_MAPPINGS, assignRoles, setAttributeMappings } from '../../directory/management/directory-mappings.js';
import { MAX_GRACE_SECONDS, createDirectorySecret, regenerateDirectorySecret, revokeSecret } from '../../directory/management/directory-secrets.js';
import { getOrganization, scimEnabled } from '../../directory/management/organizations.js';
import { MAX_PAGE_SIZE } from '../../directory/views/page-token.js';
import { listRoles } from '../../directory/management/roles.js';
import type { Services } from '../../directory/services.js';
import { loadWebConfig, type WebConfig } from '../../directory/access/web-config.js';
import { baseUrlOf } from '../base-url.js';
import { fastifyPath } from '../openapi-route.js';
import { idParameter, parseInput } from '../parse-body.js';
import { serializeDirectory, serializeSecret } from '../serializers/directory.js';
import { serializeRole } from '../serializers/role.js';
import { portalSessionOf, requirePortalSession } from '../web-session-auth.js';
import { sharedDirectoryRoutes } from './shared-directory-routes.js';
import { createPortalPulledDirectory, portalSourceRoutes, pulledDirectoryOptions } from './portal-sources.js';
import { portalFrameAncestors } from './web-app.js';

// The admin portal's API: cookie-authenticated copies of the management calls the portal needs,
// under /api/v1/portal/..., every one scoped to the session's organization. There is no
// organization id in these paths: a portal session can never name, let alone reach, another
// organization. These are the web UI's routes and stay out of the OpenAPI document.

const BASE = '/api/v1/portal';
const DIRECTORY = `${BASE}/directories/{directory_id}`;

const provider = z.enum(DIRECTORY_PROVIDERS, { error: `must be one of ${DIRECTORY_PROVIDERS.join(', ')}` });
const createBody = z.object({ directory_provider: provider, name: z.string().trim().min(1).max(200).optional() });
const updateBody = z.object({ directory_provider: provider.optional(), name: z.string().trim().min(1).max(200).optional() });
const regenerateBody = z.object({ grace_period_seconds: z.number().int().min(0).max(MAX_GRACE_SECONDS).optional() }).optional();
const pageQuery = z.object({
  page_size: z.coerce.number({ error: 'must be a number' }).int().min(1).max(MAX_PAGE_SIZE).optional(),
  page_token: z.string().max(2000).optional(),
  directory_group_id: z.string().min(1).max(200).optional(),
});
const assignBody = z.object({
  assignments: z.array(z.object({ group_id: z.string().min(1).max(200), role_name: z.string().min(1).max(64) })).max(MAX_ASSIGNMENTS),
});
const attributesBody = z.object({
  attributes: z.array(z.object({ key: z.string().min(1).max(300), map_to: z.string().min(1).max(100) })).max(MAX_ATTRIBUTE_MAPPINGS),
});

const organizationOf = (request: FastifyRequest) => portalSessionOf(request).organizationId;

export function portalApiRoutes(app: FastifyInstance, services: Services, config: WebConfig = loadWebConfig()): void {
  app.register(async (portal) => {
    portal.addHook('preHandler', requirePortalSession(services));
    portal.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    portal.get(`${BASE}/session`, async (request) => {
      const session = portalSessionOf(request);
      const organization = await getOrganization(services, session.organizationId);
      return {
        organization: { id: organization.id, display_name: organization.display_name, scim_enabled: scimEnabled(organization.features) },
        expire_time: session.expiresAt.toISOString(),
        csrf_token: session.csrfToken,
        // The portal posts its browser events to these origins only (and to no one when it is not framed).
        allowed_origins: await portalFrameAncestors(services, config),
        pulled_directories: pulledDirectoryOptions(services),
      };
    });

    portal.get(`${BASE}/roles`, async () => {
      const page = await listRoles(services, { pageSize: MAX_PAGE_SIZE });
      return { roles: page.items.map(serializeRole) };
    });

    portal.get(`${BASE}/directories`, async (request) => {
      const page = await listDirectoryDetails(services, organizationOf(request), { pageSize: MAX_PAGE_SIZE });
      const baseUrl = baseUrlOf(services, request);
      return { directories: page.items.map((details) => serializeDirectory(details, baseUrl)) };
    });

    // The portal's first step: a directory for the chosen provider and its first bearer token, in one call.
    portal.post(`${BASE}/directories`, async (request, reply) => {
      const organizationId = organizationOf(request);
      // Google Workspace and BambooHR are pulled: no SCIM secret, a source to connect instead.
      const type = (request.body as { directory_type?: unknown } | undefined)?.directory_type;
      if (type !== undefined && type !== 'SCIM') {
        const directory = await createPortalPulledDirectory(services, organizationId, request.body);
        reply.status(201);
        return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
      }
      const body = parseInput(createBody, request.body);
      const directory = await createDirectory(services, organizationId, { type: 'SCIM', provider: body.directory_provider, name: body.name });
      const secret = await createDirectorySecret(services, organizationId, directory.id);
      reply.status(201);
      return {
        directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)),
        plain_secret: secret.plainSecret,
      };
    });

    portal.get(fastifyPath(DIRECTORY), async (request) => ({
      directory: serializeDirectory(await getDirectoryDetails(services, organizationOf(request), idParameter(request, 'directory_id')), baseUrlOf(services, request)),
    }));

    portal.patch(fastifyPath(DIRECTORY), async (request) => {
      const body = parseInput(updateBody, request.body);
      const directory = await updateDirectory(services, organizationOf(request), idParameter(request, 'directory_id'), { name: body.name, provider: body.directory_provider });
      return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
    });

    for (const enabled of [true, false]) {
      portal.post(fastifyPath(`${DIRECTORY}:${enabled ? 'enable' : 'disable'}`), async (request) =>
        setDirectoryEnabled(services, organizationOf(request), idParameter(request, 'directory_id'), enabled),
      );
    }

    portal.post(fastifyPath(`${DIRECTORY}/secrets`), async (request, reply) => {
      const created = await createDirectorySecret(services, organizationOf(request), idParameter(request, 'directory_id'));
      reply.status(201);
      return { plain_secret: created.plainSecret, secret: serializeSecret(created.secret) };
    });

    portal.post(fastifyPath(`${DIRECTORY}/secrets:regenerate`), async (request) => {
      const body = parseInput(regenerateBody, request.body);
      const created = await regenerateDirectorySecret(services, organizationOf(request), idParameter(request, 'directory_id'), body?.grace_period_seconds);
      return { plain_secret: created.plainSecret, secret: serializeSecret(created.secret), expiring_secrets: created.expiring.map(serializeSecret) };
    });

    portal.post(fastifyPath(`${DIRECTORY}/secrets/{secret_id}:revoke`), async (request) => ({
      secret: serializeSecret(await revokeSecret(services, organizationOf(request), idParameter(request, 'directory_id'), idParameter(request, 'secret_id'))),
    }));

    portal.get(fastifyPath(`${DIRECTORY}/users`), async (request) => {
      const query = parseInput(pageQuery, request.query);
      const { items, ...tokens } = await listDirectoryUsers(services, organizationOf(request), idParameter(request, 'directory_id'), {
        pageSize: query.page_size,
        pageToken: query.page_token,
        groupId: query.directory_group_id,
      });
      return { users: items, ...tokens };
    });

    portal.get(fastifyPath(`${DIRECTORY}/users/{user_id}`), async (request) => ({
      user: await getDirectoryUser(services, organizationOf(request), idParameter(request, 'directory_id'), idParameter(request, 'user_id'), true),
    }));

    portal.get(fastifyPath(`${DIRECTORY}/groups`), async (request) => {
      const query = parseInput(pageQuery, request.query);
      const { items, ...tokens } = await listDirectoryGroups(services, organizationOf(request), idParameter(request, 'directory_id'), {
        pageSize: query.page_size,
        pageToken: query.page_token,
      });
      return { groups: items, ...tokens };
    });

    portal.put(fastifyPath(`${DIRECTORY}/groups/-/roles:assign`), async (request) => {
      const body = parseInput(assignBody, request.body);
      const stored = await assignRoles(services, organizationOf(request), idParameter(request, 'directory_id'), body.assignments);
      return { role_assignments: { assignments: stored.map((row) => ({ group_id: row.group_id, role_name: row.role_name })) } };
    });

    portal.put(fastifyPath(`${DIRECTORY}/attributes`), async (request) => {
      const body = parseInput(attributesBody, request.body);
      const stored = await setAttributeMappings(services, organizationOf(request), idParameter(request, 'directory_id'), body.attributes);
      return { attribute_mappings: { attributes: stored.map((mapping) => ({ key: mapping.key, map_to: mapping.map_to })) } };
    });

    sharedDirectoryRoutes(portal, services, DIRECTORY, organizationOf);
    portalSourceRoutes(portal, services, DIRECTORY, organizationOf);

    portal.all(`${BASE}/*`, async (request) => {
      throw new ApiError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    });
  });
}
