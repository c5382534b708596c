import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// What the fake sources share: a loopback HTTP server, body reading, JSON answers, opaque page
// tokens bound to their query, and the faults tests and demos inject (latency, throttling,
// outages) with counts of what was called and how many calls were in flight at once.

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

export interface Throttling {
  /** Every n-th API call is refused (1: every call). */
  every: number;
  /** How the source says "slow down". */
  answer: () => FakeAnswer;
}

export interface CallStats {
  /** Calls by route name (users.list, token, ...). */
  calls: Record<string, number>;
  total: number;
  inFlight: number;
  maxInFlight: number;
}

export class FakeServer {
  readonly stats: CallStats = { calls: {}, total: 0, inFlight: 0, maxInFlight: 0 };
  /** Added to every API call's answer time. */
  latencyMs = 0;
  throttling: Throttling | undefined;
  /** Answers the next calls with this instead (an outage, revoked access), counting down. */
  private forced: { answer: FakeAnswer; remaining: number } | undefined;
  private server: Server | undefined;
  url = '';

  constructor(private readonly route: (request: FakeRequest) => Promise<FakeAnswer & { name: string; api?: boolean }>) {}

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    // Keep-alive sockets must not hold close() up.
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host}:${address.port}`;
    return this.url;
  }

  /** The next `count` API calls get this answer. */
  failNext(answer: FakeAnswer, count = 1): void {
    this.forced = { answer, remaining: count };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const fake: FakeRequest = { method: request.method ?? 'GET', url: new URL(request.url ?? '/', 'http://fake'), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
    this.stats.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
    let answer: FakeAnswer;
    try {
      const routed = await this.route(fake);
      this.stats.calls[routed.name] = (this.stats.calls[routed.name] ?? 0) + 1;
      this.stats.total++;
      answer = routed;
      if (routed.api) {
        if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
        if (this.forced && this.forced.remaining > 0) {
          this.forced.remaining--;
          answer = this.forced.answer;
        } else if (this.throttling && this.stats.total % this.throttling.every === 0) {
          answer = this.throttling.answer();
        }
      }
    } catch (error) {
      answer = { status: 500, body: { error: String(error) } };
    } finally {
      this.stats.inFlight--;
    }
    const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const type = typeof answer.body === 'object' ? { 'content-type': 'application/json; charset=UTF-8' } : {};
    response.writeHead(answer.status, { ...type, ...answer.headers });
    response.end(body);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function json(status: number, body: object, headers: Record<string, string> = {}): FakeAnswer {
  return { status, body, headers };
}

export function redirect(location: string): FakeAnswer {
  return { status: 302, headers: { location } };
}

/** Opaque page tokens as real APIs give them: the next offset, bound to the query that made it. */
export class PageTokens {
  private static hash(query: string): string {
    return createHash('sha256').update(query).digest('base64url').slice(0, 10);
  }

  static issue(query: string, offset: number): string {
    return Buffer.from(JSON.stringify([PageTokens.hash(query), offset])).toString('base64url');
  }

  /** The offset, or undefined for a token from another query or one never issued. */
  static read(query: string, token: string): number | undefined {
    try {
      const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      if (Array.isArray(value) && value[0] === PageTokens.hash(query) && Number.isInteger(value[1]) && (value[1] as number) >= 0) return value[1] as number;
    } catch {
      // Not a token of ours.
    }
    return undefined;
  }
}

/** A page of `items` from `offset`, and the token of the next page (absent on the last). */
export function pageOf<T>(items: readonly T[], offset: number, size: number, query: string): { page: T[]; next: string | undefined } {
  const page = items.slice(offset, offset + size);
  return { page, next: offset + size < items.length ? PageTokens.issue(query, offset + size) : undefined };
}

export function formOrJson(request: FakeRequest): Record<string, string> {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(request.body);
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(request.body));
}

export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
