import type { FastifyRequest } from 'fastify';
import { etagsMatch } from '../../scim/render-resource.js';

export function ifMatchOf(request: FastifyRequest): string | undefined {
  const header = request.headers['if-match'];
  return Array.isArray(header) ? header.join(',') : header;
}

/** If-None-Match on a read: true when the client's copy is current (answer 304). */
export function notModified(request: FastifyRequest, version: number): boolean {
  const header = request.headers['if-none-match'];
  return header ? etagsMatch(header, version) : false;
}
