import type { FastifyRequest } from 'fastify';
import type { Services } from '../directory/services.js';

/** The base URL a client reached this server at: PUBLIC_URL when set, else the request's own. */
export function baseUrlOf(services: Services, request: FastifyRequest): string {
  if (services.publicUrl) return services.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

/** This server's own address, as the connection that carried the request reached it (for calls to itself). */
export function ownBaseUrl(request: FastifyRequest): string {
  const raw = request.socket.localAddress ?? '127.0.0.1';
  const address = raw.startsWith('::ffff:') ? raw.slice('::ffff:'.length) : raw;
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${request.socket.localPort ?? 80}`;
}
