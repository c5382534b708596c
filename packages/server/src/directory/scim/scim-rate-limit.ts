import { TokenBuckets } from '../../token-bucket.js';

// The SCIM rate limit: ROSTER_SCIM_RATE_LIMIT requests a second per directory on average, bursts
// up to ROSTER_SCIM_RATE_BURST. One process keeps the buckets itself (ProcessRateLimit: the
// embedded store, which is one process); processes sharing a PostgreSQL share one bucket per
// directory through it (shared-rate-limit.ts).

export interface RateDecision {
  allowed: boolean;
  /** About how many more requests would be admitted now (an estimate when the budget is shared). */
  remaining: number;
  /** When refused: whole seconds (RFC 9110 delay-seconds) until this request is worth retrying. */
  retryAfterSeconds: number;
}

export interface ScimRateLimit {
  readonly rate: number;
  readonly burst: number;
  admit(directoryId: string): Promise<RateDecision>;
}

/** The longest Retry-After handed out. */
const MAX_RETRY_MILLIS = 60_000;

/**
 * Retry-After for refused requests, per directory. Telling every refused request "1 second"
 * brings them all back at once to be refused again; instead each refusal gets the next free
 * slot at the sustained rate after a token is due (as GCRA schedules), so 139 refusals at 25
 * requests a second are told 1 to 6 seconds and come back paced.
 */
export class RetrySchedule {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly rate: number) {}

  /** Seconds to tell a request refused at `now` whose bucket has a token again in `waitMillis`. */
  retryAfter(directoryId: string, now: number, waitMillis: number): number {
    if (this.nextSlot.size > 100_000) this.nextSlot.clear();
    const slot = Math.min(now + MAX_RETRY_MILLIS, Math.max(now + waitMillis, this.nextSlot.get(directoryId) ?? 0));
    this.nextSlot.set(directoryId, slot + 1000 / this.rate);
    return Math.max(1, Math.ceil((slot - now) / 1000));
  }
}

/** One bucket per directory in this process. */
export class ProcessRateLimit implements ScimRateLimit {
  private readonly buckets: TokenBuckets;
  private readonly retries: RetrySchedule;

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.buckets = new TokenBuckets(rate, burst);
    this.retries = new RetrySchedule(rate);
  }

  decide(directoryId: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.of(directoryId, now);
    if (bucket.take(now)) return { allowed: true, remaining: Math.floor(bucket.tokens(now)), retryAfterSeconds: 0 };
    return { allowed: false, remaining: 0, retryAfterSeconds: this.retries.retryAfter(directoryId, now, bucket.waitMillis(now)) };
  }

  async admit(directoryId: string): Promise<RateDecision> {
    return this.decide(directoryId);
  }
}
