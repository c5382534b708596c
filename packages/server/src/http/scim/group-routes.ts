import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup, replaceGroup } from '../../directory/scim/scim-groups.js';
import type { ListParams } from '../../scim/list-params.js';
import { listResponse } from '../../scim/list-response.js';
import { etagOf } from '../../scim/render-resource.js';
import { projectAttributes } from '../../scim/resource/project-attributes.js';
import { GROUP_RESOURCE } from '../../scim/schema/resource-types.js';
import { listParamsFromQuery, listParamsFromSearch, projectionOf, wantsMembers } from './list-query.js';
import { ifMatchOf, notModified } from './preconditions.js';
import { scimContextOf, sendScim } from './scim-request.js';

type IdParams = { Params: { directoryId: string; id: string } };

export function groupRoutes(app: FastifyInstance): void {
  app.post('/Groups', async (request, reply) => {
    const { group, row } = await createGroup(scimContextOf(request), request.body);
    reply.header('location', group.meta.location).header('etag', etagOf(row.version));
    return sendScim(request, reply, 201, projectAttributes(GROUP_RESOURCE, group, projectionOf(request)));
  });

  const sendList = async (request: FastifyRequest, reply: FastifyReply, params: ListParams) => {
    const page = await listGroups(scimContextOf(request), params, wantsMembers(params));
    const groups = page.groups.map((group) => projectAttributes(GROUP_RESOURCE, group, params));
    return sendScim(request, reply, 200, listResponse(groups, page.totalResults, page.startIndex, page.nextCursor));
  };
  app.get('/Groups', (request, reply) => sendList(request, reply, listParamsFromQuery(request)));
  app.post('/Groups/.search', (request, reply) => sendList(request, reply, listParamsFromSearch(request)));

  app.get<IdParams>('/Groups/:id', async (request, reply) => {
    const projection = projectionOf(request);
    const { group, row } = await getGroup(scimContextOf(request), request.params.id, wantsMembers(projection));
    reply.header('etag', etagOf(row.version));
    if (notModified(request, row.version)) return reply.status(304).send();
    return sendScim(request, reply, 200, projectAttributes(GROUP_RESOURCE, group, projection));
  });

  app.put<IdParams>('/Groups/:id', async (request, reply) => {
    const projection = projectionOf(request);
    const { group, row } = await replaceGroup(scimContextOf(request), request.params.id, request.body, ifMatchOf(request), wantsMembers(projection));
    reply.header('etag', etagOf(row.version));
    return sendScim(request, reply, 200, projectAttributes(GROUP_RESOURCE, group, projection));
  });

  // RFC 7644 section 3.5.2 allows 204 for PATCH. A membership PATCH answers 204 unless the client
  // asks for attributes: echoing a 100k-member group back on every change is what breaks servers.
  app.patch<IdParams>('/Groups/:id', async (request, reply) => {
    const projection = projectionOf(request);
    const asked = projection.attributes !== undefined || projection.excludedAttributes !== undefined;
    const { group, row } = await patchGroup(scimContextOf(request), request.params.id, request.body, ifMatchOf(request), asked && wantsMembers(projection));
    reply.header('etag', etagOf(row.version));
    if (!asked) return reply.status(204).send();
    return sendScim(request, reply, 200, projectAttributes(GROUP_RESOURCE, group, projection));
  });

  app.delete<IdParams>('/Groups/:id', async (request, reply) => {
    await deleteGroup(scimContextOf(request), request.params.id, ifMatchOf(request));
    return reply.status(204).send();
  });
}
