import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../directory/api-error.js';
import { nestsDeeperThan } from '../json-depth.js';
import { findJsonNode, jsonPath } from '../json-walk.js';

type ParserDone = (error: Error | null, body?: unknown) => void;
type TextParser = (request: FastifyRequest, body: string, done: ParserDone) => void;

/**
 * Empty content is no body, whatever the Content-Type says: clients that set their headers once
 * per connection send `Content-Type: application/json` on a bodyless DELETE (docs/providers.md). The
 * route then sees `undefined`, exactly as for a request sent without Content-Type, however the
 * emptiness was framed (`Content-Length: 0`, an empty chunked body, no length at all).
 */
const emptyIsNoBody = (parse: TextParser): TextParser => (request, body, done) => (body.length === 0 ? done(null, undefined) : parse(request, body, done));

/** JSON nested past MAX_JSON_DEPTH is refused before it is parsed (json-depth.ts), so no walk over it can overflow the stack. */
const refuseTooDeep = (parse: TextParser, tooDeep: () => Error): TextParser => (request, body, done) => (nestsDeeperThan(body) ? done(tooDeep()) : parse(request, body, done));

const unsupportedMediaType: TextParser = (_request, _body, done) => done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE());

/**
 * The body parsers of a scope, registered once for every surface. The management API and the web
 * UI's APIs read JSON, forms (the client_credentials grant, RFC 6749 section 4.4.2) and text, and
 * refuse other media types with 415; the SCIM endpoint (`everyTypeIsJson`) reads every body as
 * JSON, since IdPs send application/scim+json, application/json or nothing useful at all.
 * Fastify's JSON parser keeps its protection against prototype poisoning.
 */
export function registerBodyParsers(app: FastifyInstance, options: { everyTypeIsJson: boolean; bodyLimit?: number; tooDeep: () => Error }): void {
  const json = emptyIsNoBody(refuseTooDeep(app.getDefaultJsonParser('error', 'error'), options.tooDeep));
  const asString = { parseAs: 'string' as const, ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }) };
  app.removeAllContentTypeParsers();
  if (options.everyTypeIsJson) {
    app.addContentTypeParser('*', asString, json);
    return;
  }
  app.addContentTypeParser('application/json', asString, json);
  app.addContentTypeParser('application/x-www-form-urlencoded', asString, emptyIsNoBody((_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body)))));
  app.addContentTypeParser('text/plain', asString, emptyIsNoBody((_request, body, done) => done(null, body)));
  app.addContentTypeParser('*', asString, emptyIsNoBody(unsupportedMediaType));
}

/** Where a NUL character hides in a JSON value, as a dotted parameter path ('' for the value itself), or undefined. */
function nulAt(value: unknown): string | undefined {
  const found = findJsonNode(value, (node) => typeof node.value === 'string' && node.value.includes('\u0000'));
  return found && jsonPath(found).join('.');
}

/**
 * Parses a management request body or query with zod; a mistake is a 400 naming the parameter
 * (`name` when the input is one value rather than an object of parameters).
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, name = 'body'): z.infer<Schema> {
  // PostgreSQL text cannot hold NUL: refused here, not as a database error.
  const nul = nulAt(input);
  if (nul !== undefined) throw new ApiError(400, 'invalid_argument', `${nul || name}: must not contain NUL characters`, { parameter: nul || name });
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = issue && issue.path.length > 0 ? issue.path.join('.') : name;
  throw new ApiError(400, 'invalid_argument', `${parameter}: ${issue?.message ?? 'invalid'}`, {
    parameter,
    issues: result.error.issues.map((each) => ({ parameter: each.path.join('.'), message: each.message })),
  });
}

const ID_PARAMETER = z.string().min(1).max(200);

/** The path parameter `name` (an id) of a route whose path is built at registration, so not typed by Fastify. */
export function idParameter(request: FastifyRequest, name: string): string {
  const params: unknown = request.params;
  const value: unknown = typeof params === 'object' && params !== null ? Object.getOwnPropertyDescriptor(params, name)?.value : undefined;
  return parseInput(ID_PARAMETER, value, name);
}
