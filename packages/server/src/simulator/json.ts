/** Narrowing helpers for JSON the simulator reads back from a SCIM server. */
import type { JsonObject as Json } from '../scim/resource/json-object.js';

export type { Json };

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The attribute `name` of `object`, matched case-insensitively (SCIM attribute names are, RFC 7643 section 2.1). */
export function attribute(object: Json | undefined, name: string): unknown {
  if (!object) return undefined;
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(object)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
