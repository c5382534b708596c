import type { Logger } from 'pino';
import { newId } from '../../ids.js';
import { redactCredentials, redactSecrets } from '../../redact.js';
import { storableJson, storableText } from '../../storable-text.js';
import { touchDirectories } from '../../store/directories.js';
import { markSecretsUsed } from '../../store/directory-secrets.js';
import { deleteRequestLogBefore, insertRequestLog, type RequestLogEntry } from '../../store/request-log.js';
import type { Services } from '../services.js';

const FLUSH_MILLIS = 1_000;
/** Request and response bodies larger than this (as UTF-8 JSON) are logged as a note of their size. */
export const LOGGED_BODY_BYTES = 64 * 1024;
const LOGGED_PATH_CHARS = 2_048;
const LOGGED_USER_AGENT_CHARS = 512;
const MAX_BUFFERED = 5_000;
const SWEEP_MILLIS = 60 * 60 * 1000;

/** One SCIM exchange as the plugin saw it; the recorder adds the id and time, and redacts. */
export type ScimRequestRecord = Omit<RequestLogEntry, 'id' | 'createdAt'> & { secretId: string | undefined };

/**
 * Records what SCIM requests leave behind outside their transaction: the request log, the
 * directory's last-request time and the secret's last use. Buffered and written in batches a
 * second apart, so no request waits for them and no directory row becomes a hot spot.
 */
export class ActivityRecorder {
  private log: RequestLogEntry[] = [];
  private directories = new Map<string, Date>();
  private secrets = new Map<string, Date>();
  private timer: NodeJS.Timeout | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Entries shed because the buffer was full. */
  dropped = 0;
  /** Entries the store refused even alone. */
  rejected = 0;

  constructor(
    private readonly services: Pick<Services, 'db' | 'config'>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MILLIS);
    this.timer.unref();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MILLIS);
    this.sweeper.unref();
  }

  record(request: ScimRequestRecord): void {
    const now = new Date();
    this.directories.set(request.directoryId, now);
    if (request.secretId) this.secrets.set(request.secretId, now);
    if (this.log.length >= MAX_BUFFERED) {
      // The store is not keeping up; shed log lines rather than memory.
      this.dropped++;
      return;
    }
    this.log.push({
      directoryId: request.directoryId,
      id: newId('req'),
      createdAt: now,
      // Whatever the client sent, the entry can be stored (storable-text.ts).
      method: storableText(request.method, 16),
      path: storableText(redactCredentials(request.path), LOGGED_PATH_CHARS),
      status: request.status,
      durationMs: request.durationMs,
      userAgent: request.userAgent === null ? null : storableText(request.userAgent, LOGGED_USER_AGENT_CHARS),
      requestBody: storableJson(redactSecrets(request.requestBody), LOGGED_BODY_BYTES),
      responseBody: storableJson(redactSecrets(request.responseBody), LOGGED_BODY_BYTES),
    });
  }

  /** Writes everything buffered; resolves when it is stored. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write()).catch((error: unknown) => {
      this.logger.error({ err: error }, 'writing the SCIM request log failed');
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const log = this.log;
    const directories = this.directories;
    const secrets = this.secrets;
    this.log = [];
    this.directories = new Map();
    this.secrets = new Map();
    const db = this.services.db.pool;
    await this.store(log);
    // The stamps do not depend on the log: each is written whatever became of the other writes.
    await this.attempt('recording when directories were last called', async () => {
      const connected = await touchDirectories(db, [...directories].map(([directoryId, at]) => ({ directoryId, at })));
      for (const directory of connected) {
        this.logger.info(
          { directory_id: directory.id, organization_id: directory.organization_id, provider: directory.directory_provider },
          'directory connected: its identity provider called the SCIM endpoint for the first time',
        );
      }
    });
    await this.attempt('recording when secrets were last used', () => markSecretsUsed(db, [...secrets].map(([secretId, at]) => ({ secretId, at }))));
  }

  /**
   * Stores a batch in one statement; if the store refuses it, each entry alone, so an entry that
   * still cannot be stored costs only itself, never its batch (other tenants' entries included).
   */
  private async store(log: RequestLogEntry[]): Promise<void> {
    const db = this.services.db.pool;
    try {
      await insertRequestLog(db, log);
      return;
    } catch (error) {
      if (log.length === 1) return this.reject(log, error);
    }
    for (const entry of log) {
      try {
        await insertRequestLog(db, [entry]);
      } catch (error) {
        this.reject([entry], error);
      }
    }
  }

  private reject(entries: RequestLogEntry[], error: unknown): void {
    this.rejected += entries.length;
    this.logger.warn({ err: error, directory_id: entries[0]?.directoryId, request_log_id: entries[0]?.id }, 'a SCIM request log entry could not be stored; it was dropped');
  }

  private async attempt(what: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.error({ err: error }, `${what} failed`);
    }
  }

  async sweep(): Promise<void> {
    const days = this.services.config.ROSTER_REQUEST_LOG_RETENTION_DAYS;
    try {
      await deleteRequestLogBefore(this.services.db.pool, new Date(Date.now() - days * 86_400_000));
    } catch (error) {
      this.logger.error({ err: error }, 'sweeping the SCIM request log failed');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    await this.flush();
  }
}
