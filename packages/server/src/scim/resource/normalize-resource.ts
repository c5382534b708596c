import type { SchemaDefinition } from '../schema/core-schemas.js';
import { findSchemaUrn, type ResourceType } from '../schema/resource-types.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { coerceAttribute } from './coerce-value.js';
import { cloneJson, findHostileKey, isPlainObject, putKey, type JsonObject } from './json-object.js';
import { parseMemberRefs, type MemberRef } from './member-refs.js';
import { coreAttribute, extensionSchema, findAttribute, fixMalformedUrn, isUrn } from './schema-lookup.js';

/** A stored SCIM resource: attributes under canonical names, extensions under their URN (see common.md). */
export type StoredResource = Record<string, unknown>;

export interface NormalizedResource {
  resource: StoredResource;
  /** Group members, when the body carried `members` (an empty list when it carried `[]`). */
  members?: MemberRef[];
  /** The body carried a `password`; it was dropped and is never stored. */
  hadPassword: boolean;
}

/**
 * Validates and canonicalizes a POST or PUT body (RFC 7643 2, RFC 7644 3.3 and 3.5.1).
 *
 * Unknown top-level attributes are kept as sent (docs/providers.md: keep rather than fail). Microsoft's
 * test collection agrees: "Put a user misspelled attribute" (`adreses`) expects 200, while its only
 * 400s are "Post no username"/"Put a user no username" (the required `userName`) and "Post junk"
 * (a body that is not JSON at all, rejected before this function).
 */
export function normalizeResource(resourceType: ResourceType, body: unknown): Result<NormalizedResource> {
  if (!isPlainObject(body)) return fail(badRequest('invalidSyntax', 'The request body must be a JSON object'));
  const hostile = findHostileKey(body);
  if (hostile !== undefined) return fail(badRequest('invalidSyntax', `The key "${hostile}" is not allowed`));

  const state: BuildState = { resourceType, core: {}, extensions: {}, seen: new Set(), sentSchemas: [], hadPassword: false };
  for (const [key, value] of Object.entries(body)) {
    const added = addTopLevel(state, key, value);
    if (!added.ok) return added;
  }

  for (const attribute of resourceType.schema.attributes) {
    if (!attribute.required) continue;
    const value = state.core[attribute.name];
    if (typeof value !== 'string' || value.trim() === '') {
      return fail(badRequest('invalidValue', `Attribute "${attribute.name}" is required and must be a non-empty string`));
    }
  }

  const resource: StoredResource = {};
  putKey(resource, 'schemas', buildSchemas(state));
  for (const [key, value] of Object.entries(state.core)) putKey(resource, key, value);
  for (const [key, value] of Object.entries(state.extensions)) putKey(resource, key, value);
  const normalized: NormalizedResource = { resource, hadPassword: state.hadPassword };
  if (state.members !== undefined) normalized.members = state.members;
  return ok(normalized);
}

interface BuildState {
  resourceType: ResourceType;
  core: JsonObject;
  extensions: JsonObject;
  /** Lower-cased top-level names already taken, to refuse `userName` and `USERNAME` together. */
  seen: Set<string>;
  sentSchemas: string[];
  members?: MemberRef[];
  hadPassword: boolean;
}

function claim(state: BuildState, name: string): Result<void> {
  const lower = name.toLowerCase();
  if (state.seen.has(lower)) return fail(badRequest('invalidSyntax', `Attribute "${name}" is given more than once`));
  state.seen.add(lower);
  return ok(undefined);
}

function addTopLevel(state: BuildState, key: string, value: unknown): Result<void> {
  if (key.toLowerCase() === 'schemas') return readSchemas(state, value);
  if (!isUrn(key)) return addCore(state, key, value);

  const { resourceType } = state;
  if (findSchemaUrn(resourceType, key) === resourceType.schema) {
    // Core attributes nested under the core URN are read as top-level ones.
    if (value === null) return ok(undefined);
    if (!isPlainObject(value)) return fail(badRequest('invalidValue', `"${key}" must be an object`));
    for (const [inner, innerValue] of Object.entries(value)) {
      const added = addCore(state, inner, innerValue);
      if (!added.ok) return added;
    }
    return ok(undefined);
  }
  const schema = extensionSchema(resourceType, key);
  if (schema) return addExtension(state, schema, key, value);
  // An extension this server does not know: kept as the client sent it.
  if (value === null) return ok(undefined);
  const claimed = claim(state, key);
  if (!claimed.ok) return claimed;
  putKey(state.extensions, key, cloneJson(value));
  return ok(undefined);
}

function readSchemas(state: BuildState, value: unknown): Result<void> {
  if (value === null) return ok(undefined);
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (typeof item !== 'string' || item === '') return fail(badRequest('invalidValue', '"schemas" must be an array of URN strings'));
    state.sentSchemas.push(item);
  }
  return ok(undefined);
}

function addCore(state: BuildState, key: string, value: unknown): Result<void> {
  const definition = coreAttribute(state.resourceType, key);
  const name = definition?.name ?? key;
  const claimed = claim(state, name);
  if (!claimed.ok) return claimed;
  if (!definition) {
    if (value !== null) putKey(state.core, key, cloneJson(value));
    return ok(undefined);
  }
  // readOnly values in a request SHALL be ignored (RFC 7643 2.2): id, meta, a User's groups.
  if (definition.mutability === 'readOnly') return ok(undefined);
  // writeOnly `password` (Okta sends a placeholder): never stored.
  if (definition.mutability === 'writeOnly') {
    if (value !== null && value !== undefined) state.hadPassword = true;
    return ok(undefined);
  }
  if (state.resourceType.name === 'Group' && definition.name === 'members') {
    if (value === null) return ok(undefined);
    const members = parseMemberRefs(value);
    if (!members.ok) return members;
    state.members = members.value;
    return ok(undefined);
  }
  const coerced = coerceAttribute(definition, value, definition.name);
  if (!coerced.ok) return coerced;
  if (coerced.value !== undefined) putKey(state.core, definition.name, coerced.value);
  return ok(undefined);
}

function addExtension(state: BuildState, schema: SchemaDefinition, key: string, value: unknown): Result<void> {
  const claimed = claim(state, schema.id);
  if (!claimed.ok) return claimed;
  if (value === null) return ok(undefined);
  if (!isPlainObject(value)) return fail(badRequest('invalidValue', `Extension "${schema.id}" must be an object, got "${key}" = ${typeof value}`));
  const out: JsonObject = {};
  for (const [inner, innerValue] of Object.entries(value)) {
    const definition = findAttribute(schema.attributes, inner);
    const name = definition?.name ?? inner;
    if (Object.hasOwn(out, name)) return fail(badRequest('invalidSyntax', `Attribute "${schema.id}:${name}" is given more than once`));
    if (!definition) {
      if (innerValue !== null) putKey(out, inner, cloneJson(innerValue));
      continue;
    }
    if (definition.mutability === 'readOnly') continue;
    const coerced = coerceAttribute(definition, innerValue, `${schema.id}:${definition.name}`);
    if (!coerced.ok) return coerced;
    if (coerced.value !== undefined) putKey(out, definition.name, coerced.value);
  }
  if (Object.keys(out).length > 0) putKey(state.extensions, schema.id, out);
  return ok(undefined);
}

/** Core schema first, then the sent URNs (canonical case, deduplicated), then extensions in use. */
function buildSchemas(state: BuildState): string[] {
  const { resourceType } = state;
  const schemas: string[] = [resourceType.schema.id];
  const seen = new Set([resourceType.schema.id.toLowerCase()]);
  const add = (urn: string) => {
    const fixed = fixMalformedUrn(urn);
    const canonical = findSchemaUrn(resourceType, fixed)?.id ?? urn;
    if (seen.has(canonical.toLowerCase())) return;
    seen.add(canonical.toLowerCase());
    schemas.push(canonical);
  };
  state.sentSchemas.forEach(add);
  for (const [key, value] of Object.entries(state.extensions)) if (isPlainObject(value)) add(key);
  return schemas;
}

export { groupColumns, userColumns, type GroupColumns, type UserColumns } from './resource-columns.js';
