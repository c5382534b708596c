import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { scimErrorFromStore } from '../../directory/client-input-errors.js';
import { ScimError } from '../../scim/scim-error.js';
import { sendScim } from './scim-request.js';

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof (error as FastifyError).code === 'string';
}

/** Maps anything a SCIM route throws to an RFC 7644 error body; only a server fault is a 500. */
export function toScimError(error: unknown): ScimError | undefined {
  if (error instanceof ScimError) return error;
  const fromStore = scimErrorFromStore(error);
  if (fromStore) return fromStore;
  if (!isFastifyError(error) || error.statusCode === undefined || error.statusCode >= 500) return undefined;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ScimError(413, `The request body is larger than the ${error.message.match(/\d+/)?.[0] ?? 'advertised'} bytes this server accepts`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ScimError(400, `The request body is not valid JSON: ${error.message}`, 'invalidSyntax');
    default:
      // Malformed JSON from the parser (SyntaxError), prototype poisoning, bad content length...
      return new ScimError(error.statusCode, error.message, error.statusCode === 400 ? 'invalidSyntax' : undefined);
  }
}

export function scimErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const scimError = toScimError(error);
  if (scimError) {
    if (scimError.status === 401) reply.header('www-authenticate', 'Bearer realm="SCIM"');
    return sendScim(request, reply, scimError.status, scimError.toBody());
  }
  request.log.error({ err: error }, 'unhandled error in a SCIM route');
  return sendScim(request, reply, 500, new ScimError(500, 'Internal server error').toBody());
}
