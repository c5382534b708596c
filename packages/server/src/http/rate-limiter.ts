import { TokenBuckets } from '../token-bucket.js';

/**
 * A token bucket per key (a client address, an email): `rate` requests a second on average,
 * bursts up to `burst`. One key's burst empties only its own bucket.
 */
export class RateLimiter {
  private readonly buckets: TokenBuckets;

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.buckets = new TokenBuckets(rate, burst);
  }

  /** Takes a token; returns 0 when allowed, else the whole seconds to wait before one is available. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.of(key, now);
    if (bucket.take(now)) return 0;
    return Math.max(1, Math.ceil(bucket.waitMillis(now) / 1000));
  }
}
