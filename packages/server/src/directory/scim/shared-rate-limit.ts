import type { Queryable } from '../../store/database.js';
import { leaseRateTokens } from '../../store/scim-rate-budgets.js';
import { ProcessRateLimit, RetrySchedule, type RateDecision, type ScimRateLimit } from './scim-rate-limit.js';

// The SCIM rate limit of processes that share a PostgreSQL. Each directory has one token bucket
// in the database (scim_rate_budgets, refilled at ROSTER_SCIM_RATE_LIMIT a second up to
// ROSTER_SCIM_RATE_BURST). A process does not ask the database per request: it leases a slice
// of the bucket (a tenth of a second's worth) and spends it locally, leasing the next slice in
// the background when half of it is spent. Tokens leave the shared bucket once, so however many
// processes serve a directory, together they admit at most the burst plus the rate over time.
//
// When the shared bucket runs dry, a process refuses locally until a slice's worth has refilled,
// so an overloaded directory costs at most ten leases a second per process, not one per
// request. A slice a process leased and did not spend (its traffic moved to another process) is
// lost: the directory may then admit up to a slice less per process than the limit, never more.
// If the database cannot be reached, each process falls back to a bucket of its own for a few
// seconds rather than refusing SCIM traffic.

interface Lease {
  /** Leased tokens not spent yet. */
  tokens: number;
  /** The shared bucket's level after the last lease: the rest of the estimate of what is left. */
  shared: number;
  /** The lease in flight, shared by every request waiting for it. */
  pending: Promise<void> | undefined;
  /** Requests waiting for a lease: the next lease asks for at least this many. */
  waiting: number;
  /** The shared bucket was dry: refuse locally until then (performance.now() ms). */
  dryUntil: number;
  /** The database failed: use this process's own bucket until then. */
  fallbackUntil: number;
}

const FALLBACK_MILLIS = 5_000;

export class SharedRateLimit implements ScimRateLimit {
  private readonly leases = new Map<string, Lease>();
  private readonly slice: number;
  private readonly retries: RetrySchedule;
  private readonly fallback: ProcessRateLimit;

  constructor(
    private readonly db: Queryable,
    readonly rate: number,
    readonly burst: number,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.slice = Math.min(burst, Math.max(1, Math.ceil(rate / 10)));
    this.retries = new RetrySchedule(rate);
    this.fallback = new ProcessRateLimit(rate, burst, now);
  }

  async admit(directoryId: string): Promise<RateDecision> {
    const lease = this.leaseOf(directoryId);
    while (lease.tokens < 1 && this.now() >= lease.dryUntil && this.now() >= lease.fallbackUntil) {
      lease.waiting++;
      try {
        await this.refill(directoryId, lease);
      } finally {
        lease.waiting--;
      }
    }
    if (this.now() < lease.fallbackUntil) return this.fallback.decide(directoryId);
    if (lease.tokens >= 1) {
      lease.tokens -= 1;
      // Prefetch: the next slice arrives before this one is spent.
      if (lease.tokens < this.slice / 2 && !lease.pending && this.now() >= lease.dryUntil) void this.refill(directoryId, lease);
      return { allowed: true, remaining: Math.floor(lease.tokens + lease.shared), retryAfterSeconds: 0 };
    }
    const now = this.now();
    return { allowed: false, remaining: 0, retryAfterSeconds: this.retries.retryAfter(directoryId, now, lease.dryUntil - now) };
  }

  private leaseOf(directoryId: string): Lease {
    let lease = this.leases.get(directoryId);
    if (!lease) {
      if (this.leases.size > 100_000) this.leases.clear();
      lease = { tokens: 0, shared: this.burst, pending: undefined, waiting: 0, dryUntil: 0, fallbackUntil: 0 };
      this.leases.set(directoryId, lease);
    }
    return lease;
  }

  private refill(directoryId: string, lease: Lease): Promise<void> {
    lease.pending ??= this.take(directoryId, lease).finally(() => {
      lease.pending = undefined;
    });
    return lease.pending;
  }

  private async take(directoryId: string, lease: Lease): Promise<void> {
    const want = Math.min(this.burst, Math.max(this.slice, lease.waiting));
    try {
      const { granted, left } = await leaseRateTokens(this.db, directoryId, want, this.rate, this.burst);
      lease.tokens += granted;
      lease.shared = left;
      // Short of what was asked: the bucket is (nearly) dry. Wait until a slice has refilled.
      if (granted < want) lease.dryUntil = this.now() + (Math.max(0, Math.min(this.slice, want) - left) / this.rate) * 1000;
    } catch (error) {
      lease.fallbackUntil = this.now() + FALLBACK_MILLIS;
      this.onError(error);
    }
  }
}
