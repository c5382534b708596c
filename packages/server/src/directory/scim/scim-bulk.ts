import { copyJson, findJsonNode } from '../../json-walk.js';
import { MAX_BULK_OPERATIONS } from '../../scim/discovery.js';
import { etagOf } from '../../scim/render-resource.js';
import { ScimError, badRequest } from '../../scim/scim-error.js';
import { BULK_REQUEST_SCHEMA, BULK_RESPONSE_SCHEMA } from '../../scim/schema/urns.js';
import type { ScimContext } from './scim-context.js';
import { createGroup, deleteGroup, patchGroup, replaceGroup } from './scim-groups.js';
import { createUser, deleteUser, patchUser, replaceUser } from './scim-users.js';

interface BulkOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  bulkId?: string;
  version?: string;
  path: string;
  data?: unknown;
}

interface BulkResult {
  method: string;
  bulkId?: string;
  location?: string;
  version?: string;
  status: string;
  response?: unknown;
}

/** The BulkResponse message (RFC 7644 section 3.7.3): one result per operation run, in request order. */
export interface BulkResponse {
  schemas: string[];
  Operations: BulkResult[];
}

const BULK_ID_PREFIX = 'bulkId:';

function parseBulkRequest(body: unknown): { operations: BulkOperation[]; failOnErrors: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('invalidSyntax', 'A BulkRequest body must be a JSON object');
  const request = body as Record<string, unknown>;
  const schemas = request.schemas;
  if (!Array.isArray(schemas) || !schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === BULK_REQUEST_SCHEMA.toLowerCase())) {
    throw badRequest('invalidSyntax', `A BulkRequest must list the schema ${BULK_REQUEST_SCHEMA}`);
  }
  const failOnErrors = request.failOnErrors ?? Number.MAX_SAFE_INTEGER;
  if (typeof failOnErrors !== 'number' || !Number.isInteger(failOnErrors) || failOnErrors < 1) {
    throw badRequest('invalidValue', 'failOnErrors must be a positive integer');
  }
  const rawOperations = request.Operations ?? request.operations;
  if (!Array.isArray(rawOperations) || rawOperations.length === 0) throw badRequest('invalidSyntax', 'A BulkRequest needs a non-empty Operations array');
  if (rawOperations.length > MAX_BULK_OPERATIONS) {
    throw new ScimError(413, `A BulkRequest may carry at most ${MAX_BULK_OPERATIONS} operations; this one has ${rawOperations.length}`);
  }
  const seenBulkIds = new Set<string>();
  const operations = rawOperations.map((raw, index): BulkOperation => {
    if (typeof raw !== 'object' || raw === null) throw badRequest('invalidSyntax', `Operations[${index}] must be an object`);
    const { method, bulkId, version, path, data } = raw as Record<string, unknown>;
    const upper = typeof method === 'string' ? method.toUpperCase() : '';
    if (upper !== 'POST' && upper !== 'PUT' && upper !== 'PATCH' && upper !== 'DELETE') {
      throw badRequest('invalidValue', `Operations[${index}].method must be POST, PUT, PATCH or DELETE`);
    }
    if (typeof path !== 'string' || !path.startsWith('/')) throw badRequest('invalidValue', `Operations[${index}].path must be a path such as /Users or /Users/{id}`);
    if (upper === 'POST' && (typeof bulkId !== 'string' || bulkId === '')) throw badRequest('invalidValue', `Operations[${index}] is a POST and needs a bulkId`);
    if (typeof bulkId === 'string') {
      if (seenBulkIds.has(bulkId)) throw badRequest('invalidValue', `bulkId ${bulkId} is used twice`);
      seenBulkIds.add(bulkId);
    }
    if (upper !== 'DELETE' && data === undefined) throw badRequest('invalidSyntax', `Operations[${index}] needs data`);
    const operation: BulkOperation = { method: upper, path, data };
    if (typeof bulkId === 'string') operation.bulkId = bulkId;
    if (typeof version === 'string') operation.version = version;
    return operation;
  });
  return { operations, failOnErrors };
}

// A path may name a resource by bulkId too: `/Users/bulkId:qwerty` (RFC 7644 section 3.7.2).
const PATH_BULK_ID = /\/bulkId:([^/]+)$/;

/** Every `bulkId:x` string in a value, at any depth. */
function referencedBulkIds(value: unknown): Set<string> {
  const found = new Set<string>();
  findJsonNode(value, ({ value: item }) => {
    if (typeof item === 'string' && item.startsWith(BULK_ID_PREFIX)) found.add(item.slice(BULK_ID_PREFIX.length));
    else if (typeof item === 'string' && PATH_BULK_ID.test(item)) found.add(PATH_BULK_ID.exec(item)?.[1] ?? '');
    return false;
  });
  return found;
}

function substituteBulkIds(value: unknown, ids: Map<string, string>): unknown {
  return copyJson(value, (item) => (typeof item === 'string' && item.startsWith(BULK_ID_PREFIX) ? (ids.get(item.slice(BULK_ID_PREFIX.length)) ?? item) : item));
}

async function execute(context: ScimContext, operation: BulkOperation): Promise<{ status: number; id?: string; location?: string; version?: number }> {
  const match = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(operation.path);
  if (!match) throw new ScimError(404, `No resource at ${operation.path}`);
  const [, endpoint, id] = match;
  const isUser = endpoint === 'Users';
  if (operation.method === 'POST') {
    if (id) throw badRequest('invalidPath', 'POST goes to /Users or /Groups, without an id');
    const created = isUser ? await createUser(context, operation.data) : await createGroup(context, operation.data);
    return { status: 201, id: created.row.id, location: `${context.baseUrl}/${endpoint}/${created.row.id}`, version: created.row.version };
  }
  if (!id) throw badRequest('invalidPath', `${operation.method} needs a resource id in its path`);
  const location = `${context.baseUrl}/${endpoint}/${id}`;
  switch (operation.method) {
    case 'PUT': {
      const { row } = isUser ? await replaceUser(context, id, operation.data, operation.version) : await replaceGroup(context, id, operation.data, operation.version, false);
      return { status: 200, location, version: row.version };
    }
    case 'PATCH': {
      const { row } = isUser ? await patchUser(context, id, operation.data, operation.version) : await patchGroup(context, id, operation.data, operation.version, false);
      return { status: 200, location, version: row.version };
    }
    case 'DELETE':
      await (isUser ? deleteUser(context, id, operation.version) : deleteGroup(context, id, operation.version));
      return { status: 204, location };
  }
}

/**
 * RFC 7644 section 3.7. Operations run in order, each in its own transaction; one that refers to
 * a bulkId not created yet waits until it is, and a reference that never resolves (a cycle, or a
 * failed POST) fails with 409. Stops after `failOnErrors` errors.
 */
export async function runBulk(context: ScimContext, body: unknown): Promise<BulkResponse> {
  const { operations, failOnErrors } = parseBulkRequest(body);
  const createdIds = new Map<string, string>();
  const results = new Map<number, BulkResult>();
  let pending = operations.map((operation, index) => ({ operation, index }));
  let errors = 0;

  const record = (index: number, operation: BulkOperation, result: Omit<BulkResult, 'method' | 'bulkId'>) => {
    const entry: BulkResult = { method: operation.method, ...result };
    if (operation.bulkId !== undefined) entry.bulkId = operation.bulkId;
    results.set(index, entry);
  };

  while (pending.length > 0 && errors < failOnErrors) {
    const waiting: typeof pending = [];
    for (const item of pending) {
      if (errors >= failOnErrors) break;
      const references = referencedBulkIds([item.operation.path, item.operation.data]);
      if ([...references].some((reference) => !createdIds.has(reference))) {
        waiting.push(item);
        continue;
      }
      const path = item.operation.path.replace(PATH_BULK_ID, (whole, bulkId: string) => `/${createdIds.get(bulkId) ?? whole}`);
      const operation = { ...item.operation, path, data: substituteBulkIds(item.operation.data, createdIds) };
      try {
        const outcome = await execute(context, operation);
        if (outcome.id && operation.bulkId) createdIds.set(operation.bulkId, outcome.id);
        const result: Omit<BulkResult, 'method' | 'bulkId'> = { status: String(outcome.status) };
        if (outcome.location) result.location = outcome.location;
        if (outcome.version !== undefined) result.version = etagOf(outcome.version);
        record(item.index, operation, result);
      } catch (error) {
        if (!(error instanceof ScimError)) throw error;
        errors++;
        record(item.index, operation, { status: String(error.status), response: error.toBody() });
      }
    }
    if (waiting.length === pending.length) {
      for (const item of waiting) {
        if (errors >= failOnErrors) break;
        errors++;
        const unresolved = [...referencedBulkIds([item.operation.path, item.operation.data])].filter((reference) => !createdIds.has(reference));
        record(item.index, item.operation, {
          status: '409',
          response: new ScimError(409, `bulkId reference(s) never resolved: ${unresolved.join(', ')}`, 'invalidValue').toBody(),
        });
      }
      break;
    }
    pending = waiting;
  }
  return {
    schemas: [BULK_RESPONSE_SCHEMA],
    Operations: [...results.entries()].sort(([a], [b]) => a - b).map(([, result]) => result),
  };
}
