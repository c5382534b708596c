import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_PORTAL_LINK_SECONDS, createPortalLink, listPortalLinks, revokePortalLink } from '../../directory/access/portal-links.js';
import { invalidArgument } from '../../directory/api-error.js';
import type { Services } from '../../directory/services.js';
import { baseUrlOf } from '../base-url.js';
import { defineRoute } from '../openapi-route.js';
import { examplePortalLink, examplePortalLinkSummary, onePage } from '../serializers/examples.js';
import { portalLinkListResponse, portalLinkResponse, serializePortalLinkSummary } from '../serializers/portal-link.js';
import { organizationParams, pageQuery, pageRequest } from './common-schemas.js';

const createBody = z
  .object({
    expire_time: z.iso
      .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
      .optional()
      .describe('When the link stops working: within 7 days; 24 hours from now by default.'),
  })
  .optional();

const base = '/api/v1/organizations/{organization_id}/portal_links';
const TAG = 'Portal links';

export function portalLinkRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'PUT',
      path: base,
      operationId: 'generatePortalLink',
      tag: TAG,
      summary: 'Generate an admin portal link',
      description:
        "A link that opens the admin portal for the organization's IT admin, who connects their IdP there (send it to them, or open it in " +
        'an iframe of your app). The location holds a secret token and is shown only in this response; it works until expire_time ' +
        '(24 hours by default, at most 7 days) or until revoked.',
      examples: { request: { expire_time: '2026-03-09T09:14:07Z' }, response: { link: examplePortalLink } },
      params: organizationParams,
      body: createBody,
      status: 200,
      response: portalLinkResponse,
      errors: [404],
    },
    async ({ params, body }, request, reply) => {
      let expiresAt: Date | undefined;
      if (body?.expire_time) {
        expiresAt = new Date(body.expire_time);
        const ahead = expiresAt.getTime() - Date.now();
        if (ahead <= 0 || ahead > MAX_PORTAL_LINK_SECONDS * 1000) throw invalidArgument('expire_time', 'must be in the future and within 7 days');
      }
      const created = await createPortalLink(services, params.organization_id, baseUrlOf(services, request), expiresAt);
      reply.header('cache-control', 'no-store');
      return { link: { id: created.link.id, location: created.location, expire_time: created.link.expires_at.toISOString() } };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: base,
      operationId: 'listPortalLinks',
      tag: TAG,
      summary: "List an organization's portal links that still work",
      description: 'Links not yet expired or revoked, without their location (only its hash is kept).',
      examples: { response: { links: [examplePortalLinkSummary], ...onePage } },
      params: organizationParams,
      query: z.object(pageQuery),
      status: 200,
      response: portalLinkListResponse,
      errors: [404],
    },
    async ({ params, query }) => {
      const { items, ...tokens } = await listPortalLinks(services, params.organization_id, pageRequest(query));
      return { links: items.map(serializePortalLinkSummary), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      path: `${base}/{link_id}`,
      operationId: 'revokePortalLink',
      tag: TAG,
      summary: 'Revoke a portal link',
      description: 'The link stops opening the portal at once.',
      params: organizationParams.extend({ link_id: z.string().min(1).max(200) }),
      status: 204,
      errors: [404],
    },
    async ({ params }) => {
      await revokePortalLink(services, params.organization_id, params.link_id);
      return undefined;
    },
  );
}
