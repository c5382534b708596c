import { parseAttributePath, type AttributePath } from '../../scim/resource/attribute-path.js';
import { findKey, isHostileKey, isPlainObject } from '../../scim/resource/json-object.js';
import { matchesElement } from '../../scim/filter/match-filter.js';
import { USER_RESOURCE, splitUrnPath } from '../../scim/schema/resource-types.js';
import { fail, ok, type Result } from '../../scim/scim-error.js';

// Attribute mapping (pure): a SCIM attribute path of the stored user resource, mapped to a field
// of the management user. Mappings are applied when users are read, never written into users,
// so a new mapping applies to every user already stored.

/** The fields of the management user a mapping may set, besides `custom_attributes.<name>`. */
export const STANDARD_FIELDS = ['email', 'preferred_username', 'given_name', 'family_name', 'name'] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export interface AttributeMapping {
  key: string;
  map_to: string;
}

type Target = { kind: 'standard'; field: StandardField } | { kind: 'custom'; name: string };

export interface CompiledMapping {
  mapping: AttributeMapping;
  path: Extract<AttributePath, { kind: 'attribute' }>;
  target: Target;
}

const CUSTOM_PREFIX = 'custom_attributes.';
const CUSTOM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
// Never part of the stored resource: the server adds them when it renders one (see common.md).
const NOT_STORED = new Set(['id', 'meta', 'groups', 'password']);

function parseTarget(mapTo: string): Result<Target, string> {
  if ((STANDARD_FIELDS as readonly string[]).includes(mapTo)) return ok({ kind: 'standard', field: mapTo as StandardField });
  if (mapTo.startsWith(CUSTOM_PREFIX)) {
    const name = mapTo.slice(CUSTOM_PREFIX.length);
    if (CUSTOM_NAME.test(name) && !isHostileKey(name)) return ok({ kind: 'custom', name });
    return fail(`"${mapTo}": a custom attribute name is a letter or _ followed by up to 63 letters, digits or _`);
  }
  return fail(`"${mapTo}" is neither custom_attributes.<name> nor one of ${STANDARD_FIELDS.join(', ')}`);
}

/** Checks one mapping: the key must name an attribute a stored user can hold (core, enterprise or a custom extension URN). */
export function compileMapping(mapping: AttributeMapping): Result<CompiledMapping, { field: 'key' | 'map_to'; message: string }> {
  const key = mapping.key.trim();
  // A custom extension URN is accepted as the key names it: users carry it under that URN.
  const { urn } = splitUrnPath(key);
  const parsed = parseAttributePath(USER_RESOURCE, key, urn ? [urn] : []);
  if (!parsed.ok) return fail({ field: 'key', message: parsed.error.detail });
  if (parsed.value.kind !== 'attribute') return fail({ field: 'key', message: `"${key}" names a whole extension schema, not an attribute` });
  if (parsed.value.extension === undefined && NOT_STORED.has(parsed.value.attribute)) {
    return fail({ field: 'key', message: `"${key}" is not an attribute the IdP provisions` });
  }
  const target = parseTarget(mapping.map_to.trim());
  if (!target.ok) return fail({ field: 'map_to', message: target.error });
  return ok({ mapping: { key, map_to: mapping.map_to.trim() }, path: parsed.value, target: target.value });
}

/** Compiles stored mappings, skipping any this build can no longer read. */
export function compileMappings(mappings: readonly AttributeMapping[]): CompiledMapping[] {
  return mappings.flatMap((mapping) => {
    const compiled = compileMapping(mapping);
    return compiled.ok ? [compiled.value] : [];
  });
}

function property(value: unknown, name: string): unknown {
  if (!isPlainObject(value)) return undefined;
  const key = findKey(value, name);
  return key === undefined ? undefined : value[key];
}

const present = (value: unknown): boolean => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

/**
 * The value a path selects in a stored resource. A value filter selects the first matching
 * element (`emails[type eq "work"].value` is the work email, not a list); a multi-valued
 * attribute without one gives every value.
 */
export function readPath(resource: Record<string, unknown>, path: CompiledMapping['path']): unknown {
  const container = path.extension === undefined ? resource : property(resource, path.extension);
  let value = property(container, path.attribute);
  if (!present(value)) return undefined;
  if (path.filter) {
    const filter = path.filter;
    value = Array.isArray(value) ? value.find((element) => matchesElement(element, filter)) : undefined;
  }
  if (path.subAttribute !== undefined) {
    const sub = path.subAttribute;
    value = Array.isArray(value) ? value.map((element) => property(element, sub)).filter(present) : property(value, sub);
  }
  return present(value) ? value : undefined;
}

/** A standard field holds a string: the first of several values, numbers and booleans as text. */
function asText(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  if (typeof single === 'string') return single;
  if (typeof single === 'number' || typeof single === 'boolean') return String(single);
  return undefined;
}

export interface MappedAttributes {
  standard: Partial<Record<StandardField, string>>;
  custom: Record<string, unknown>;
}

/** Applies the mappings to one stored resource. */
export function applyMappings(resource: Record<string, unknown>, mappings: readonly CompiledMapping[]): MappedAttributes {
  const mapped: MappedAttributes = { standard: {}, custom: {} };
  const custom = new Map<string, unknown>();
  for (const { path, target } of mappings) {
    const value = readPath(resource, path);
    if (value === undefined) continue;
    if (target.kind === 'custom') {
      custom.set(target.name, value);
    } else {
      const text = asText(value);
      if (text !== undefined) mapped.standard[target.field] = text;
    }
  }
  // fromEntries defines own properties, so no name can reach a prototype.
  mapped.custom = Object.fromEntries(custom);
  return mapped;
}
