import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult {
  status: number;
  text: string;
  /** From the request leaving (body already serialized) to the last byte of the response. */
  ms: number;
}

/**
 * A keep-alive HTTP/1.1 client on node:http, for load whose requests depend on earlier
 * responses (cursors) or whose every status must be checked. Lighter than fetch, so the
 * client steals less of the 2 cores it shares with the server.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, private readonly headers: Record<string, string>, sockets: number) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** `path` is appended to the base URL's path (`/Users?count=100`). */
  request(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { ...this.headers };
    if (payload !== undefined) {
      headers['content-type'] = 'application/scim+json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: this.base.hostname, port: this.base.port, path: `${this.base.pathname.replace(/\/$/, '')}${path}`, method, headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** Like `request`, but a status other than `expected` is an error. */
  async expect(expected: number, method: string, path: string, body?: unknown): Promise<HttpResult> {
    const result = await this.request(method, path, body);
    if (result.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${result.status} ${result.text.slice(0, 300)}`);
    return result;
  }

  close(): void {
    this.agent.destroy();
  }
}
