import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../directory/api-error.js';

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof (error as FastifyError).code === 'string';
}

/** The one error mapper of the management API: `{code, message, details}` with the right status. */
export function managementErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return reply.status(error.status).send(error.toBody());
  if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const code = error.statusCode === 413 ? 'payload_too_large' : error.statusCode === 415 ? 'unsupported_media_type' : 'invalid_argument';
    return reply.status(error.statusCode).send({ code, message: error.message });
  }
  request.log.error({ err: error }, 'unhandled error in the management API');
  return reply.status(500).send({ code: 'internal', message: 'Internal server error' });
}

/** An unknown route answers in the same shape as every other management error. */
export function managementNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send({ code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` });
}
