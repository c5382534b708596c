import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { isPlainObject } from './json-object.js';
import type { StoredResource } from './normalize-resource.js';

/**
 * The longest value, in characters (Unicode code points), of an attribute kept in an indexed
 * column: userName, externalId, displayName and every emails[].value. PostgreSQL refuses a
 * btree or GIN entry over about 2,700 bytes; 512 characters of the widest kind (4 bytes each in
 * UTF-8, and lower case never takes more) beside the directory id stay well under it, whatever
 * the alphabet. Documented in README ("The SCIM endpoint").
 */
export const MAX_INDEXED_CHARS = 512;

/** Whether a string has more than `limit` code points; stops counting past it. */
function longerThan(value: string, limit: number): boolean {
  if (value.length <= limit) return false; // UTF-16 units are never fewer than code points
  let count = 0;
  for (const _ of value) if (++count > limit) return true;
  return false;
}

function check(entries: [attribute: string, value: unknown][]): Result<void> {
  for (const [attribute, value] of entries) {
    if (typeof value === 'string' && longerThan(value, MAX_INDEXED_CHARS)) {
      return fail(badRequest('invalidValue', `Attribute "${attribute}" is ${[...value].length} characters long; it may hold at most ${MAX_INDEXED_CHARS} characters`));
    }
  }
  return ok(undefined);
}

/** A user's indexed attributes are within MAX_INDEXED_CHARS (read from a normalized or patched resource). */
export function checkUserLengths(resource: StoredResource): Result<void> {
  const emails = Array.isArray(resource.emails) ? resource.emails : [];
  return check([
    ['userName', resource.userName],
    ['externalId', resource.externalId],
    ['displayName', resource.displayName],
    ...emails.map((email, index): [string, unknown] => [`emails[${index}].value`, isPlainObject(email) ? email.value : undefined]),
  ]);
}

/** A group's indexed attributes are within MAX_INDEXED_CHARS. */
export function checkGroupLengths(resource: StoredResource): Result<void> {
  return check([
    ['displayName', resource.displayName],
    ['externalId', resource.externalId],
  ]);
}
