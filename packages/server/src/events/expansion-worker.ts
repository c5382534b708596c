import type { Logger } from 'pino';
import { Cycle } from './cycle.js';

// Runs the expansion of change records into user events (directory/changes/change-expansion.ts) in the
// background: one round after another while records wait, at once when this process wrote
// one, and every POLL_MS for those other processes wrote.

const POLL_MS = 200;
/** A write wakes the loop this much later, so a burst of writes shares one round. */
const COALESCE_MS = 2;

export interface ExpansionRoundResult {
  events: number;
  more: boolean;
}

export class ExpansionWorker {
  private readonly cycle: Cycle;

  constructor(
    expand: () => Promise<ExpansionRoundResult>,
    /** Called when a round wrote events, so their delivery starts at once. */
    onEvents: () => void,
    logger: Logger,
  ) {
    this.cycle = new Cycle(
      async () => {
        const round = await expand();
        if (round.events > 0) onEvents();
        return round.more;
      },
      POLL_MS,
      (error) => logger.error({ err: error }, 'expanding change records into events failed; retrying'),
    );
  }

  start(): void {
    this.cycle.start();
  }

  stop(): Promise<void> {
    return this.cycle.stop();
  }

  /** A change was recorded in this process. */
  wake(): void {
    this.cycle.wake(COALESCE_MS);
  }
}
