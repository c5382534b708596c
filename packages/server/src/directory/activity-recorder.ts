import type { Logger } from 'pino';
import { newId } from '../ids.js';
import { redactSecrets } from '../redact.js';
import { touchDirectories } from '../store/directories.js';
import { markSecretsUsed } from '../store/directory-secrets.js';
import { deleteRequestLogBefore, insertRequestLog, type RequestLogEntry } from '../store/request-log.js';
import type { Services } from './services.js';

const FLUSH_MILLIS = 1_000;
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
  dropped = 0;

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
      method: request.method,
      path: request.path,
      status: request.status,
      durationMs: request.durationMs,
      userAgent: request.userAgent,
      requestBody: redactSecrets(request.requestBody),
      responseBody: redactSecrets(request.responseBody),
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
    await insertRequestLog(db, log);
    const connected = await touchDirectories(db, [...directories].map(([directoryId, at]) => ({ directoryId, at })));
    for (const directory of connected) {
      this.logger.info(
        { directory_id: directory.id, organization_id: directory.organization_id, provider: directory.directory_provider },
        'directory connected: its identity provider called the SCIM endpoint for the first time',
      );
    }
    await markSecretsUsed(db, [...secrets].map(([secretId, at]) => ({ secretId, at })));
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
