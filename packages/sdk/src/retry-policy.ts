// When and how long to wait before sending a request again. Pure, so it is tested on its own.

export interface RetryPolicy {
  /** Attempts after the first; 0 turns retries off. */
  maxRetries: number;
  /** The backoff before the first retry, doubled for each one after. */
  baseDelayMs: number;
  /** No backoff is longer than this. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is thrown instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * 429 and 503 mean the server did not act on the request, so any method is sent again. Other 5xx
 * answers (and lost connections) may come after the change was made: only methods whose repeat
 * leaves the same state are sent again. Every Roster route but POST is such a method (PUT and PATCH
 * set fields; DELETE of a deleted resource is a 404).
 */
export function isRetryable(method: string, status: number | 'connection_failed'): boolean {
  if (status === 429 || status === 503) return true;
  const repeatable = method.toUpperCase() !== 'POST';
  if (status === 'connection_failed') return repeatable;
  return repeatable && status >= 500;
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date names a weekday and a month; Date.parse alone would read "-1" as a year.
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (0 for the first retry), or undefined when the server asks
 * for longer than the policy waits. Exponential backoff with "equal jitter" (half fixed, half
 * random) so clients that failed together do not come back together; Retry-After wins when sent.
 */
export function retryDelayMs(retry: number, retryAfter: string | null, policy: RetryPolicy, now: number, random: () => number = Math.random): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked <= policy.maxRetryAfterMs ? asked : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return ceiling / 2 + random() * (ceiling / 2);
}
