import type { FastifyRequest } from 'fastify';
import type { Services } from '../directory/services.js';

/** The base URL a client reached this server at: PUBLIC_URL when set, else the request's own. */
export function baseUrlOf(services: Services, request: FastifyRequest): string {
  if (services.publicUrl) return services.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
