import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

// A webhook receiver for tests: a real HTTP server on loopback that records every request and
// answers as the test tells it (status, delay), like an app's endpoint would.

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  headers: IncomingHttpHeaders;
  body: string;
  event: Record<string, unknown>;
  /** Milliseconds since the epoch when it arrived. */
  at: number;
}

export interface Answer {
  status?: number;
  delayMs?: number;
  body?: string;
}

export type Responder = (request: ReceivedWebhook, count: number) => Answer;

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private respond: Responder = () => ({ status: 204 });
  private readonly hanging = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(respond?: Responder, host = '127.0.0.1'): Promise<WebhookReceiver> {
    const state: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const receiver = state.receiver;
        if (!receiver) return response.end();
        const body = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(request.headers[name] ?? '');
        let event: Record<string, unknown> = {};
        try {
          event = JSON.parse(body) as Record<string, unknown>;
        } catch {
          // Recorded as is; the test will notice.
        }
        const webhook: ReceivedWebhook = { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), headers: request.headers, body, event, at: Date.now() };
        receiver.received.push(webhook);
        const answer = receiver.respond(webhook, receiver.received.length);
        const send = () => {
          response.statusCode = answer.status ?? 204;
          response.end(answer.body ?? '');
        };
        if (!answer.delayMs) return send();
        const release = () => {
          clearTimeout(timer);
          response.destroy();
        };
        const timer = setTimeout(() => {
          receiver.hanging.delete(release);
          send();
        }, answer.delayMs);
        receiver.hanging.add(release);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(server, `http://${host.includes(':') ? `[${host}]` : host}:${port}/hooks`);
    if (respond) receiver.respond = respond;
    state.receiver = receiver;
    return receiver;
  }

  answer(respond: Responder): void {
    this.respond = respond;
  }

  /** The webhook-ids received, in arrival order (with repeats). */
  ids(): string[] {
    return this.received.map((webhook) => webhook.id);
  }

  /** Verifies every request's signature with the standardwebhooks package; returns the failures. */
  unverified(secrets: string[]): ReceivedWebhook[] {
    return this.received.filter((webhook) => {
      const headers = { 'webhook-id': webhook.id, 'webhook-timestamp': webhook.timestamp, 'webhook-signature': webhook.signature };
      return !secrets.some((secret) => {
        try {
          new Webhook(secret).verify(webhook.body, headers);
          return true;
        } catch {
          return false;
        }
      });
    });
  }

  async close(): Promise<void> {
    for (const release of this.hanging) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
