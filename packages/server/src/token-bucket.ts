/**
 * A token bucket: `rate` tokens a second, at most `burst` held, starting full. Time is in
 * milliseconds of a monotonic clock (performance.now()), passed in so the caller owns the clock.
 */
export class TokenBucket {
  private level: number;
  private updated: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.level = burst;
    this.updated = now;
  }

  /** Tokens held at `now` (fractional). */
  tokens(now: number): number {
    if (now > this.updated) {
      this.level = Math.min(this.burst, this.level + ((now - this.updated) / 1000) * this.rate);
      this.updated = now;
    }
    return this.level;
  }

  /** Takes a token when there is one. */
  take(now: number): boolean {
    if (this.tokens(now) < 1) return false;
    this.level -= 1;
    return true;
  }

  /** Milliseconds until a token is there; 0 when there is one now. */
  waitMillis(now: number): number {
    return Math.max(0, ((1 - this.tokens(now)) / this.rate) * 1000);
  }
}

/** A bucket per key, full on first use. Past 100,000 keys all are forgotten: endless keys cost no memory. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly rate: number,
    readonly burst: number,
  ) {}

  of(key: string, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 100_000) this.buckets.clear();
      bucket = new TokenBucket(this.rate, this.burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
