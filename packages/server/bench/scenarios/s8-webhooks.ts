// Scenario 8: a 10k-member PATCH produces 10k user_updated events (and one group_updated): the
// change commits with its group event and its change record, the user events are composed from
// the record right after, at the change's place in the log, and all are delivered to 3 webhook
// endpoints: two healthy, one answering in
// 1 s with 10% 5xx. Targets: >= 2,000 events/s delivered per healthy endpoint, p99 end-to-end
// lag <= 5 s, and the slow endpoint slows neither the others nor the PATCH (the PATCH is timed
// once with no endpoint and once with the three).
//
// Lag is from the PATCH's response (its commit) to a delivery's arrival at the receiver, so it
// includes composing the events. The receivers run in the bench process, on loopback, like the
// load generator.
//
// The raw limit: afterwards, a bare process sends as many signed POSTs to the same two healthy
// receivers with Roster's own sender, as many in flight per endpoint, and nothing else (no store,
// no events to compose). Its rate runs from its first arrival to its last; Roster's from the commit.

import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret } from '../../src/events/signing.js';
import { newId } from '../../src/ids.js';
import { insertWebhookEndpoint, insertWebhookSecret } from '../../src/store/webhook-endpoints.js';
import { check, count, latency, rate } from '../lib/figures.js';
import { PATCH_OP, type Scenario } from '../lib/scenario.js';
import { seedGroups, seedUsers } from '../lib/seed.js';
import { round, summarize } from '../lib/stats.js';

const MEMBERS = 10_000;
const EVENTS = MEMBERS + 1;
const DELIVERY_TIMEOUT_MS = 180_000;
/** ROSTER_WEBHOOK_CONCURRENCY's default: the raw sender keeps as many requests in flight per endpoint. */
const RAW_CONCURRENCY = 16;
const RAW_SENDER = fileURLToPath(new URL('../lib/raw-webhook-sender.ts', import.meta.url));

interface Arrival {
  id: string;
  type: string;
  at: number;
  body: string;
  timestamp: string;
  signature: string;
}

interface Receiver {
  url: string;
  arrivals: Arrival[];
  statuses: Map<number, number>;
  close(): Promise<void>;
}

/** An app's endpoint: records each delivery's arrival; `slow` answers in 1 s, with 10% 503. */
async function startReceiver(slow: boolean): Promise<Receiver> {
  const arrivals: Arrival[] = [];
  const statuses = new Map<number, number>();
  let served = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      arrivals.push({
        id: String(request.headers['webhook-id']),
        type: /"type":"([^"]+)"/.exec(Buffer.concat(chunks).subarray(0, 200).toString('utf8'))?.[1] ?? '',
        at: performance.timeOrigin + performance.now(),
        body: Buffer.concat(chunks).toString('utf8'),
        timestamp: String(request.headers['webhook-timestamp']),
        signature: String(request.headers['webhook-signature']),
      });
      const status = slow && ++served % 10 === 0 ? 503 : 204;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const answer = () => {
        response.statusCode = status;
        response.end();
      };
      if (slow) setTimeout(answer, 1_000);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    arrivals,
    statuses,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Per endpoint, the rate from first to last arrival of `events` signed POSTs sent by a bare process (raw-webhook-sender.ts). */
async function rawDeliveryRate(receivers: Receiver[], secret: string, body: string): Promise<number[]> {
  for (const receiver of receivers) receiver.arrivals.length = 0;
  const input = { urls: receivers.map((receiver) => receiver.url), events: EVENTS, concurrency: RAW_CONCURRENCY, secret, body };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', RAW_SENDER, JSON.stringify(input)], { maxBuffer: 1 << 20 });
  const { failed } = JSON.parse(stdout) as { failed: number };
  if (failed > 0) throw new Error(`the raw sender had ${failed} requests fail`);
  return receivers.map((receiver) => {
    const times = receiver.arrivals.map((arrival) => arrival.at);
    return receiver.arrivals.length / ((Math.max(...times) - Math.min(...times)) / 1000);
  });
}

/** The PATCH's own events (the bench's set-up writes a secret_created too). */
const ofThePatch = (arrivals: Arrival[]) => arrivals.filter((arrival) => arrival.type === 'organization.directory.user_updated' || arrival.type === 'organization.directory.group_updated');

function addAll(ids: string[]) {
  return { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }] };
}

export const webhooks: Scenario = {
  id: 8,
  title: '10k-member PATCH -> 10k events -> 3 webhook endpoints (one slow, 10% 5xx)',
  async run(bench) {
    const { directoryId } = bench.directory;
    const fixture = await bench.fixture('webhooks', async (db) => {
      const users = await seedUsers(db.pool, directoryId, 0, MEMBERS);
      const [baseline = '', measured = ''] = await seedGroups(db.pool, directoryId, ['Baseline, no endpoints', 'Measured, 3 endpoints']);
      return { users, baseline, measured };
    });

    // 1. The PATCH with no endpoint at all.
    const baselineMs = await bench.online(async ({ client }) => (await client.expect(204, 'PATCH', `/Groups/${fixture.baseline}`, addAll(fixture.users))).ms);

    // 2. Three endpoints, saved as the management API saves them.
    const receivers = { first: await startReceiver(false), second: await startReceiver(false), slow: await startReceiver(true) };
    try {
      const secrets = await bench.offline(async (db) => {
        const saved: Record<string, string> = {};
        for (const [name, receiver] of Object.entries(receivers)) {
          const endpoint = await insertWebhookEndpoint(db.pool, newId('ep'), { url: receiver.url, description: name, enabled: true, eventTypes: [], organizationId: null });
          saved[name] = newWebhookSecret();
          await insertWebhookSecret(db.pool, endpoint.id, newId('whsec'), saved[name]);
        }
        return saved;
      });

      const measured = await bench.online(
        async ({ client }) => {
          const patch = await client.expect(204, 'PATCH', `/Groups/${fixture.measured}`, addAll(fixture.users));
          const committedAt = performance.timeOrigin + performance.now();
          const healthy = [receivers.first, receivers.second];
          const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
          while (healthy.some((receiver) => new Set(ofThePatch(receiver.arrivals).map((arrival) => arrival.id)).size < EVENTS) && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          const slowSoFar = receivers.slow.arrivals.length;
          const slowSeconds = (performance.timeOrigin + performance.now() - committedAt) / 1000;
          return { patchMs: patch.ms, committedAt, slowSoFar, slowSeconds };
        },
        { env: { ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } },
      );

      bench.record(latency('PATCH +10,000 members, no endpoints', summarize([baselineMs])));
      const ratio = measured.patchMs / baselineMs;
      bench.record(
        check('PATCH +10,000 members, 3 endpoints (one slow)', `${round(measured.patchMs)} ms (${round(ratio)}x of ${round(baselineMs)} ms)`, '<= 500 ms, not slowed', measured.patchMs <= 500 && ratio <= 1.5, {
          patchMs: measured.patchMs,
          baselineMs,
          ratio,
        }),
      );

      const delivered = [['first', receivers.first], ['second', receivers.second]] as const;
      const records = delivered.map(([name, receiver]) => {
        const arrivals = ofThePatch(receiver.arrivals);
        const firstArrival = new Map<string, number>();
        for (const arrival of arrivals) if (!firstArrival.has(arrival.id)) firstArrival.set(arrival.id, arrival.at);
        return { name, arrivals, firstArrival, bodies: receiver.arrivals.map((arrival) => ({ ...arrival })) };
      });
      const template = records[0]?.arrivals.find((arrival) => arrival.type === 'organization.directory.user_updated')?.body ?? '{}';
      // The same receivers, as loaded as Roster found them: only the sender differs.
      const raw = await rawDeliveryRate([receivers.first, receivers.second], secrets['first'] ?? '', template);
      const rawPerEndpoint = Math.min(...raw);
      bench.record(
        rate(`raw limit: signed POSTs/s per endpoint, ${RAW_CONCURRENCY} in flight each, from a bare process`, rawPerEndpoint, { extra: { perEndpoint: raw, bodyBytes: template.length } }),
      );
      for (const { name, arrivals, firstArrival, bodies } of records) {
        const lags = [...firstArrival.values()].map((at) => Math.max(0, at - measured.committedAt));
        const last = Math.max(...lags);
        bench.record(rate(`healthy endpoint ${name}: events delivered/s`, firstArrival.size / (last / 1000), { raw: rawPerEndpoint, minRate: 2_000, extra: { events: firstArrival.size, seconds: last / 1000 } }));
        bench.record(latency(`healthy endpoint ${name}: commit -> delivery lag`, summarize(lags), 5_000));
        bench.record(count(`healthy endpoint ${name}: events missing`, EVENTS - firstArrival.size, 0));
        bench.record(count(`healthy endpoint ${name}: deliveries twice`, arrivals.length - firstArrival.size, 0));
        const unsigned = bodies.filter((arrival) => {
          try {
            new Webhook(secrets[name] ?? '').verify(arrival.body, { 'webhook-id': arrival.id, 'webhook-timestamp': arrival.timestamp, 'webhook-signature': arrival.signature });
            return false;
          } catch {
            return true;
          }
        }).length;
        bench.record(count(`healthy endpoint ${name}: signatures failing standardwebhooks`, unsigned, 0));
      }
      const slowRate = measured.slowSoFar / measured.slowSeconds;
      bench.record(
        check('slow endpoint (1 s, 10% 503): attempts/s meanwhile', `${round(slowRate)}/s (${measured.slowSoFar} attempts, ${receivers.slow.statuses.get(503) ?? 0} answered 503)`, '- (its own concurrency)', true, {
          attempts: measured.slowSoFar,
          seconds: measured.slowSeconds,
          statuses: Object.fromEntries(receivers.slow.statuses),
        }),
      );

      // At the change's place in the log: all 10,001 events carry the PATCH transaction's id.
      const inTransaction = await bench.offline(async (db) => {
        const result = await db.pool.query<{ events: number }>(
          `SELECT count(*)::int AS events FROM events
            WHERE txid = (SELECT txid FROM events WHERE type = 'organization.directory.group_updated' AND data->>'id' = $1 LIMIT 1)`,
          [fixture.measured],
        );
        return result.rows[0]?.events ?? 0;
      });
      bench.record(count("events at the PATCH transaction's log position", inTransaction, EVENTS));
    } finally {
      for (const receiver of Object.values(receivers)) await receiver.close();
    }
  },
};
