// Helpers for the untrusted JSON a SCIM client sends. Every object Roster builds from a body goes
// through `putKey`, which defines an own property and so can never reach `Object.prototype`
// (a plain `obj[key] = value` with key `__proto__` would invoke the prototype setter).

import { copyJson, findJsonNode, jsonPath } from '../../json-walk.js';

export type JsonObject = Record<string, unknown>;

/** Keys that can pollute prototypes when assigned; rejected anywhere in a body (any case). */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isHostileKey = (key: string): boolean => HOSTILE_KEYS.has(key.toLowerCase());

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The first hostile key anywhere in a JSON value, as a location such as `emails[0].__proto__`, or undefined. */
export function findHostileKey(value: unknown): string | undefined {
  const found = findJsonNode(value, (node) => typeof node.key === 'string' && isHostileKey(node.key));
  if (!found) return undefined;
  return jsonPath(found).reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`), '');
}

/** Sets an own enumerable property without ever invoking an inherited setter. */
export function putKey(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The own key of `target` equal to `name` ignoring case (attribute names are case-insensitive, RFC 7643 2.1). */
export function findKey(target: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(target, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(target).find((key) => key.toLowerCase() === lower);
}

/** A deep copy of a JSON value, its keys defined like `putKey`'s; the caller has already rejected hostile keys. */
export function cloneJson(value: unknown): unknown {
  return copyJson(value);
}

export { jsonEqual } from '../../json-equal.js';
