import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../directory/api-error.js';
import { parseInput } from './parse-body.js';

// Management routes are declared once, with zod schemas for their parameters, query, body and
// response: the schemas parse the request (a mistake is a 400 naming the parameter) and the
// same schemas become the OpenAPI document (openapi-document.ts). So the document, and the SDK
// generated from it, cannot drift from what the server accepts and answers.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Schema = z.ZodType | undefined;
type Output<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;
type Input<S extends Schema> = S extends z.ZodType ? z.input<S> : undefined;

export interface OperationSpec<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema, R extends Schema = Schema> {
  method: HttpMethod;
  /** The path as OpenAPI writes it: `{name}` parameters, literal `:verb` suffixes (`/directories/{directory_id}:enable`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** What the operation does, when to use it and what to expect: every operation has one. */
  description: string;
  /** Shown in the OpenAPI document: a request body (when the operation takes one) and a success body (when it answers one). */
  examples?: { request?: Input<B>; response?: Output<R> };
  params?: P;
  query?: Q;
  body?: B;
  /** Other media types the body may come as (the token endpoint takes forms). */
  bodyMediaTypes?: string[];
  /** The success status; 204 sends no body. */
  status: 200 | 201 | 204;
  response?: R;
  /** Error statuses beyond 401 (authenticated routes) and 400 (routes with input). */
  errors?: number[];
  /** No bearer token needed. */
  public?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `defineRoute`: what the OpenAPI document says about the route. */
    operation?: OperationSpec;
  }
}

/** Query booleans the OpenAPI document types as boolean (query strings carry them as text). */
export const QUERY_BOOLEANS = new WeakSet<object>();

/** A query parameter `true` / `false` (also 1/0, yes/no), parsed to a boolean. */
export function queryBoolean(description: string) {
  const schema = z.stringbool({ error: 'must be true or false' }).optional().describe(description);
  QUERY_BOOLEANS.add(schema);
  return schema;
}

// A parameter followed by a literal `:verb` needs a pattern, or the router reads the colon into it.
const ID_PATTERN = '(^[A-Za-z0-9_.-]+)';

/** The router's spelling of an OpenAPI path: `{id}` is `:id`, a literal colon is `::`. */
export function fastifyPath(path: string): string {
  const parts = path.split(/(\{\w+\})/);
  return parts
    .map((part, index) => {
      const parameter = /^\{(\w+)\}$/.exec(part);
      if (!parameter) return part.replaceAll(':', '::');
      return (parts[index + 1] ?? '').startsWith(':') ? `:${parameter[1]}${ID_PATTERN}` : `:${parameter[1]}`;
    })
    .join('');
}

export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema> {
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
}

/**
 * Tests run with NODE_ENV=test: there every response is checked against its declared schema,
 * and a mismatch is a 500, so the whole integration suite proves the OpenAPI document right.
 */
const checkResponses = process.env.NODE_ENV === 'test';

/** Where an operation's documentation falls short: a missing description or example, or an example its own schemas refuse. */
export function operationDocProblems(spec: OperationSpec): string[] {
  const problems: string[] = [];
  const at = spec.operationId;
  if (spec.description.trim() === '') problems.push(`${at}: no description`);
  if (spec.body) {
    if (spec.examples?.request === undefined) problems.push(`${at}: no request example`);
    else if (!spec.body.safeParse(spec.examples.request).success) problems.push(`${at}: its request example does not parse: ${JSON.stringify(spec.body.safeParse(spec.examples.request).error?.issues)}`);
  }
  if (spec.response && spec.status !== 204) {
    if (spec.examples?.response === undefined) problems.push(`${at}: no response example`);
    else if (!spec.response.safeParse(spec.examples.response).success) problems.push(`${at}: its response example does not match: ${JSON.stringify(spec.response.safeParse(spec.examples.response).error?.issues)}`);
  }
  return problems;
}

export function defineRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, R extends Schema = undefined>(
  app: FastifyInstance,
  spec: OperationSpec<P, Q, B, R>,
  handler: (input: RouteInput<P, Q, B>, request: FastifyRequest, reply: FastifyReply) => Promise<Output<R>>,
): void {
  // Under test, an undocumented operation or a wrong example stops the server from starting.
  const problems = checkResponses ? operationDocProblems(spec as OperationSpec) : [];
  if (problems.length > 0) throw new Error(`The OpenAPI documentation of an operation is incomplete:\n${problems.join('\n')}`);
  app.route({
    method: spec.method,
    url: fastifyPath(spec.path),
    config: { operation: spec as OperationSpec },
    handler: async (request, reply) => {
      const input = {
        params: spec.params ? parseInput(spec.params, request.params) : undefined,
        query: spec.query ? parseInput(spec.query, request.query) : undefined,
        body: spec.body ? parseInput(spec.body, request.body) : undefined,
      } as RouteInput<P, Q, B>;
      const result = await handler(input, request, reply);
      if (checkResponses && spec.response) {
        const checked = spec.response.safeParse(result);
        if (!checked.success) {
          throw new ApiError(500, 'response_schema_mismatch', `${spec.operationId} answered outside its schema`, { issues: checked.error.issues });
        }
      }
      reply.status(spec.status);
      return spec.status === 204 ? reply.send() : reply.send(result);
    },
  });
}
