// The raw limit of scenario 8: signed POSTs from a process of their own to the bench's
// receivers, through Roster's own sender (keep-alive agent, Standard Webhooks signature), with
// the same requests in flight per endpoint, and nothing else: no store, no claims, no events to
// compose. Run as a child process, as the server is, so that it has its own event loop.
// Usage: node --import tsx bench/lib/raw-webhook-sender.ts '<json: urls, events, concurrency, secret, body>'

import { newId } from '../../src/ids.js';
import { WebhookSender } from '../../src/events/http-sender.js';

interface RawSend {
  urls: string[];
  events: number;
  concurrency: number;
  secret: string;
  body: string;
}

const input = JSON.parse(process.argv[2] ?? '{}') as RawSend;
const sender = new WebhookSender({ timeoutMs: 30_000, allowPrivateNetworks: true, maxSocketsPerOrigin: input.concurrency });
let failed = 0;

async function sendAll(url: string): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < input.events) {
      next++;
      const sent = await sender.sendSigned(url, [input.secret], newId('evt'), input.body, new Date());
      if (sent.statusCode !== 204) failed++;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, lane));
}

await Promise.all(input.urls.map(sendAll));
sender.close();
process.stdout.write(JSON.stringify({ failed }));
