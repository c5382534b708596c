import type { Logger } from 'pino';
import type { Database } from '../store/database.js';
import { isForeignKeyViolation } from '../store/errors.js';
import { pruneEvents } from '../store/events.js';
import { claimDueDeliveries, fanOutEvents, pruneDeliveries, recordAttempts, type AttemptResult, type ClaimedDelivery } from '../store/webhook-deliveries.js';
import {
  deleteExpiredWebhookSecrets,
  disableFailingEndpoints,
  listWebhookEndpoints,
  recordEndpointOutcomes,
} from '../store/webhook-endpoints.js';
import { toEnvelope } from './envelope.js';
import type { EventsConfig } from './events-config.js';
import { readLiveWebhookSecrets } from './webhook-secrets.js';
import type { SecretBox } from '../secret-box.js';
import { webhookSender, type SendResult, type WebhookSender } from './http-sender.js';
import { nextAttemptAt, type RetryPolicy } from './retry-schedule.js';
import { Cycle } from './cycle.js';
import { eventIdBefore } from './event-ids.js';

// The outbox's delivery side. Each Roster process runs one worker; several share a PostgreSQL:
//  - fan-out turns settled events into one delivery row per interested endpoint (one process at
//    a time, in the background: a 10k-member PATCH commits 10k events, not 30k deliveries);
//  - claims take due deliveries with FOR UPDATE SKIP LOCKED and lease them by pushing their
//    next_attempt_at past the attempt's time limit, so a crashed process's deliveries come due
//    again (at least once) and a live one's are never taken twice;
//  - each endpoint has its own concurrency, so a slow endpoint only slows itself;
//  - no database connection is held while a request is out: claim, release, send, record.

const POLL_MS = 200;
/**
 * Results are recorded soon after they come in, those that finish meanwhile joining the batch
 * (the embedded store runs one statement at a time: there, fewer and bigger batches), and at
 * least every FLUSH_MS.
 */
const FLUSH_COALESCE_MS = { postgres: 10, embedded: 25 } as const;
const FLUSH_MS = 50;
/** After a completion frees a slot, wait this long so several completions share one claim. */
const COALESCE_MS = 2;
const FAN_OUT_BATCH = 2_000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const PRUNE_FIRST_AFTER_MS = 30 * 1000;
const PRUNE_BATCH = 5_000;
const REFRESH_ENDPOINTS_MS = 1_000;
/**
 * Per endpoint, claims run this many times its concurrency ahead of the requests in flight, so
 * a slot never waits for the store; and claiming pauses while that many finished attempts wait
 * to be recorded. So at most 2 x CLAIM_AHEAD x concurrency deliveries are sent and unrecorded
 * at any moment: what a crash can make it deliver twice.
 */
export const CLAIM_AHEAD = 4;
const EXCERPT_CHARS = 1_000;
const MAX_WAITING_RESULTS = 50_000;
const OUTCOME_REFRESH_MS = 5_000;

interface QueuedDelivery extends ClaimedDelivery {
  claimedAt: number;
}

interface LiveEndpoint {
  id: string;
  url: string;
  secrets: string[];
  inFlight: number;
  /** Claimed, waiting for a free slot. */
  queue: QueuedDelivery[];
  /** Finished attempts whose results are not yet recorded. */
  unrecorded: number;
}

export interface DeliveryWorkerOptions {
  db: Database;
  environmentId: string;
  config: EventsConfig;
  logger: Logger;
  /** Opens signing secrets stored sealed (ROSTER_ENCRYPTION_KEY). */
  secretBox?: SecretBox | undefined;
}

/** Text PostgreSQL can store: no NUL characters, bounded length. */
function storable(text: string | null, limit = EXCERPT_CHARS): string | null {
  return text === null ? null : text.replaceAll(String.fromCharCode(0), '').slice(0, limit);
}

export class DeliveryWorker {
  private readonly sender: WebhookSender;
  private readonly policy: RetryPolicy;
  private readonly leaseSeconds: number;
  private endpoints = new Map<string, LiveEndpoint>();
  private results: AttemptResult[] = [];
  private running = false;
  private readonly sends = new Set<Promise<void>>();
  private lastRefresh = 0;
  private readonly outcomes = new Map<string, { succeeded: boolean; at: number }>();
  private nextPrune = Date.now() + PRUNE_FIRST_AFTER_MS;
  // Three loops, so that none waits for another's statements (a PostgreSQL pool runs them side by side).
  private readonly fanOutCycle: Cycle;
  private readonly claimCycle: Cycle;
  private readonly flushCycle: Cycle;

  constructor(private readonly options: DeliveryWorkerOptions) {
    const { config, logger } = options;
    this.sender = webhookSender(config, config.ROSTER_WEBHOOK_CONCURRENCY);
    this.policy = { baseMs: config.ROSTER_WEBHOOK_RETRY_BASE_MS, windowMs: config.ROSTER_WEBHOOK_RETRY_WINDOW_SECONDS * 1000 };
    // Long enough for a whole attempt (connect to last byte) with room to record it.
    this.leaseSeconds = config.ROSTER_WEBHOOK_TIMEOUT_SECONDS * 2 + 5;
    const failed = (what: string) => (error: unknown) => logger.error({ err: error }, `webhook ${what} failed; retrying`);
    this.fanOutCycle = new Cycle(() => this.fanOutRound(), POLL_MS, failed('fan-out'));
    this.claimCycle = new Cycle(() => this.claim().then(() => false), POLL_MS, failed('claim'));
    // Results that cannot be recorded now wait for the next round; their deliveries' leases keep them safe meanwhile.
    this.flushCycle = new Cycle(() => this.flush().then(() => false), FLUSH_MS, failed('result recording'));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.fanOutCycle.start();
    this.claimCycle.start();
    this.flushCycle.start();
  }

  /** New events were written (expanded from change records): fan them out without waiting for the next poll. */
  eventsWritten(): void {
    if (this.running) this.fanOutCycle.wake(COALESCE_MS);
  }

  /** Stops claiming, lets requests in flight finish for a moment, records what finished. */
  async stop(graceMs = 2_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await Promise.all([this.fanOutCycle.stop(), this.claimCycle.stop(), this.flushCycle.stop()]);
    if (this.sends.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(this.sends), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    // Whatever is still out is abandoned: its lease runs out and another attempt is made.
    this.sender.close();
    await this.flush().catch((error: unknown) => this.options.logger.warn({ err: error }, 'webhook results could not be recorded at shutdown'));
  }

  /** Endpoint settings, then settled events into deliveries, then retention when due. True while a backlog remains. */
  private async fanOutRound(): Promise<boolean> {
    if (Date.now() - this.lastRefresh >= REFRESH_ENDPOINTS_MS) await this.refreshEndpoints();
    const fanned = await fanOutEvents(this.options.db.pool, FAN_OUT_BATCH);
    if (fanned.deliveries > 0) this.claimCycle.wake();
    if (Date.now() >= this.nextPrune) {
      this.nextPrune = Date.now() + PRUNE_EVERY_MS;
      await this.pruneExpired();
    }
    return fanned.events === FAN_OUT_BATCH;
  }

  private async claim(): Promise<void> {
    const { ROSTER_WEBHOOK_CONCURRENCY: concurrency } = this.options.config;
    const requests = [...this.endpoints.values()].map((endpoint) => ({
      endpointId: endpoint.id,
      // Results that pile up unrecorded (the store is slow) stop the claims.
      count: endpoint.unrecorded >= concurrency * CLAIM_AHEAD ? 0 : concurrency * CLAIM_AHEAD - endpoint.inFlight - endpoint.queue.length,
    }));
    const claimed = await claimDueDeliveries(this.options.db.pool, requests, this.leaseSeconds);
    const claimedAt = Date.now();
    for (const delivery of claimed) {
      const endpoint = this.endpoints.get(delivery.endpoint_id);
      // An endpoint removed since the claim: its deliveries' leases run out unattended.
      endpoint?.queue.push({ ...delivery, claimedAt });
    }
    for (const endpoint of this.endpoints.values()) this.pump(endpoint);
  }

  private async refreshEndpoints(): Promise<void> {
    const db = this.options.db.pool;
    const rows = (await listWebhookEndpoints(db)).filter((row) => row.enabled);
    const secrets = await readLiveWebhookSecrets(db, this.options.secretBox, rows.map((row) => row.id), (endpointId, secretId, error) =>
      this.options.logger.error({ err: error, webhook_id: endpointId, secret_id: secretId }, 'a webhook signing secret cannot be read; it does not sign'),
    );
    const next = new Map<string, LiveEndpoint>();
    for (const row of rows) {
      const current = this.endpoints.get(row.id);
      const endpoint = current ?? { id: row.id, url: row.url, secrets: [], inFlight: 0, queue: [], unrecorded: 0 };
      endpoint.url = row.url;
      endpoint.secrets = secrets.filter((secret) => secret.endpointId === row.id).map((secret) => secret.secret);
      // Never sent unsigned: its deliveries wait (and come due again) until a secret is readable.
      if (endpoint.secrets.length === 0) continue;
      next.set(row.id, endpoint);
    }
    this.endpoints = next;
    this.lastRefresh = Date.now();
  }

  /** Starts queued deliveries while the endpoint has free slots. */
  private pump(endpoint: LiveEndpoint): void {
    const { ROSTER_WEBHOOK_CONCURRENCY: concurrency, ROSTER_WEBHOOK_TIMEOUT_SECONDS: timeoutSeconds } = this.options.config;
    // A delivery must start while its lease still covers a whole attempt; one that waited
    // longer is left to come due again, so no other process can be sending it at the same time.
    const latestStart = (this.leaseSeconds - timeoutSeconds - 1) * 1000;
    while (endpoint.inFlight < concurrency && this.running) {
      const delivery = endpoint.queue.shift();
      if (!delivery) return;
      if (Date.now() - delivery.claimedAt > latestStart) continue;
      this.dispatch(endpoint, delivery);
    }
  }

  private dispatch(endpoint: LiveEndpoint, delivery: ClaimedDelivery): void {
    endpoint.inFlight++;
    const send = this.attempt(endpoint, delivery)
      .then((result) => {
        endpoint.unrecorded++;
        this.results.push(result);
      })
      .catch((error: unknown) => this.options.logger.error({ err: error, endpoint: endpoint.id, event: delivery.event_id }, 'webhook attempt failed unexpectedly'))
      .finally(() => {
        endpoint.inFlight--;
        this.sends.delete(send);
        this.pump(endpoint);
        // Claim more once the queue runs low (in batches, not one per completion); record results
        // soon (what finishes meanwhile joins the batch).
        if (endpoint.queue.length <= this.options.config.ROSTER_WEBHOOK_CONCURRENCY) this.claimCycle.wake(COALESCE_MS);
        this.flushCycle.wake(FLUSH_COALESCE_MS[this.options.db.kind]);
      });
    this.sends.add(send);
  }

  private async attempt(endpoint: LiveEndpoint, delivery: ClaimedDelivery): Promise<AttemptResult> {
    const attemptedAt = new Date();
    let sent: SendResult;
    if (!delivery.event) {
      sent = { statusCode: null, latencyMs: 0, error: 'the event was deleted by retention before it could be delivered', responseExcerpt: null };
    } else {
      const body = JSON.stringify(toEnvelope(delivery.event, this.options.environmentId));
      sent = await this.sender.sendSigned(endpoint.url, endpoint.secrets, delivery.event_id, body, attemptedAt);
    }
    const succeeded = sent.statusCode !== null && sent.statusCode >= 200 && sent.statusCode < 300;
    const retryAt = succeeded || !delivery.event ? null : nextAttemptAt(this.policy, delivery.attempts, delivery.window_started_at, new Date());
    return {
      endpointId: endpoint.id,
      eventId: delivery.event_id,
      attempt: delivery.attempts,
      lease: delivery.lease,
      attemptedAt,
      status: succeeded ? 'succeeded' : retryAt ? 'pending' : 'dead',
      nextAttemptAt: retryAt,
      statusCode: sent.statusCode,
      latencyMs: sent.latencyMs,
      error: storable(sent.error ?? (succeeded ? null : `HTTP ${sent.statusCode}`)),
      responseExcerpt: storable(sent.responseExcerpt),
    };
  }

  /** Records finished attempts in a few set-based statements; on failure they wait for the next round. */
  private async flush(): Promise<void> {
    if (this.results.length === 0) return;
    const batch = this.results;
    this.results = [];
    const db = this.options.db.pool;
    try {
      await recordAttempts(db, batch);
    } catch (error) {
      // Kept for the next round, unless the store keeps refusing them: then they are dropped
      // and their deliveries are attempted again when their leases run out.
      if (batch.length + this.results.length <= MAX_WAITING_RESULTS && !isForeignKeyViolation(error)) this.results = batch.concat(this.results);
      else this.settle(batch);
      throw error;
    }
    this.settle(batch);
    await this.recordOutcomes(batch);
    const dead = new Map<string, AttemptResult[]>();
    for (const result of batch) if (result.status === 'dead') dead.set(result.endpointId, [...(dead.get(result.endpointId) ?? []), result]);
    for (const [endpoint, results] of dead) {
      const [first] = results;
      this.options.logger.warn({ endpoint, deliveries: results.length, event: first?.eventId, attempts: first?.attempt, error: first?.error }, 'webhook deliveries are dead: their retries ran out');
    }
    const disabled = await disableFailingEndpoints(db, [...dead.keys()], this.options.config.ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS);
    for (const id of disabled) {
      this.options.logger.warn({ endpoint: id }, 'webhook endpoint disabled: it has failed without a success for too long');
      this.endpoints.delete(id);
    }
  }

  /** These results are recorded (or given up): their endpoints may claim that many more. */
  private settle(batch: AttemptResult[]): void {
    for (const result of batch) {
      const endpoint = this.endpoints.get(result.endpointId);
      if (endpoint) endpoint.unrecorded = Math.max(0, endpoint.unrecorded - 1);
    }
    this.claimCycle.wake(COALESCE_MS);
  }

  /**
   * Records each endpoint's latest outcome (a success ends a failing streak, a failure starts
   * one) when it changed, and otherwise at most every few seconds: not one write per batch.
   */
  private async recordOutcomes(batch: AttemptResult[]): Promise<void> {
    const succeeded = new Map<string, boolean>();
    for (const result of batch) succeeded.set(result.endpointId, (succeeded.get(result.endpointId) ?? false) || result.status === 'succeeded');
    const now = Date.now();
    const changed = [...succeeded]
      .filter(([endpointId, ok]) => {
        const last = this.outcomes.get(endpointId);
        return !last || last.succeeded !== ok || now - last.at >= OUTCOME_REFRESH_MS;
      })
      .map(([endpointId, ok]) => ({ endpointId, succeeded: ok }));
    if (changed.length === 0) return;
    await recordEndpointOutcomes(this.options.db.pool, changed);
    for (const outcome of changed) this.outcomes.set(outcome.endpointId, { succeeded: outcome.succeeded, at: now });
  }

  /** Deletes events (and delivery logs) past retention; safe to call from any process at any time. */
  async pruneExpired(now: Date = new Date()): Promise<number> {
    const db = this.options.db.pool;
    const cutoff = new Date(now.getTime() - this.options.config.ROSTER_EVENT_RETENTION_DAYS * 86_400_000);
    let total = 0;
    for (;;) {
      const deleted = await pruneEvents(db, cutoff, PRUNE_BATCH);
      total += deleted;
      if (deleted < PRUNE_BATCH || !this.running) break;
    }
    await pruneDeliveries(db, eventIdBefore(cutoff));
    await deleteExpiredWebhookSecrets(db);
    if (total > 0) this.options.logger.info({ deleted: total, before: cutoff.toISOString() }, 'deleted events past retention');
    return total;
  }
}
