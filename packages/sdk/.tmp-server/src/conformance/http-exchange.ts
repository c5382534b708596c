import http from 'node:http';
import https from 'node:https';
import type { ObservedResponse } from './runscope-assertion.js';

export interface OutgoingRequest {
  method: string;
  /** Absolute URL as the test wrote it; spaces and quotes in the query are percent-encoded here, as Runscope does. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

// node:http rather than fetch: a conformance test must send exactly the headers the IdP
// sends (Accept-Charset, User-Agent, a bare `Authorization: non-token`), and fetch filters some.
export function sendRequest(request: OutgoingRequest): Promise<ObservedResponse> {
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (transport === undefined) return Promise.reject(new Error(`unsupported URL scheme in ${request.url}`));
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(url, { method: request.method, headers, timeout: request.timeoutMs ?? 30_000 }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const responseHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({
          status: incoming.statusCode ?? 0,
          headers: responseHeaders,
          text: Buffer.concat(chunks).toString('utf8'),
          timeMs: Math.round(performance.now() - started),
        });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no response within ${request.timeoutMs ?? 30_000} ms`)));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
