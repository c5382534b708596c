import type { RateDecision } from '../../directory/scim/scim-rate-limit.js';

// The IETF httpapi RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-10, Structured
// Field lists): RateLimit-Policy says the policy a client can pace itself by, the same on every
// response; RateLimit says what is left now. The burst is a vendor parameter, as the draft asks
// for implementation-specific ones.

export const RATE_POLICY_NAME = 'directory';

/** `"directory";q=200;w=1;roster-burst=400`: `q` requests every `w` seconds. */
export function rateLimitPolicy(rate: number, burst: number): string {
  return `"${RATE_POLICY_NAME}";q=${rate};w=1;roster-burst=${burst}`;
}

/** `"directory";r=57;t=1`: `r` requests left in the next `t` seconds (none until Retry-After when refused). */
export function rateLimitState(decision: RateDecision): string {
  const left = Math.max(0, Math.floor(decision.remaining));
  const window = decision.allowed ? 1 : decision.retryAfterSeconds;
  return `"${RATE_POLICY_NAME}";r=${left};t=${window}`;
}
