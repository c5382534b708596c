import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small HTTP proxy in front of a real Roster that can answer a request itself instead (a 429, a
// 503, a 401), so the SDK's retries and token refresh meet the answers a load balancer, a rate
// limiter or an expired token produce.

export interface Intercept {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Decides per request: an answer of its own, or undefined to pass the request on. */
export type Interceptor = (request: { method: string; path: string; count: number }) => Intercept | undefined;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class FlakyProxy {
  /** Every request seen, as `METHOD /path`, in order. */
  readonly seen: string[] = [];
  private intercept: Interceptor = () => undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<FlakyProxy> {
    const state: { proxy?: FlakyProxy } = {};
    const server = createServer((request, response) => {
      void (async () => {
        const proxy = state.proxy;
        if (!proxy) return response.end();
        const method = request.method ?? 'GET';
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        proxy.seen.push(`${method} ${path}`);
        const count = proxy.seen.filter((entry) => entry === `${method} ${path}`).length;
        const body = await readBody(request);
        const own = proxy.intercept({ method, path, count });
        if (own) {
          response.writeHead(own.status, { 'content-type': 'application/json', ...own.headers });
          return response.end(own.body === undefined ? '' : JSON.stringify(own.body));
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
        const upstream = await fetch(`${target}${request.url ?? '/'}`, { method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
        const answer: Record<string, string> = {};
        upstream.headers.forEach((value, name) => {
          if (!HOP_BY_HOP.has(name)) answer[name] = value;
        });
        response.writeHead(upstream.status, answer);
        response.end(Buffer.from(await upstream.arrayBuffer()));
      })().catch((error: unknown) => {
        response.statusCode = 502;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const proxy = new FlakyProxy(server, `http://127.0.0.1:${port}`);
    state.proxy = proxy;
    return proxy;
  }

  /** Sets how the following requests are answered; clears what was seen. */
  answer(intercept: Interceptor): void {
    this.intercept = intercept;
    this.seen.length = 0;
  }

  count(entry: string): number {
    return this.seen.filter((seen) => seen === entry).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
