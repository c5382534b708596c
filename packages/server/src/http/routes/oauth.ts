import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../directory/api-error.js';
import { issueAccessToken } from '../../directory/access/credentials.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';

const tokenRequest = z.object({
  grant_type: z.literal('client_credentials', { error: 'only "client_credentials" is supported' }),
  client_id: z.string().min(1).optional().describe('Or send client_id:client_secret with HTTP Basic.'),
  client_secret: z.string().min(1).optional(),
});

const tokenResponse = z
  .strictObject({
    access_token: z.string().describe('Send as `Authorization: Bearer <access_token>`.'),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Seconds until the token expires.'),
  })
  .meta({ id: 'AccessToken' });

/** Credentials from HTTP Basic (client_secret_basic, RFC 6749 section 2.3.1), if sent that way. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

export function oauthRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'POST',
      path: '/oauth/token',
      operationId: 'getAccessToken',
      tag: 'Authentication',
      summary: 'Exchange API client credentials for an access token (client_credentials)',
      description:
        "The OAuth 2.0 client_credentials grant (RFC 6749 section 4.4): send an API client's id and secret as JSON, as a form, or with HTTP Basic, " +
        'and get a bearer token for every other call. It expires after ROSTER_ACCESS_TOKEN_TTL_SECONDS (an hour by default): fetch a new one ' +
        'before then or when a call answers 401. The SDK does this for you.',
      examples: {
        request: { grant_type: 'client_credentials', client_id: 'roster_client_7f3k9q2m', client_secret: 'rcs_2Vq8mX4bZ7nT1kW9cL5pD3rS6fH0jY' },
        response: { access_token: 'rat_Hk4Pq9Vx2mZ7bN1cT6wL3dR8sF5jY0gA', token_type: 'Bearer', expires_in: 3600 },
      },
      body: tokenRequest,
      bodyMediaTypes: ['application/x-www-form-urlencoded'],
      status: 200,
      response: tokenResponse,
      public: true,
    },
    async ({ body }, request, reply) => {
      const basic = basicCredentials(request.headers.authorization);
      const clientId = body.client_id ?? basic?.id;
      const clientSecret = body.client_secret ?? basic?.secret;
      if (!clientId || !clientSecret) throw new ApiError(400, 'invalid_request', 'client_id and client_secret are required', { parameter: 'client_id' });
      reply.header('cache-control', 'no-store');
      return issueAccessToken(services, clientId, clientSecret);
    },
  );
}
