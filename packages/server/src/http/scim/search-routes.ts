import type { FastifyInstance } from 'fastify';
import { searchAllTypes } from '../../directory/scim/scim-search.js';
import { listResponse } from '../../scim/list-response.js';
import { projectAttributes } from '../../scim/resource/project-attributes.js';
import { listParamsFromSearch, wantsMembers } from './list-query.js';
import { scimContextOf, sendScim } from './scim-request.js';

/** `POST /.search` at the service provider's root: a SearchRequest across Users and Groups (RFC 7644 section 3.4.3). */
export function searchRoutes(app: FastifyInstance): void {
  app.post('/.search', async (request, reply) => {
    const params = listParamsFromSearch(request);
    const page = await searchAllTypes(scimContextOf(request), params, wantsMembers(params));
    const resources = page.hits.map((hit) => projectAttributes(hit.resourceType, hit.resource, params));
    return sendScim(request, reply, 200, listResponse(resources, page.totalResults, page.startIndex));
  });
}
