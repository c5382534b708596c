import type { FastifyRequest } from 'fastify';
import { ApiError } from '../directory/api-error.js';
import { authenticateAccessToken } from '../directory/access/credentials.js';
import type { Services } from '../directory/services.js';
import { dashboardSessionAccepted } from './web-session-auth.js';

/**
 * A preHandler for management routes: a valid, unexpired access token from POST /oauth/token,
 * or a signed-in dashboard administrator's session (the dashboard calls the same API).
 */
export function requireAccessToken(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    if (await dashboardSessionAccepted(services, request)) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw new ApiError(401, 'unauthenticated', 'Authorization: Bearer <access_token> is required; get one from POST /oauth/token');
    const clientId = await authenticateAccessToken(services, match[1]);
    if (!clientId) throw new ApiError(401, 'unauthenticated', 'The access token is invalid or expired; get a new one from POST /oauth/token');
  };
}
