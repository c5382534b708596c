import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ScimContext } from '../../directory/scim/scim-context.js';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the SCIM plugin's authentication hook for every authorized SCIM request. */
    scim: { context: ScimContext; secretId: string } | null;
    /** The body a SCIM route answered with, kept for the request log. */
    scimResponseBody: unknown;
  }
}

/** The request's SCIM context; the plugin's hook guarantees it on every SCIM route. */
export function scimContextOf(request: FastifyRequest): ScimContext {
  if (!request.scim) throw new Error('SCIM route reached without an authorized context');
  return request.scim.context;
}

/** Sends a SCIM body with the SCIM media type, remembering it for the request log. */
export function sendScim(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown): FastifyReply {
  request.scimResponseBody = body;
  return reply.status(status).type(SCIM_CONTENT_TYPE).send(body);
}

/** A query string as a plain record (fastify's parsed querystring has a null prototype). */
export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return { ...(request.query as Record<string, unknown>) };
}
