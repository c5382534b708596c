import type { FastifyInstance } from 'fastify';
import type { Services } from '../../directory/services.js';
import {
  MAX_BULK_OPERATIONS,
  RESOURCE_TYPES,
  SCHEMAS,
  findResourceType,
  findSchema,
  resourceTypeResource,
  schemaResource,
  serviceProviderConfig,
} from '../../scim/discovery.js';
import { listResponse } from '../../scim/list-response.js';
import { ScimError } from '../../scim/scim-error.js';
import { scimContextOf, sendScim } from './scim-request.js';

type IdParams = { Params: { directoryId: string; id: string } };

export function discoveryRoutes(app: FastifyInstance, services: Services): void {
  // RFC 7644 section 4: discovery endpoints are read with GET; other methods are 405 (not 404,
  // which would say there is nothing there), naming the one allowed.
  for (const url of ['/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/:id', '/Schemas', '/Schemas/:id']) {
    app.route({
      method: ['POST', 'PUT', 'PATCH', 'DELETE'],
      url,
      handler: async (request, reply) => {
        reply.header('allow', 'GET');
        throw new ScimError(405, `${request.method} is not allowed here: discovery endpoints are read-only (GET)`);
      },
    });
  }

  app.get('/ServiceProviderConfig', (request, reply) =>
    sendScim(request, reply, 200, serviceProviderConfig(scimContextOf(request).baseUrl, {
      maxPayloadSize: services.config.ROSTER_SCIM_MAX_PAYLOAD_BYTES,
      maxBulkOperations: MAX_BULK_OPERATIONS,
      advertiseCursors: services.config.ROSTER_SCIM_ADVERTISE_CURSORS,
    })),
  );

  app.get('/ResourceTypes', (request, reply) => {
    const baseUrl = scimContextOf(request).baseUrl;
    const resources = RESOURCE_TYPES.map((type) => resourceTypeResource(type, baseUrl));
    return sendScim(request, reply, 200, listResponse(resources, resources.length, 1));
  });

  app.get<IdParams>('/ResourceTypes/:id', (request, reply) => {
    const type = findResourceType(request.params.id);
    if (!type) throw new ScimError(404, `No resource type ${request.params.id}`);
    return sendScim(request, reply, 200, resourceTypeResource(type, scimContextOf(request).baseUrl));
  });

  app.get('/Schemas', (request, reply) => {
    const baseUrl = scimContextOf(request).baseUrl;
    const resources = SCHEMAS.map((schema) => schemaResource(schema, baseUrl));
    return sendScim(request, reply, 200, listResponse(resources, resources.length, 1));
  });

  app.get<IdParams>('/Schemas/:id', (request, reply) => {
    const schema = findSchema(request.params.id);
    if (!schema) throw new ScimError(404, `No schema ${request.params.id}`);
    return sendScim(request, reply, 200, schemaResource(schema, scimContextOf(request).baseUrl));
  });
}
