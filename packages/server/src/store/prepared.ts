import { createHash } from 'node:crypto';
import type pg from 'pg';

// PostgreSQL parses and plans an unnamed statement every time it runs. The SCIM writes are one
// statement each, with up to a dozen CTEs, and planning them cost more than running them: a
// single-member group PATCH took 2.6 ms unnamed and 0.6 ms prepared (docs/benchmarks.md). A
// statement with a name is parsed once per connection (node-postgres remembers which names each
// connection has), and PostgreSQL keeps its plan (a generic one once it is no worse than the
// custom plans it made the first five times).

/**
 * Names given out at most: every connection keeps each statement it prepared for as long as it
 * lives, so the texts built from client input (a list's filter and sort) must not make that
 * grow without bound. The fixed statements of the hot paths number a few dozen.
 */
export const MOST_NAMES = 500;
const names = new Map<string, string>();

/** The name a text runs under: a digest of the text (the same text, the same name, in every process), while there is room. */
function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MOST_NAMES) return known;
  const name = `r${createHash('sha1').update(text).digest('base64url')}`;
  names.set(text, name);
  return name;
}

/** A statement run often: prepared once per connection by name (unnamed once the names run out). */
export function prepared(text: string, values: unknown[]): pg.QueryConfig {
  const name = nameOf(text);
  return name === undefined ? { text, values } : { name, text, values };
}
