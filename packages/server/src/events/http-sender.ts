import http from 'node:http';
import https from 'node:https';
import type { EventsConfig } from './events-config.js';
import { webhookHeaders } from './signing.js';
import { guardedLookup, isPrivateAddress, literalAddress } from './ssrf-guard.js';

/** What one attempt came to. `statusCode` is null when no response arrived (refused, timeout, network error). */
export interface SendResult {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

const EXCERPT_BYTES = 1024;
/** Bodies beyond this are not read to the end: the connection is dropped instead of kept alive. */
const DRAIN_LIMIT_BYTES = 256 * 1024;

export interface SenderOptions {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Sockets kept per origin: the per-endpoint concurrency. */
  maxSocketsPerOrigin: number;
}

/**
 * A sender configured for webhooks (time limit, private networks) with `maxSocketsPerOrigin`
 * connections per endpoint: the delivery worker's, and the dashboard's one-off test send.
 */
export function webhookSender(config: EventsConfig, maxSocketsPerOrigin: number): WebhookSender {
  return new WebhookSender({
    timeoutMs: config.ROSTER_WEBHOOK_TIMEOUT_SECONDS * 1000,
    allowPrivateNetworks: config.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    maxSocketsPerOrigin,
  });
}

/** POSTs signed webhook bodies over keep-alive connections, refusing private addresses unless allowed. */
export class WebhookSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: SenderOptions) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSocketsPerOrigin, maxFreeSockets: options.maxSocketsPerOrigin, scheduling: 'lifo' as const };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** POSTs `body` signed (Standard Webhooks) with every secret in `secrets`, as of `at`. */
  sendSigned(target: string, secrets: readonly string[], eventId: string, body: string, at: Date): Promise<SendResult> {
    return this.send(target, webhookHeaders(secrets, eventId, Math.floor(at.getTime() / 1000), body), body);
  }

  send(target: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const done = (result: Omit<SendResult, 'latencyMs'>): SendResult => ({ ...result, latencyMs: performance.now() - started });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return Promise.resolve(done({ statusCode: null, error: `invalid URL ${target}`, responseExcerpt: null }));
    }
    const literal = literalAddress(url.hostname);
    if (!this.options.allowPrivateNetworks && literal !== undefined && isPrivateAddress(literal)) {
      return Promise.resolve(done({ statusCode: null, error: `refused: ${literal} is a private or loopback address (set ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true to allow)`, responseExcerpt: null }));
    }
    const secure = url.protocol === 'https:';
    const payload = Buffer.from(body, 'utf8');
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const finish = (result: Omit<SendResult, 'latencyMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(done(result));
      };
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length), 'user-agent': 'Roster-Webhooks/1', ...headers },
        ...(this.options.allowPrivateNetworks ? {} : { lookup: guardedLookup }),
      });
      const timer = setTimeout(() => {
        request.destroy(new Error(`timed out after ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      request.on('error', (error) => finish({ statusCode: null, error: error.message, responseExcerpt: null }));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let total = 0;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (kept < EXCERPT_BYTES) {
            chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
            kept += Math.min(chunk.length, EXCERPT_BYTES - kept);
          }
          if (total > DRAIN_LIMIT_BYTES) response.destroy();
        });
        const complete = () => {
          const excerpt = Buffer.concat(chunks).toString('utf8');
          finish({ statusCode: response.statusCode ?? null, error: null, responseExcerpt: excerpt === '' ? null : excerpt });
        };
        response.on('end', complete);
        response.on('close', complete);
        response.on('error', complete);
      });
      request.end(payload);
    });
  }
}
