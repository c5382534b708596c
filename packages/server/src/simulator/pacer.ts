import { advertisedRate, PACE_SHARE } from './rate-policy.js';

/**
 * Spaces request starts so that no more than `rate` begin in any second. Slots are handed out in
 * order, so concurrent callers queue fairly behind one another. Without a rate of its own
 * (`--rate`), it follows the server: PACE_SHARE of the rate its RateLimit-Policy advertises. Until
 * the first answer has come, one request goes alone, so that a run does not open with a burst
 * the server's policy would not have allowed.
 */
export class Pacer {
  private nextSlot = 0;
  private rate: number | undefined;
  private readonly fixed: boolean;
  private lastPolicy: string | undefined;
  private probe: { answered: Promise<void>; answer(): void } | undefined;
  private answered: boolean;

  constructor(rate: number | undefined) {
    this.fixed = rate !== undefined && rate > 0;
    this.rate = this.fixed ? rate : undefined;
    this.answered = this.fixed;
  }

  /** Requests a second it paces to, if any. */
  get requestsPerSecond(): number | undefined {
    return this.rate;
  }

  /** Called after every attempt with the response's RateLimit-Policy (null when none, or no response); a rate given to the constructor wins. */
  follow(policy: string | null): void {
    if (!this.answered) {
      this.answered = true;
      this.probe?.answer();
    }
    if (this.fixed || !policy || policy === this.lastPolicy) return;
    this.lastPolicy = policy;
    const advertised = advertisedRate(policy);
    if (advertised !== undefined && advertised > 0) this.rate = advertised * PACE_SHARE;
  }

  async take(): Promise<void> {
    if (!this.answered) {
      if (this.probe) await this.probe.answered;
      else {
        let answer!: () => void;
        const answered = new Promise<void>((resolve) => {
          answer = resolve;
        });
        this.probe = { answered, answer };
        return; // this request is the probe
      }
    }
    if (!this.rate) return;
    const interval = 1000 / this.rate;
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + interval;
    const wait = slot - now;
    if (wait > 0.5) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Limits how many requests are in flight at once (`--concurrency`). */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
