import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../directory/api-error.js';
import { issueAccessToken } from '../../directory/credentials.js';
import type { Services } from '../../directory/services.js';
import { parseInput } from '../parse-body.js';

const tokenRequest = z.object({
  grant_type: z.literal('client_credentials', { error: 'only "client_credentials" is supported' }),
  client_id: z.string().min(1).optional(),
  client_secret: z.string().min(1).optional(),
});

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
  app.post('/oauth/token', async (request, reply) => {
    const body = parseInput(tokenRequest, request.body);
    const basic = basicCredentials(request.headers.authorization);
    const clientId = body.client_id ?? basic?.id;
    const clientSecret = body.client_secret ?? basic?.secret;
    if (!clientId || !clientSecret) throw new ApiError(400, 'invalid_request', 'client_id and client_secret are required', { parameter: 'client_id' });
    reply.header('cache-control', 'no-store');
    return issueAccessToken(services, clientId, clientSecret);
  });
}
