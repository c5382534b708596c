import type { ResourceType } from '../schema/resource-types.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { parseAttributePath, type AttributePath } from '../resource/attribute-path.js';
import { cloneJson, findKey, isPlainObject, jsonEqual, putKey, type JsonObject } from '../resource/json-object.js';
import { normalizeResource, type StoredResource } from '../resource/normalize-resource.js';
import { isUrn, urnsIn } from '../resource/schema-lookup.js';
import { applyAtAttribute, removeExtension, type Edit } from './attribute-ops.js';
import { memberOperation, type MemberOp } from './member-ops.js';
import { parsePatchRequest, type PatchOperation } from './parse-patch.js';

export interface PatchResult {
  resource: StoredResource;
  /** Group membership changes in request order (never applied to the JSON: members are rows). */
  memberOps: MemberOp[];
  /** False when the resource came out identical and there are no member operations. */
  changed: boolean;
}

export interface PatchContext {
  /** The resource's id, so a no-path replace re-sending it (Okta group rename) can be told from a change. */
  id?: string;
}

interface State {
  resourceType: ResourceType;
  resource: JsonObject;
  memberOps: MemberOp[];
  context: PatchContext;
}

/** Applies a PatchOp request (RFC 7644 3.5.2) to a stored resource, then re-validates it like a PUT body. */
export function applyPatch(resourceType: ResourceType, resource: StoredResource, body: unknown, context: PatchContext = {}): Result<PatchResult> {
  const operations = parsePatchRequest(body);
  if (!operations.ok) return operations;
  const state: State = { resourceType, resource: cloneJson(resource) as JsonObject, memberOps: [], context };
  for (const operation of operations.value) {
    const applied = operation.path === undefined ? applyWithoutPath(state, operation) : applyWithPath(state, operation, operation.path);
    if (!applied.ok) return applied;
  }
  const normalized = normalizeResource(resourceType, state.resource);
  if (!normalized.ok) return normalized;
  const next = normalized.value.resource;
  return ok({ resource: next, memberOps: state.memberOps, changed: state.memberOps.length > 0 || !jsonEqual(next, resource) });
}

function applyWithPath(state: State, operation: PatchOperation, rawPath: string): Result<void> {
  const path = parseAttributePath(state.resourceType, rawPath, urnsIn(state.resource), Object.keys(state.resource));
  if (!path.ok) return path;
  return applyAt(state, path.value, operation, false);
}

/**
 * No path: the value is a set of attributes for the resource itself (RFC 7644 3.5.2.1, 3.5.2.3).
 * Keys may be paths too: Entra (aadOptscim062020) sends `name.givenName` and URN-qualified keys.
 * Okta renames groups with `{"id", "displayName"}` and deactivates with `{"active": false}`.
 */
function applyWithoutPath(state: State, operation: PatchOperation): Result<void> {
  let value = operation.value;
  if (Array.isArray(value) && value.length === 1 && isPlainObject(value[0])) value = value[0];
  if (!isPlainObject(value)) return fail(badRequest('invalidValue', `A "${operation.op}" without a path needs an object value`));
  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === 'schemas') {
      addSchemas(state.resource, item);
      continue;
    }
    const known = urnsIn(state.resource);
    let path = parseAttributePath(state.resourceType, key, known, Object.keys(state.resource));
    // A new extension may arrive as a URN key holding an object, as in a POST body. But an
    // attribute of a registered schema stays that attribute even when its value is an object:
    // Entra sends `"urn:...:enterprise:2.0:User:manager": {"value": "<id>"}`.
    const schemaAttribute = path.ok && path.value.kind === 'attribute' && path.value.definition !== undefined;
    if (isUrn(key) && isPlainObject(item) && !schemaAttribute) path = parseAttributePath(state.resourceType, key, [...known, key]);
    const edit: Edit = { op: operation.op, value: item, hasValue: true };
    if (path.ok) {
      const applied = applyAt(state, path.value, edit, true);
      if (!applied.ok) return applied;
    } else if (/^[A-Za-z$][A-Za-z0-9_$-]*$/.test(key)) {
      // An attribute the schema does not define: kept as sent, as in POST/PUT (docs/providers.md).
      const stored = findKey(state.resource, key);
      if (stored !== undefined) delete state.resource[stored];
      if (item !== null) putKey(state.resource, key, cloneJson(item));
    } else {
      return path;
    }
  }
  return ok(undefined);
}

/**
 * `lenient` is true for attributes inside a value object (no path, or a whole extension): there
 * clients echo whole resources, so readOnly attributes are ignored as in a PUT (RFC 7643 2.2),
 * except an `id` that differs from the resource's.
 */
function applyAt(state: State, path: AttributePath, edit: Edit, lenient: boolean): Result<void> {
  if (path.kind === 'extension') return applyExtension(state, path.extension, edit);
  const { definition } = path;
  const core = path.extension === undefined;

  if (core && state.resourceType.name === 'Group' && path.attribute === 'members') {
    const memberOp = memberOperation({ ...edit, ...pick(path) });
    if (!memberOp.ok) return memberOp;
    if (memberOp.value) state.memberOps.push(memberOp.value);
    return ok(undefined);
  }
  // writeOnly `password`: accepted and discarded, never stored.
  if (definition?.mutability === 'writeOnly') return ok(undefined);
  if (definition?.mutability === 'readOnly' || path.subDefinition?.mutability === 'readOnly') {
    const sameId = core && path.attribute === 'id' && edit.op !== 'remove' && path.filter === undefined && path.subAttribute === undefined &&
      (state.context.id === undefined ? lenient : edit.value === state.context.id);
    if (sameId || (lenient && path.attribute !== 'id')) return ok(undefined);
    return fail(badRequest('mutability', `"${path.raw}" is readOnly and cannot be changed`));
  }
  // RFC 7644 3.5.2.2: removing a required attribute is a mutability error.
  if (edit.op === 'remove' && definition?.required && path.filter === undefined && path.subAttribute === undefined) {
    return fail(badRequest('mutability', `"${path.raw}" is required and cannot be removed`));
  }
  return applyAtAttribute(state.resource, path, edit);
}

function pick(path: Extract<AttributePath, { kind: 'attribute' }>) {
  return { ...(path.filter ? { filter: path.filter } : {}), ...(path.subAttribute !== undefined ? { subAttribute: path.subAttribute } : {}) };
}

/** A whole extension as path: remove drops it; add/replace apply each attribute of the value. */
function applyExtension(state: State, extension: string, edit: Edit): Result<void> {
  if (edit.op === 'remove') return ok(removeExtension(state.resource, extension));
  if (edit.value === null) return ok(edit.op === 'replace' ? removeExtension(state.resource, extension) : undefined);
  if (!isPlainObject(edit.value)) return fail(badRequest('invalidValue', `The value for "${extension}" must be an object`));
  for (const [key, item] of Object.entries(edit.value)) {
    const path = parseAttributePath(state.resourceType, `${extension}:${key}`, [extension]);
    if (path.ok) {
      const applied = applyAt(state, path.value, { op: edit.op, value: item, hasValue: true }, true);
      if (!applied.ok) return applied;
      continue;
    }
    if (!/^[A-Za-z$][A-Za-z0-9_$-]*$/.test(key)) return path;
    // Unknown attribute of a known extension: kept as sent, as in POST/PUT.
    const containerKey = findKey(state.resource, extension) ?? extension;
    const container = isPlainObject(state.resource[containerKey]) ? (state.resource[containerKey] as JsonObject) : {};
    const stored = findKey(container, key);
    if (stored !== undefined) delete container[stored];
    if (item !== null) putKey(container, key, cloneJson(item));
    if (Object.keys(container).length > 0) putKey(state.resource, containerKey, container);
  }
  return ok(undefined);
}

function addSchemas(resource: JsonObject, value: unknown): void {
  const current = Array.isArray(resource.schemas) ? resource.schemas.filter((urn): urn is string => typeof urn === 'string') : [];
  const lower = new Set(current.map((urn) => urn.toLowerCase()));
  for (const urn of Array.isArray(value) ? value : [value]) {
    if (typeof urn !== 'string' || urn === '' || lower.has(urn.toLowerCase())) continue;
    lower.add(urn.toLowerCase());
    current.push(urn);
  }
  putKey(resource, 'schemas', current);
}
