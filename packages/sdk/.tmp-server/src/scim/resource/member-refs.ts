import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { findKey, isPlainObject } from './json-object.js';

/** A Group member as a client names it; `$ref` and `display` are ignored (the server derives them). */
export interface MemberRef {
  value: string;
  type?: 'User' | 'Group';
}

/**
 * Reads a `members` value: an array (or a single element) of `{value, type?}` objects. A bare
 * string element is read as the member id: Microsoft's test collection adds members with
 * `"value": "string id 1"`. Duplicate ids are collapsed, the first one kept.
 */
export function parseMemberRefs(value: unknown, path = 'members'): Result<MemberRef[]> {
  if (value === null || value === undefined) return ok([]);
  const items = Array.isArray(value) ? value : [value];
  const refs: MemberRef[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item === null) continue;
    const ref = parseMemberRef(item, path);
    if (!ref.ok) return ref;
    if (seen.has(ref.value.value)) continue;
    seen.add(ref.value.value);
    refs.push(ref.value);
  }
  return ok(refs);
}

function parseMemberRef(item: unknown, path: string): Result<MemberRef> {
  if (typeof item === 'string') {
    return item.trim() === '' ? fail(badRequest('invalidValue', `"${path}" has an empty member id`)) : ok({ value: item });
  }
  if (!isPlainObject(item)) return fail(badRequest('invalidValue', `Each of "${path}" must be an object with a "value"`));
  const valueKey = findKey(item, 'value');
  const id = valueKey === undefined ? undefined : item[valueKey];
  if (typeof id !== 'string' || id.trim() === '') {
    return fail(badRequest('invalidValue', `Each of "${path}" needs a non-empty string "value" (the member's id)`));
  }
  const typeKey = findKey(item, 'type');
  const rawType = typeKey === undefined ? undefined : item[typeKey];
  if (rawType === undefined || rawType === null) return ok({ value: id });
  const type = typeof rawType === 'string' ? rawType.toLowerCase() : undefined;
  if (type === 'user') return ok({ value: id, type: 'User' });
  if (type === 'group') return ok({ value: id, type: 'Group' });
  return fail(badRequest('invalidValue', `"${path}.type" must be "User" or "Group", got ${JSON.stringify(rawType)}`));
}
