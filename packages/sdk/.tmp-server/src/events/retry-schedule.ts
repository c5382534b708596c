// When to try a failed delivery again: exponential backoff with jitter, for a bounded window
// (about three days by default), after which the delivery is dead.

const MAX_DELAY_MS = 12 * 3600 * 1000;

export interface RetryPolicy {
  baseMs: number;
  windowMs: number;
}

/**
 * The delay after the `attempt`-th failed attempt (1-based): base x 2^(attempt-1), capped at
 * 12 hours, scaled by a random factor in [0.8, 1.2) so that deliveries which failed together
 * (an endpoint that was down) do not all come back at the same instant.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: number = Math.random()): number {
  const exponential = Math.min(MAX_DELAY_MS, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.round(exponential * (0.8 + 0.4 * random));
}

/** The next attempt's time, or null when it would fall outside the retry window (the delivery is dead). */
export function nextAttemptAt(policy: RetryPolicy, attempt: number, windowStartedAt: Date, now: Date, random?: number): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(policy, attempt, random));
  return next.getTime() > windowStartedAt.getTime() + policy.windowMs ? null : next;
}
