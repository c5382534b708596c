import { copyJson } from './json-walk.js';

// What the request log keeps of a request must be storable whatever the client sent:
// PostgreSQL text and jsonb cannot hold NUL, jsonb refuses a lone UTF-16 surrogate, and a body
// of any size would be copied into the log. One entry that cannot be stored once made the whole
// batch fail; these turn any value into one that can.

const REPLACEMENT = '\uFFFD';
// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with NUL and lone surrogates replaced by U+FFFD, cut to `maxChars` UTF-16 units (marked with an ellipsis). */
export function storableText(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const clean = text.replace(UNSTORABLE, REPLACEMENT);
  if (clean.length <= maxChars) return clean;
  // Cut on a character boundary: never between the halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(clean.charAt(maxChars - 2)) ? maxChars - 2 : maxChars - 1;
  return `${clean.slice(0, end)}…`;
}

/**
 * A JSON value fit for a jsonb column: every string and key made storable; when its JSON is
 * larger than `maxBytes` (UTF-8), a note of its size instead.
 */
export function storableJson(value: unknown, maxBytes: number): unknown {
  if (value === undefined || value === null) return value;
  const clean = copyJson(value, (scalar) => (typeof scalar === 'string' ? storableText(scalar) : scalar), (key) => storableText(key));
  const bytes = Buffer.byteLength(JSON.stringify(clean), 'utf8');
  return bytes > maxBytes ? { truncated: true, bytes } : clean;
}
