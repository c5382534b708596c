import type { AttributeDefinition } from '../schema/attribute.js';
import type { SchemaDefinition } from '../schema/core-schemas.js';
import { COMMON_ATTRIBUTES } from '../schema/core-schemas.js';
import { findSchemaUrn, type ResourceType } from '../schema/resource-types.js';

// Entra's documented example spells the enterprise URN `...:enterprise:2.0User` (no colon before
// `User`); real tenants copied it. Read it as the enterprise URN wherever a URN can appear.
const MALFORMED_ENTERPRISE = /(urn:ietf:params:scim:schemas:extension:enterprise:2\.0)(User)/i;

export function fixMalformedUrn(text: string): string {
  return text.replace(MALFORMED_ENTERPRISE, '$1:$2');
}

export const isUrn = (text: string): boolean => text.toLowerCase().startsWith('urn:');

// Look-ups by name are remembered per attribute list: rendering a page of 100 users asks for the
// same dozen names 100 times, and schemas never change at run time.
const lookups = new WeakMap<readonly AttributeDefinition[], Map<string, AttributeDefinition | null>>();
const LOOKUP_CAPACITY = 1_000;

export function findAttribute(attributes: readonly AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  if (!attributes) return undefined;
  let known = lookups.get(attributes);
  if (!known) lookups.set(attributes, (known = new Map()));
  const cached = known.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const lower = name.toLowerCase();
  const found = attributes.find((candidate) => candidate.name.toLowerCase() === lower);
  // Clients can send any names: only so many are remembered.
  if (known.size < LOOKUP_CAPACITY) known.set(name, found ?? null);
  return found;
}

/** A top-level core attribute of the resource type (its schema's or a common one), by name in any case. */
export function coreAttribute(resourceType: ResourceType, name: string): AttributeDefinition | undefined {
  return findAttribute(COMMON_ATTRIBUTES, name) ?? findAttribute(resourceType.schema.attributes, name);
}

/** The extension schema a URN names (any case, malformed Entra spelling accepted); never the core schema. */
export function extensionSchema(resourceType: ResourceType, urn: string): SchemaDefinition | undefined {
  const schema = findSchemaUrn(resourceType, fixMalformedUrn(urn));
  return schema === resourceType.schema ? undefined : schema;
}

/** The URNs a resource carries (its `schemas` and its URN keys), so paths into unknown extensions it holds resolve. */
export function urnsIn(resource: Record<string, unknown>): string[] {
  const schemas = Array.isArray(resource.schemas) ? resource.schemas.filter((urn): urn is string => typeof urn === 'string') : [];
  return [...schemas, ...Object.keys(resource).filter(isUrn)];
}
