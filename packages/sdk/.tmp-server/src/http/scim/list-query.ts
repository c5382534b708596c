import type { FastifyRequest } from 'fastify';
import { parseListParams, type ListParams } from '../../scim/list-params.js';
import { ScimError, badRequest } from '../../scim/scim-error.js';
import { SEARCH_REQUEST_SCHEMA } from '../../scim/schema/urns.js';
import { queryOf } from './scim-request.js';

/** List parameters from a GET's query string. */
export function listParamsFromQuery(request: FastifyRequest): ListParams {
  const parsed = parseListParams(queryOf(request));
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/** List parameters from a POST /.search body (RFC 7644 section 3.4.3). */
export function listParamsFromSearch(request: FastifyRequest): ListParams {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('invalidSyntax', 'A SearchRequest body must be a JSON object');
  const schemas = (body as { schemas?: unknown }).schemas;
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === SEARCH_REQUEST_SCHEMA.toLowerCase()))) {
    throw new ScimError(400, `A SearchRequest must list the schema ${SEARCH_REQUEST_SCHEMA}`, 'invalidSyntax');
  }
  const { schemas: _schemas, ...rest } = body as Record<string, unknown>;
  const parsed = parseListParams(rest);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/** The `attributes`/`excludedAttributes` of a single-resource request. */
export function projectionOf(request: FastifyRequest): Pick<ListParams, 'attributes' | 'excludedAttributes'> {
  const { attributes, excludedAttributes } = listParamsFromQuery(request);
  const projection: Pick<ListParams, 'attributes' | 'excludedAttributes'> = {};
  if (attributes) projection.attributes = attributes;
  if (excludedAttributes) projection.excludedAttributes = excludedAttributes;
  return projection;
}

const stripFilter = (name: string) => name.replace(/\[.*$/, '').toLowerCase();

/**
 * Whether a response will carry `members`: it is `returned: default`, so yes unless the client
 * lists attributes without it or excludes it. Reading 100k members only to drop them is waste.
 */
export function wantsMembers(projection: Pick<ListParams, 'attributes' | 'excludedAttributes'>): boolean {
  const names = (list: string[] | undefined) => (list ?? []).map(stripFilter);
  const member = (name: string) => name === 'members' || name.startsWith('members.') || name.endsWith(':group:members') || name.includes(':group:members.');
  if (projection.attributes) return names(projection.attributes).some(member);
  return !names(projection.excludedAttributes).some(member);
}
