import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createApiClient, getApiClient, listApiClients, revokeApiClient } from '../../directory/management/api-clients.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';
import { apiClientListResponse, apiClientResponse, createdApiClientResponse, serializeApiClient } from '../serializers/api-client.js';
import { exampleApiClient, onePage } from '../serializers/examples.js';
import { pageQuery, pageRequest } from './common-schemas.js';

const clientParams = z.object({ client_id: z.string().min(1).max(200) });
const TAG = 'API clients';

export function apiClientRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'POST',
      path: '/api/v1/clients',
      operationId: 'createApiClient',
      tag: TAG,
      summary: 'Create an API client',
      description:
        'Credentials for another backend (or for rotating your own): exchange them at POST /oauth/token. plain_secret is the client_secret, ' +
        'in this response only; Roster keeps its SHA-256.',
      examples: { request: { name: 'Billing backend' }, response: { client: exampleApiClient, plain_secret: 'rcs_2Vq8mX4bZ7nT1kW9cL5pD3rS6fH0jY' } },
      body: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200).describe('What the client is for.') }),
      status: 201,
      response: createdApiClientResponse,
    },
    async ({ body }, _request, reply) => {
      const created = await createApiClient(services, body.name);
      reply.header('cache-control', 'no-store');
      return { client: serializeApiClient(created.client), plain_secret: created.plainSecret };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/clients',
      operationId: 'listApiClients',
      tag: TAG,
      summary: 'List API clients',
      description: "The environment's API clients, revoked ones included (with their revoke_time), oldest first; never their secrets.",
      examples: { response: { clients: [exampleApiClient], ...onePage } },
      query: z.object(pageQuery),
      status: 200,
      response: apiClientListResponse,
    },
    async ({ query }) => {
      const { items, ...tokens } = await listApiClients(services, pageRequest(query));
      return { clients: items.map(serializeApiClient), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: '/api/v1/clients/{client_id}',
      operationId: 'getApiClient',
      tag: TAG,
      summary: 'Get an API client',
      description: 'One API client by its client_id.',
      examples: { response: { client: exampleApiClient } },
      params: clientParams,
      status: 200,
      response: apiClientResponse,
      errors: [404],
    },
    async ({ params }) => ({ client: serializeApiClient(await getApiClient(services, params.client_id)) }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: '/api/v1/clients/{client_id}:revoke',
      operationId: 'revokeApiClient',
      tag: TAG,
      summary: 'Revoke an API client',
      description: "Its secret and access tokens stop working at once. The last active client cannot be revoked (409).",
      examples: { response: { client: { ...exampleApiClient, revoke_time: '2026-03-02T09:14:07.512Z' } } },
      params: clientParams,
      status: 200,
      response: apiClientResponse,
      errors: [404, 409],
    },
    async ({ params }) => ({ client: serializeApiClient(await revokeApiClient(services, params.client_id)) }),
  );
}
