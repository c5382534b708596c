/**
 * A background loop: runs `round` again and again, resting `idleMs` between rounds unless the
 * round says there is more to do or someone wakes it. Rounds never overlap; a failing round is
 * reported and the loop goes on.
 */
export class Cycle {
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  /** Ends the loop after the round in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.done;
  }

  /** Runs the next round at once (after `delayMs`, so that several wake-ups share one round). */
  wake(delayMs = 0): void {
    if (this.woken) return;
    this.woken = true;
    if (delayMs === 0) this.wakeUp?.();
    else setTimeout(() => this.wakeUp?.(), delayMs).unref();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let again = false;
      try {
        again = await this.round();
      } catch (error) {
        if (!this.running) break;
        this.onError(error);
      }
      if (!this.running || again || this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(finish, this.idleMs);
        timer.unref();
        const wakeUp = () => finish();
        function finish() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = wakeUp;
      });
      this.wakeUp = undefined;
    }
  }
}
