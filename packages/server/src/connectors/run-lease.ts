import { renewRunLease } from '../directory/management/sync-runs.js';
import type { Services } from '../directory/services.js';
import type { LeaseGuard } from './sync-directory.js';

export class LeaseLostError extends Error {
  constructor(directoryId: string) {
    super(`the sync lease of ${directoryId} was lost; another node may be syncing it`);
    this.name = 'LeaseLostError';
  }
}

/**
 * A run's hold on its directory: renewed every third of its length while the run goes. Every
 * write checks it first, and refuses once a renewal was refused (the lease lapsed and another
 * node took the directory) or has not succeeded for three quarters of the lease (this node may
 * have been paused, or cut off from the database, long enough for the lease to lapse).
 */
export class RunLease implements LeaseGuard {
  lost = false;
  private lastRenewal = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly services: Services,
    private readonly directoryId: string,
    private readonly runId: string,
    private readonly leaseSeconds: number,
    private readonly onLost: () => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.renew(), (this.leaseSeconds * 1000) / 3);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    try {
      const started = Date.now();
      if (await renewRunLease(this.services, this.directoryId, this.runId, this.leaseSeconds)) this.lastRenewal = started;
      else this.markLost();
    } catch {
      // The database is unreachable for now: check() refuses writes once the lease may have lapsed.
    }
  }

  private markLost(): void {
    if (this.lost) return;
    this.lost = true;
    this.onLost();
  }

  check(): void {
    if (!this.lost && Date.now() - this.lastRenewal > this.leaseSeconds * 750) this.markLost();
    if (this.lost) throw new LeaseLostError(this.directoryId);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
