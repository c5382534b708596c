import { RateLimiter } from './rate-limiter.js';

// Every dashboard sign-in attempt costs a scrypt hash (about 32 MiB and tens of milliseconds of
// one core), whether or not the email has an account. Attempts are therefore limited four ways:
// per client address and per email (against guessing one password), overall (no number of
// addresses buys more than this), and by how many hashes run at once, so that a flood can never
// take more than one core away from SCIM traffic. An attempt over a limit is answered 429 with
// Retry-After at once; it neither hashes nor waits in an unbounded queue. The README's
// "Operations" section states these numbers.

export const SIGN_IN_LIMITS = {
  /** 10 attempts at once from one address, then one every 6 seconds. */
  perAddress: { rate: 10 / 60, burst: 10 },
  /** 5 attempts at once on one email, then one a minute. */
  perEmail: { rate: 1 / 60, burst: 5 },
  /** 20 attempts at once from everyone together, then 2 a second. */
  overall: { rate: 2, burst: 20 },
  /** Password hashes running at once, and attempts allowed to wait for one. */
  concurrentHashes: 1,
  waitingHashes: 4,
} as const;

export type SignInAdmission =
  | { admitted: true; /** Call when the password check is over. */ release(): void }
  | { admitted: false; reason: 'rate_limited' | 'busy'; retryAfterSeconds: number };

export class SignInThrottle {
  private readonly addresses = new RateLimiter(SIGN_IN_LIMITS.perAddress.rate, SIGN_IN_LIMITS.perAddress.burst);
  private readonly emails = new RateLimiter(SIGN_IN_LIMITS.perEmail.rate, SIGN_IN_LIMITS.perEmail.burst);
  private readonly everyone = new RateLimiter(SIGN_IN_LIMITS.overall.rate, SIGN_IN_LIMITS.overall.burst);
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** Admits an attempt from `address` on `email` (lower-cased) to a password check, or says how long to wait. */
  async admit(address: string, email: string): Promise<SignInAdmission> {
    // A full queue refuses before any budget is spent, so waiting out a flood costs nothing.
    if (this.running >= SIGN_IN_LIMITS.concurrentHashes && this.waiting.length >= SIGN_IN_LIMITS.waitingHashes) {
      return { admitted: false, reason: 'busy', retryAfterSeconds: 1 };
    }
    const wait = Math.max(this.addresses.take(address), this.emails.take(email));
    if (wait > 0) return { admitted: false, reason: 'rate_limited', retryAfterSeconds: wait };
    const overall = this.everyone.take('everyone');
    if (overall > 0) return { admitted: false, reason: 'rate_limited', retryAfterSeconds: overall };
    if (this.running < SIGN_IN_LIMITS.concurrentHashes) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      },
    };
  }
}
