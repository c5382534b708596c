// How deep a client's JSON may nest. No directory resource needs more than a handful of levels;
// a body nested thousands deep is an attack or a bug, and refusing it before it is parsed keeps
// every later walk over client JSON (validation, redaction, storage, events) shallow.

/** Objects and arrays a request body may nest, the body itself being level 1 (README). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Whether JSON text nests objects and arrays deeper than `limit`, read from the text in one pass
 * (brackets inside strings do not count) and stopping at the first level past it. Malformed
 * text is left to the parser.
 */
export function nestsDeeperThan(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

export const tooDeepMessage = (limit: number = MAX_JSON_DEPTH) =>
  `The request body is nested more than ${limit} levels deep (objects and arrays); no SCIM or API body needs that many`;
