// Scenario 3: many tenants at once, each an IdP at a steady 25 req/s (70% filtered GET, 20%
// PATCH, 10% POST), open loop as IdPs send (a slow answer does not slow the next request),
// while one tenant bursts to 500 req/s through the middle third of the run. The burst must
// not push the other tenants' p99 past 50 ms: one directory's sync is not every directory's.
// The server runs with its default per-directory rate limit (the isolation a deployment has),
// so the burst is partly answered 429: counted as throttled, not as errors.

import { newId } from '../../src/ids.js';
import { hashSecret, newSecret } from '../../src/secrets.js';
import { insertDirectorySecret } from '../../src/store/directory-secrets.js';
import { count, latency } from '../lib/figures.js';
import { HttpClient } from '../lib/http-client.js';
import { PATCH_OP, type Scenario } from '../lib/scenario.js';
import { benchUserBody, seedDirectory, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

const STEADY_RATE = 25;
const BURST_RATE = 500;
const TICK_MS = 5;
const P99_LIMIT = 30;
const P99_DURING_BURST_LIMIT = 50;
/** config.ts's defaults, which the bench otherwise lifts. */
const DEFAULT_LIMITS = { ROSTER_SCIM_RATE_LIMIT: '200', ROSTER_SCIM_RATE_BURST: '400' };

interface Tenant {
  directoryId: string;
  token: string;
  /** Seeded user ids; user `n` has benchUserBody(n)'s userName. */
  users: string[];
}

interface Sample {
  at: number;
  ms: number;
}

interface TenantLoad {
  samples: Sample[];
  errors: number;
  /** 429s: the rate limit turning the burst away. */
  throttled: number;
  firstError?: string;
  sent: number;
}

/** A small deterministic generator per tenant, so runs send the same mix. */
function generator(seed: number): () => number {
  let state = seed + 1;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function request(tenant: Tenant, index: number, random: () => number, posted: () => number): { method: string; path: string; body?: unknown; expect: number } {
  const roll = random();
  const n = Math.floor(random() * tenant.users.length);
  if (roll < 0.7) {
    const userName = benchUserBody(n).userName as string;
    return { method: 'GET', path: `/Users?filter=${encodeURIComponent(`userName eq "${userName.toLowerCase()}"`)}`, expect: 200 };
  }
  if (roll < 0.9) {
    const body = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: `Renamed ${index}` }] };
    return { method: 'PATCH', path: `/Users/${tenant.users[n] ?? ''}`, body, expect: 200 };
  }
  return { method: 'POST', path: '/Users', body: benchUserBody(1_000_000 + posted(), 'Tenant'), expect: 201 };
}

export const tenants: Scenario = {
  id: 3,
  title: 'many tenants at 25 req/s each, one bursting to 500 req/s',
  async run(bench) {
    const { tenants: tenantCount, tenantSeconds, tenantUsers } = bench.sizes;

    const seeded = await bench.fixture(`${tenantCount} tenants`, async (db) => {
      const all: Tenant[] = [];
      for (let index = 0; index < tenantCount; index++) {
        // Tenant 0 is the bench directory; the others are organizations of their own.
        const directory = index === 0 ? bench.directory : await seedDirectory(db.pool, `Tenant ${index}`);
        const token = newSecret('rsk');
        await insertDirectorySecret(db.pool, { id: newId('dirsec'), directoryId: directory.directoryId, hash: hashSecret(token), suffix: token.slice(-4), expiresAt: null });
        const users = await seedUsers(db.pool, directory.directoryId, 0, tenantUsers);
        all.push({ directoryId: directory.directoryId, token, users });
      }
      return all;
    });

    const durationMs = tenantSeconds * 1000;
    const burst = { from: durationMs / 3, to: (2 * durationMs) / 3 };
    const loads = await bench.online(async ({ baseUrl, headers }) => {
      const clients = seeded.map(
        (tenant, index) => new HttpClient(`${baseUrl}/api/v1/directories/${tenant.directoryId}/scim/v2`, { ...headers, authorization: `Bearer ${tenant.token}` }, index === 0 ? 64 : 8),
      );
      const results: TenantLoad[] = seeded.map(() => ({ samples: [], errors: 0, throttled: 0, sent: 0 }));
      const randoms = seeded.map((_, index) => generator(index));
      let posts = 0;
      const inFlight = new Set<Promise<void>>();
      const started = performance.now();
      // Requests due by now: steady tenants at 25/s, tenant 0 at 500/s inside the burst window.
      const due = (index: number, elapsed: number) =>
        index === 0 ? Math.floor(Math.min(elapsed, burst.from) * STEADY_RATE / 1000 + Math.max(0, Math.min(elapsed, burst.to) - burst.from) * BURST_RATE / 1000 + Math.max(0, elapsed - burst.to) * STEADY_RATE / 1000) : Math.floor((elapsed * STEADY_RATE) / 1000);
      for (;;) {
        const elapsed = performance.now() - started;
        if (elapsed >= durationMs) break;
        for (const [index, tenant] of seeded.entries()) {
          const result = results[index];
          const client = clients[index];
          const random = randoms[index];
          if (!result || !client || !random) continue;
          while (result.sent < due(index, elapsed)) {
            const next = request(tenant, result.sent++, random, () => posts++);
            const at = performance.now() - started;
            const sent = client
              .request(next.method, next.path, next.body)
              .then((response) => {
                if (response.status === next.expect) result.samples.push({ at, ms: response.ms });
                else if (response.status === 429) result.throttled++;
                else {
                  result.errors++;
                  result.firstError ??= `${next.method} ${next.path}: ${response.status} ${response.text.slice(0, 200)}`;
                }
              })
              .catch((error: unknown) => {
                result.errors++;
                result.firstError ??= error instanceof Error ? error.message : String(error);
              })
              .finally(() => inFlight.delete(sent));
            inFlight.add(sent);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, TICK_MS));
      }
      await Promise.all(inFlight);
      for (const client of clients) client.close();
      return results;
    }, { env: DEFAULT_LIMITS });

    const inBurst = (sample: Sample) => sample.at >= burst.from && sample.at < burst.to;
    const [bursting, ...steady] = loads;
    const steadySamples = steady.flatMap((load) => load.samples);
    const perTenantP99 = steady.map((load) => summarize(load.samples.map((sample) => sample.ms)).p99);
    const label = `${tenantCount - 1} steady tenants`;
    bench.record(latency(`${label}, outside the burst`, summarize(steadySamples.filter((sample) => !inBurst(sample)).map((sample) => sample.ms)), P99_LIMIT, { worstTenantP99: Math.max(...perTenantP99) }));
    bench.record(latency(`${label}, during the burst`, summarize(steadySamples.filter(inBurst).map((sample) => sample.ms)), P99_DURING_BURST_LIMIT));
    if (bursting) {
      bench.record(latency('bursting tenant, at 25 req/s', summarize(bursting.samples.filter((sample) => !inBurst(sample)).map((sample) => sample.ms)), P99_LIMIT));
      bench.record(latency(`bursting tenant, at ${BURST_RATE} req/s`, summarize(bursting.samples.filter(inBurst).map((sample) => sample.ms))));
    }
    const errors = loads.reduce((sum, load) => sum + load.errors, 0);
    bench.record(count('request errors, all tenants', errors, 0, 'exactly', { sent: loads.reduce((sum, load) => sum + load.sent, 0), firstError: loads.find((load) => load.firstError)?.firstError }));
    bench.record(count('429s, steady tenants', steady.reduce((sum, load) => sum + load.throttled, 0), 0));
    if (bursting) bench.record({ figure: 'throttled (429), bursting tenant', value: `${bursting.throttled.toLocaleString('en-US')} of ${bursting.sent.toLocaleString('en-US')}`, data: { throttled: bursting.throttled, sent: bursting.sent } });
    bench.detail('per-tenant p99', perTenantP99);
  },
};
