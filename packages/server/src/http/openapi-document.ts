import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EVENT_TYPES } from '../events/event-types.js';
import { QUERY_BOOLEANS, type OperationSpec } from './openapi-route.js';
import { apiErrorSchema } from './serializers/common.js';
import { EVENT_CATALOGUE, eventEnvelopeSchema } from './serializers/event-catalogue.js';

// The OpenAPI 3.1 document of the management API, generated from the zod schemas every route
// declares (openapi-route.ts). OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what
// `z.toJSONSchema` writes; schemas with a `.meta({ id })` become `components.schemas`.

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers?: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  /** OpenAPI 3.1: what Roster POSTs to the app's webhook endpoints, one entry per event type. */
  webhooks: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
  security: Record<string, string[]>[];
}

/** Records every route declared with `defineRoute`, in registration order. Call before routes are registered. */
export function collectOperations(app: FastifyInstance): OperationSpec[] {
  const operations: OperationSpec[] = [];
  app.addHook('onRoute', (route) => {
    const operation = route.config?.operation;
    // fastify adds a HEAD route for every GET; the document lists the GET once.
    if (operation && route.method === operation.method) operations.push(operation);
  });
  return operations;
}

const SAFE_INTEGER = 9_007_199_254_740_991;

/** Converts one schema; its named parts move into `components`, and references point there. */
function convert(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (context) => {
      const target = context.jsonSchema as JsonSchema;
      if (QUERY_BOOLEANS.has(context.zodSchema)) {
        for (const key of Object.keys(target)) if (key !== 'description') delete target[key];
        target.type = 'boolean';
      }
      // zod's date-time regex and its safe-integer bounds say nothing `format` and `integer` do not.
      if (target.format === 'date-time') delete target.pattern;
      if (target.type === 'integer' && target.minimum === -SAFE_INTEGER) delete target.minimum;
      if (target.type === 'integer' && target.maximum === SAFE_INTEGER) delete target.maximum;
    },
  }) as JsonSchema;
  const text = JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $defs, $schema: _schema, ...root } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  Object.assign(components, $defs ?? {});
  const id = z.globalRegistry.get(schema)?.id;
  // A schema with an id comes back from zod as a $ref to its $defs entry, already copied above:
  // storing that $ref under the same name would make the component point at itself.
  if (typeof id !== 'string' || typeof root.$ref === 'string') return root;
  components[id] = root;
  return { $ref: `#/components/schemas/${id}` };
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', components: Record<string, JsonSchema>): unknown[] {
  if (!schema) return [];
  const object = convert(schema, 'input', components) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'A parameter is wrong; details.parameter names it.',
  401: 'No access token, or an invalid or expired one.',
  403: 'Not allowed in the current state.',
  404: 'Not found (another organization\'s ids are not found either).',
  409: 'Conflicts with the current state.',
};

function operationObject(operation: OperationSpec, components: Record<string, JsonSchema>): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  responses[String(operation.status)] =
    operation.status === 204 || !operation.response
      ? { description: 'Done; no content.' }
      : {
          description: 'Success.',
          content: {
            'application/json': {
              schema: convert(operation.response, 'output', components),
              ...(operation.examples?.response === undefined ? {} : { example: operation.examples.response }),
            },
          },
        };
  const errors = new Set(operation.errors ?? []);
  if (operation.params || operation.query || operation.body) errors.add(400);
  if (!operation.public) errors.add(401);
  for (const status of [...errors].sort()) {
    responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
  }

  const result: Record<string, unknown> = {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    parameters: [...parameters(operation.params, 'path', components), ...parameters(operation.query, 'query', components)],
  };
  if (operation.body) {
    const schema = convert(operation.body, 'input', components);
    const example = operation.examples?.request === undefined ? {} : { example: operation.examples.request };
    const content: Record<string, unknown> = { 'application/json': { schema, ...example } };
    for (const mediaType of operation.bodyMediaTypes ?? []) content[mediaType] = { schema, ...example };
    // parseInput reads a missing body as {}: a body is required only when {} is not enough.
    result.requestBody = { required: !operation.body.safeParse({}).success, content };
  }
  result.responses = responses;
  if (operation.public) result.security = [];
  return result;
}

// Standard Webhooks (https://www.standardwebhooks.com): every delivery carries these three headers.
const WEBHOOK_HEADERS = [
  { name: 'webhook-id', description: 'The event id (evt_...), the same on every retry: receivers dedupe on it.' },
  { name: 'webhook-timestamp', description: 'When this attempt was signed, in Unix seconds; refuse it when too far from now.' },
  {
    name: 'webhook-signature',
    description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated.',
  },
].map((header) => ({ ...header, in: 'header', required: true, schema: { type: 'string' } }));

/** The `webhooks` section: each event type, its payload schema and an example (event-catalogue.ts). */
function webhookItems(components: Record<string, JsonSchema>): OpenApiDocument['webhooks'] {
  const items: OpenApiDocument['webhooks'] = {};
  for (const type of EVENT_TYPES) {
    const entry = EVENT_CATALOGUE[type];
    items[type] = {
      post: {
        tags: ['Webhook events'],
        summary: entry.summary,
        description: `${entry.description}\n\nDelivered to every enabled webhook endpoint subscribed to \`${type}\` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.`,
        parameters: WEBHOOK_HEADERS,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: convert(eventEnvelopeSchema(type), 'output', components), example: entry.example } },
        },
        responses: {
          '200': { description: 'Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days.' },
        },
      },
    };
  }
  return items;
}

function packageVersion(): string {
  const manifest: unknown = createRequire(import.meta.url)('../../package.json');
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

export function buildOpenApiDocument(operations: readonly OperationSpec[]): OpenApiDocument {
  const components: Record<string, JsonSchema> = {};
  convert(apiErrorSchema, 'output', components);
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    const item = paths[operation.path];
    if (item) item[operation.method.toLowerCase()] = operationObject(operation, components);
  }
  const webhooks = webhookItems(components);
  const tags = [...new Set([...operations.map((operation) => operation.tag), 'Webhook events'])].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roster management API',
      version: packageVersion(),
      description:
        "Drive Roster from the app's backend: organizations, their SCIM directories, the users and groups their IdPs provision, " +
        'roles, attribute mappings and portal links. Get an access token from POST /oauth/token with an API client\'s credentials. ' +
        'Every error is {code, message, details}; every list pages with page_size and page_token.',
    },
    tags,
    paths,
    webhooks,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An access token from POST /oauth/token.' },
        clientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: {} } } },
      },
    },
    security: [{ bearerAuth: [] }, { clientCredentials: [] }],
  };
}
