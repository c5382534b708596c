// How long to wait before calling a source again after it asked us to slow down (429, 503, or
// a quota error). RFC 9110 section 10.2.3: Retry-After is a number of seconds or an HTTP date.
// Without one, exponential backoff with full jitter, so nodes throttled together do not return
// together.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/** Milliseconds the header asks for, or undefined when it is absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The wait before attempt `attempt + 1` (attempt counts from 1), capped at `maxMs`. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random, maxMs = BACKOFF_MAX_MS): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxMs);
  const ceiling = Math.min(maxMs, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}
