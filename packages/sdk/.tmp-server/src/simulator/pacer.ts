/**
 * Spaces request starts so that no more than `rate` begin in any second (`--rate`). Slots are
 * handed out in order, so concurrent callers queue fairly behind one another.
 */
export class Pacer {
  private nextSlot = 0;

  constructor(private readonly rate: number | undefined) {}

  async take(): Promise<void> {
    if (!this.rate || this.rate <= 0) return;
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
