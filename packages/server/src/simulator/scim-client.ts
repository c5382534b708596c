import { isRecord, stringOf } from './json.js';
import { Pacer, Semaphore } from './pacer.js';
import type { RequestStats } from './request-stats.js';

/** How one provider's requests look on the wire. */
export interface RequestStyle {
  /** Sent on every request (User-Agent, Accept). */
  headers: Record<string, string>;
  /** The Content-Type of request bodies. */
  contentType: string;
}

export interface ScimClientOptions {
  /** The directory's SCIM base URL, without a trailing slash. */
  baseUrl: string;
  token: string;
  style: RequestStyle;
  stats: RequestStats;
  concurrency: number;
  /** Requests a second at most; when absent, below what the server advertises (pacer.ts). */
  rate?: number;
  /** A pacer shared with the run's other clients, so together they keep to one rate. */
  pacer?: Pacer;
  /** Okta gives every request 60 s. */
  timeoutMillis?: number;
  /** How often a 429 or 503 is retried before it counts as a failure. */
  maxRetries?: number;
  fetch?: typeof fetch;
}

export interface ScimResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number>;
  /** The statuses the provider expects; anything else is a failure. 2xx when absent. */
  expect?: readonly number[];
}

/** A response the simulated provider did not expect; the object it was working on is abandoned. */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number | 'network',
    readonly detail: string,
  ) {
    super(`${method} ${path} -> ${status}: ${detail}`);
  }
}

const MAX_RETRY_WAIT_MILLIS = 60_000;

/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date. */
export function retryAfterMillis(header: string | null, attempt: number, now = Date.now()): number {
  const fallback = Math.min(MAX_RETRY_WAIT_MILLIS, 500 * 2 ** attempt);
  if (!header) return fallback;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(MAX_RETRY_WAIT_MILLIS, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return fallback;
  return Math.min(MAX_RETRY_WAIT_MILLIS, Math.max(0, date - now));
}

/**
 * How long to wait before retrying a 429 (or 503): Retry-After plus up to half as much again at
 * random (at least a quarter second's spread), so that concurrent requests refused together do
 * not all come back in the same instant.
 */
export function retryDelayMillis(header: string | null, attempt: number, random: () => number = Math.random, now = Date.now()): number {
  const base = retryAfterMillis(header, attempt, now);
  return base + random() * Math.min(5_000, Math.max(250, base / 2));
}

/** Builds a query string the way IdPs' HTTP stacks do: spaces as %20, quotes escaped. */
export function queryString(query: Record<string, string | number> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function detailOf(body: unknown, text: string): string {
  if (isRecord(body)) return stringOf(body.detail) ?? text.slice(0, 300);
  return text.slice(0, 300);
}

/** The simulator's only way to the server: bearer token, pacing, bounded concurrency, 429 retries with jitter, statistics. */
export class ScimClient {
  private readonly pacer: Pacer;
  private readonly slots: Semaphore;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ScimClientOptions) {
    this.pacer = options.pacer ?? new Pacer(options.rate);
    this.slots = new Semaphore(Math.max(1, options.concurrency));
    this.fetch = options.fetch ?? fetch;
  }

  get stats(): RequestStats {
    return this.options.stats;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ScimResponse> {
    const url = `${this.options.baseUrl}${path}${queryString(options.query)}`;
    const headers: Record<string, string> = { ...this.options.style.headers, authorization: `Bearer ${this.options.token}` };
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = this.options.style.contentType;
    const maxRetries = this.options.maxRetries ?? 8;
    for (let attempt = 0; ; attempt++) {
      const response = await this.attempt(method, path, url, headers, payload);
      const retriable = response.status === 429 || (response.status === 503 && response.headers.has('retry-after'));
      if (retriable && attempt < maxRetries) {
        this.stats.retries++;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMillis(response.headers.get('retry-after'), attempt)));
        continue;
      }
      const expected = options.expect ? options.expect.includes(response.status) : response.status >= 200 && response.status < 300;
      if (!expected) {
        const detail = detailOf(response.body, response.text);
        this.stats.recordUnexpected({ method, path, status: response.status, detail });
        throw new UnexpectedResponseError(method, path, response.status, detail);
      }
      return { status: response.status, headers: response.headers, body: response.body };
    }
  }

  private async attempt(method: string, path: string, url: string, headers: Record<string, string>, payload: string | undefined) {
    await this.slots.acquire();
    try {
      await this.pacer.take();
      const started = performance.now();
      let response: Response;
      let text: string;
      try {
        response = await this.fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(this.options.timeoutMillis ?? 60_000) });
        text = await response.text();
      } catch (error) {
        this.pacer.follow(null);
        this.stats.recordResponse('network', performance.now() - started);
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        this.stats.recordUnexpected({ method, path, status: 'network', detail });
        throw new UnexpectedResponseError(method, path, 'network', detail);
      }
      this.stats.recordResponse(response.status, performance.now() - started);
      this.pacer.follow(response.headers.get('ratelimit-policy'));
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: response.status, headers: response.headers, body, text };
    } finally {
      this.slots.release();
    }
  }

  get(path: string, query?: Record<string, string | number>, expect?: readonly number[]) {
    return this.request('GET', path, { ...(query ? { query } : {}), ...(expect ? { expect } : {}) });
  }

  post(path: string, body: unknown, expect?: readonly number[]) {
    return this.request('POST', path, { body, ...(expect ? { expect } : {}) });
  }

  put(path: string, body: unknown) {
    return this.request('PUT', path, { body });
  }

  patch(path: string, operations: unknown[]) {
    return this.request('PATCH', path, { body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations } });
  }

  delete(path: string) {
    return this.request('DELETE', path);
  }
}
