import type { AttributeDefinition } from '../schema/attribute.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { cloneJson, isPlainObject, putKey, type JsonObject } from './json-object.js';
import { findAttribute } from './schema-lookup.js';

// Values are checked against the attribute's definition (RFC 7643 2.3). `undefined` in a result
// means "absent": RFC 7643 2.4 treats null, an empty array and an unassigned attribute alike, so
// they are dropped rather than stored.

const invalid = (path: string, expected: string, value: unknown) =>
  fail(badRequest('invalidValue', `Attribute "${path}" must be ${expected}, got ${describe(value)}`));

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Coerces a whole attribute value (multi-valued attributes as arrays). */
export function coerceAttribute(definition: AttributeDefinition, value: unknown, path: string): Result<unknown> {
  if (value === null || value === undefined) return ok(undefined);
  if (!definition.multiValued) return coerceSingle(definition, value, path);
  // A single value where an array is expected is read as a one-element array (lenient, common in clients).
  const items = Array.isArray(value) ? value : [value];
  const out: unknown[] = [];
  for (const item of items) {
    const coerced = coerceSingle(definition, item, path);
    if (!coerced.ok) return coerced;
    if (coerced.value !== undefined) out.push(coerced.value);
  }
  return ok(out.length > 0 ? out : undefined);
}

/** Coerces one value of an attribute (one element of a multi-valued one). */
export function coerceSingle(definition: AttributeDefinition, value: unknown, path: string): Result<unknown> {
  if (value === null || value === undefined) return ok(undefined);
  switch (definition.type) {
    case 'complex':
      return coerceComplex(definition, value, path);
    case 'boolean':
      if (typeof value === 'boolean') return ok(value);
      // Entra (default mode) sends booleans as the strings "True"/"False".
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return ok(value.trim().toLowerCase() === 'true');
      return invalid(path, 'a boolean', value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? ok(value) : invalid(path, 'an integer', value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? ok(value) : invalid(path, 'a number', value);
    case 'dateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? ok(value) : invalid(path, 'a dateTime string', value);
    case 'string':
      if (typeof value === 'string') return ok(value);
      // Numbers are accepted for strings (`"employeeNumber": 7`): the intent is unambiguous.
      if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
      return invalid(path, 'a string', value);
    case 'reference':
    case 'binary':
      return typeof value === 'string' ? ok(value) : invalid(path, 'a string', value);
  }
}

function coerceComplex(definition: AttributeDefinition, value: unknown, path: string): Result<unknown> {
  const hasValueSub = findAttribute(definition.subAttributes, 'value') !== undefined;
  if (!definition.multiValued && hasValueSub) {
    // Entra sets the manager with a bare id string or a one-element array of {"$ref","value"}.
    if (typeof value === 'string') return value === '' ? ok(undefined) : ok({ value });
    if (Array.isArray(value)) {
      if (value.length === 0) return ok(undefined);
      if (value.length === 1) return coerceComplex(definition, value[0], path);
    }
  }
  if (!isPlainObject(value)) return invalid(path, 'a complex value (object)', value);

  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const sub = findAttribute(definition.subAttributes, key);
    const name = sub?.name ?? key;
    if (Object.hasOwn(out, name)) return fail(badRequest('invalidSyntax', `Attribute "${path}.${name}" is given twice`));
    // readOnly sub-attributes (manager.displayName) are server-managed: ignored (RFC 7643 2.2).
    if (sub?.mutability === 'readOnly') continue;
    let coerced: unknown;
    if (sub) {
      const result = coerceAttribute(sub, item, `${path}.${sub.name}`);
      if (!result.ok) return result;
      coerced = result.value;
    } else {
      // An unknown sub-attribute is kept as sent, like unknown attributes (docs/providers.md: keep, do not fail).
      coerced = item === null ? undefined : cloneJson(item);
    }
    if (coerced !== undefined) putKey(out, name, coerced);
  }
  return ok(Object.keys(out).length > 0 ? out : undefined);
}
