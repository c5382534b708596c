import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { ActivityRecorder } from '../directory/request-log/activity-recorder.js';
import { scimEndpoint } from '../directory/management/directories.js';
import type { Services } from '../directory/services.js';
import { approvedRemovals, finishRun, startDueRun, type FinishedRun, type StartedRun } from '../directory/management/sync-runs.js';
import { recordRunCounts } from '../store/sync-runs.js';
import { DirectoryWriter } from './apply-difference.js';
import { RunLease } from './run-lease.js';
import { failedRun, interruptedRun, succeededRun, type DirectoryState } from './run-outcome.js';
import { openSource } from './open-source.js';
import { emptyCounts, syncDirectory } from './sync-directory.js';

// Runs the pulled directories' syncs on this node. Every few seconds (and at once when "Sync
// now" is pressed here) it claims due directories under a lease in the database, so however
// many nodes share one PostgreSQL, one directory is synced by one of them at a time. A node
// that dies mid-run leaves its lease to lapse; the next claim marks that run interrupted and
// starts over, which is safe because a run only ever applies the difference.

export interface SchedulerDependencies {
  services: Services;
  recorder: ActivityRecorder;
  logger: Logger;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
}

export class SyncScheduler {
  readonly node = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private readonly active = new Map<string, ActiveRun>();
  private ticking: Promise<void> | undefined;
  private again = false;
  private stopping = false;

  constructor(private readonly dependencies: SchedulerDependencies) {}

  private get config() {
    return this.dependencies.services.config;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.config.ROSTER_SYNC_POLL_SECONDS * 1000);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due directories now (after "Sync now" on this node, or a run ending). */
  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async tick(): Promise<void> {
    const { services, logger } = this.dependencies;
    try {
      while (!this.stopping && this.active.size < this.config.ROSTER_SYNC_CONCURRENCY) {
        const started = await startDueRun(services, this.node, this.config.ROSTER_SYNC_LEASE_SECONDS);
        if (!started) return;
        this.launch(started);
      }
    } catch (error) {
      logger.error({ err: error }, 'looking for directories to sync failed');
    }
  }

  private launch(started: StartedRun): void {
    const controller = new AbortController();
    const done = this.execute(started, controller)
      .catch((error: unknown) => this.dependencies.logger.error({ err: error, directory_id: started.source.directory_id, sync_run_id: started.run.id }, 'recording a sync run failed'))
      .finally(() => {
        this.active.delete(started.run.id);
        this.wake();
      });
    this.active.set(started.run.id, { controller, done });
  }

  private async execute(started: StartedRun, controller: AbortController): Promise<void> {
    const { services, recorder, logger } = this.dependencies;
    const { source } = started;
    const directoryId = source.directory_id;
    const log = logger.child({ directory_id: directoryId, sync_run_id: started.run.id, source: source.source });
    const lease = new RunLease(services, directoryId, started.run.id, this.config.ROSTER_SYNC_LEASE_SECONDS, () => controller.abort(new Error('lease lost')));
    lease.start();
    const counts = emptyCounts();
    const state: DirectoryState = {
      status: source.status,
      message: source.status_message,
      failures: source.consecutive_failures,
      intervalSeconds: source.sync_interval_seconds,
      approved: source.approved_run_id !== null,
    };
    let finished: FinishedRun;
    let lastProgress = 0;
    try {
      const reader = openSource(services.config, services.secretBox, source, {
        signal: controller.signal,
        record: (call) => {
          counts.source_calls++;
          recorder.record({ directoryId, secretId: undefined, method: call.method, path: call.url, status: call.status, durationMs: call.durationMs, userAgent: call.userAgent, requestBody: call.requestBody, responseBody: call.responseBody });
        },
      });
      const writer = new DirectoryWriter({ services, directoryId, organizationId: source.organization_id, baseUrl: scimEndpoint(services.publicUrl ?? '', directoryId) });
      const result = await syncDirectory({
        db: services.db.pool,
        directoryId,
        reader,
        writer,
        thresholdPercent: source.safety_threshold_percent,
        approved: source.approved_run_id ? await approvedRemovals(services, directoryId, source.approved_run_id) : undefined,
        concurrency: services.db.kind === 'embedded' ? 1 : 4,
        lease,
        counts,
        progress: async () => {
          // At most once a second: the run's counts are for people watching, not for correctness.
          if (Date.now() - lastProgress < 1000) return;
          lastProgress = Date.now();
          await recordRunCounts(services.db.pool, directoryId, started.run.id, counts);
        },
      });
      finished = succeededRun(result, counts, state);
      log.info({ counts, status: finished.status }, 'sync run finished');
    } catch (error) {
      if (lease.lost) {
        log.warn({ counts }, 'sync run stopped: its lease was lost to another node');
        return;
      }
      if (this.stopping && controller.signal.aborted) finished = interruptedRun(counts, state);
      else {
        finished = failedRun(error, counts, state);
        log.warn({ err: error, counts }, 'sync run failed');
      }
    } finally {
      lease.stop();
    }
    if (!(await finishRun(services, started, finished))) log.warn('sync run finished after its lease was lost; another node took over');
  }

  /** Stops claiming, cuts running syncs short (they are due again at once, for any node), waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    for (const run of this.active.values()) run.controller.abort(new Error('shutting down'));
    await Promise.all([...this.active.values()].map((run) => run.done));
  }
}
