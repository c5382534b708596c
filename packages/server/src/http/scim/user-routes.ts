import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ListParams } from '../../scim/list-params.js';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from '../../directory/scim/scim-users.js';
import { listResponse } from '../../scim/list-response.js';
import { etagOf } from '../../scim/render-resource.js';
import { projectAttributes } from '../../scim/resource/project-attributes.js';
import { USER_RESOURCE } from '../../scim/schema/resource-types.js';
import { listParamsFromQuery, listParamsFromSearch, projectionOf } from './list-query.js';
import { ifMatchOf, notModified } from './preconditions.js';
import { scimContextOf, sendScim } from './scim-request.js';

type IdParams = { Params: { directoryId: string; id: string } };

export function userRoutes(app: FastifyInstance): void {
  app.post('/Users', async (request, reply) => {
    const { user, row } = await createUser(scimContextOf(request), request.body);
    reply.header('location', user.meta.location).header('etag', etagOf(row.version));
    return sendScim(request, reply, 201, projectAttributes(USER_RESOURCE, user, projectionOf(request)));
  });

  const sendList = async (request: FastifyRequest, reply: FastifyReply, params: ListParams) => {
    const page = await listUsers(scimContextOf(request), params);
    const users = page.users.map((user) => projectAttributes(USER_RESOURCE, user, params));
    return sendScim(request, reply, 200, listResponse(users, page.totalResults, page.startIndex, page.nextCursor));
  };
  app.get('/Users', (request, reply) => sendList(request, reply, listParamsFromQuery(request)));
  app.post('/Users/.search', (request, reply) => sendList(request, reply, listParamsFromSearch(request)));

  app.get<IdParams>('/Users/:id', async (request, reply) => {
    const { user, row } = await getUser(scimContextOf(request), request.params.id);
    reply.header('etag', etagOf(row.version));
    if (notModified(request, row.version)) return reply.status(304).send();
    return sendScim(request, reply, 200, projectAttributes(USER_RESOURCE, user, projectionOf(request)));
  });

  app.put<IdParams>('/Users/:id', async (request, reply) => {
    const { user, row } = await replaceUser(scimContextOf(request), request.params.id, request.body, ifMatchOf(request));
    reply.header('etag', etagOf(row.version));
    return sendScim(request, reply, 200, projectAttributes(USER_RESOURCE, user, projectionOf(request)));
  });

  app.patch<IdParams>('/Users/:id', async (request, reply) => {
    const { user, row } = await patchUser(scimContextOf(request), request.params.id, request.body, ifMatchOf(request));
    reply.header('etag', etagOf(row.version));
    return sendScim(request, reply, 200, projectAttributes(USER_RESOURCE, user, projectionOf(request)));
  });

  app.delete<IdParams>('/Users/:id', async (request, reply) => {
    await deleteUser(scimContextOf(request), request.params.id, ifMatchOf(request));
    return reply.status(204).send();
  });
}
