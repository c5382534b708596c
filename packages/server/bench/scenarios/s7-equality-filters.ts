// Scenario 7: `userName eq`, `emails.value eq` and `externalId eq` on a large directory, with
// random existing values: throughput and p99 at 4 connections, against the raw limit (the
// exact statement the server sends, run through pg / PGlite at the same concurrency), and the
// plan of that statement, which must be a scan of the attribute's own index.

import { parseFilter } from '../../src/scim/filter/parse-filter.js';
import { USER_RESOURCE } from '../../src/scim/schema/resource-types.js';
import type { Database, Queryable } from '../../src/store/database.js';
import { listResources } from '../../src/store/resources.js';
import { check, count, latency, rate } from '../lib/figures.js';
import { runBounded, runCannon, throughput } from '../lib/load.js';
import type { Scenario } from '../lib/scenario.js';
import { benchUserBody } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';
import { usersFixture, usersStoreKey } from '../lib/users-fixture.js';

interface FilterKind {
  name: string;
  /** The index the plan must use (migrations/001_initial.sql). */
  index: string;
  filter(n: number, random: () => number): string;
}

/** Flips the case of about half the letters: these attributes compare case-insensitively. */
function mixedCase(text: string, random: () => number): string {
  return [...text].map((character) => (random() < 0.5 ? character.toUpperCase() : character.toLowerCase())).join('');
}

function stringAt(n: number, key: 'userName' | 'externalId'): string {
  return String(benchUserBody(n)[key]);
}

function emailAt(n: number): string {
  const emails = benchUserBody(n).emails as { value: string }[];
  return emails[0]?.value ?? '';
}

const KINDS: FilterKind[] = [
  { name: 'userName eq', index: 'directory_users_user_name', filter: (n, random) => `userName eq "${mixedCase(stringAt(n, 'userName'), random)}"` },
  { name: 'emails.value eq', index: 'directory_users_emails', filter: (n, random) => `emails.value eq "${mixedCase(emailAt(n), random)}"` },
  // externalId is caseExact (RFC 7643 section 3.1): sent as stored, or it rightly matches nothing.
  { name: 'externalId eq', index: 'directory_users_external_id', filter: (n) => `externalId eq "${stringAt(n, 'externalId')}"` },
];

/** A small deterministic generator, so runs compare. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The statement the server sends for this filter's first page, captured from listResources itself. */
async function serverStatement(directoryId: string, filterText: string): Promise<{ text: string; values: unknown[] }> {
  const parsed = parseFilter(USER_RESOURCE, filterText);
  if (!parsed.ok) throw parsed.error;
  let captured: { text: string; values: unknown[] } | undefined;
  const recorder = {
    query: async (statement: string | { text: string; values?: unknown[] }, values: unknown[] = []) => {
      captured = typeof statement === 'string' ? { text: statement, values } : { text: statement.text, values: statement.values ?? [] };
      return { rows: [] };
    },
  };
  // listResources only calls query(text, values) or query(config) (store/prepared.ts); the recorder stands in for the pool.
  await listResources(recorder as unknown as Queryable, USER_RESOURCE, directoryId, { filter: parsed.value, limit: 100 });
  if (!captured) throw new Error('listResources sent no query');
  return captured;
}

async function explain(db: Database, statement: { text: string; values: unknown[] }, index: string) {
  const result = await db.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
  const plan = result.rows.map((row) => row['QUERY PLAN']);
  const scans = plan.filter((line) => /Scan/.test(line)).map((line) => line.trim().replace(/^->\s*/, '').replace(/\s+\(cost.*$/, ''));
  const usesIndex = plan.some((line) => line.includes(`Index Scan using ${index} `) || line.includes(`Index Only Scan using ${index} `) || line.includes(`Bitmap Index Scan on ${index} `));
  const seqScan = plan.some((line) => line.includes('Seq Scan on directory_users'));
  const time = plan.find((line) => line.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  return { plan, scans, time, met: usesIndex && !seqScan };
}

export const equalityFilters: Scenario = {
  id: 7,
  title: 'userName / emails.value / externalId eq filters',
  storeKey: usersStoreKey,
  async run(bench) {
    const { users } = await usersFixture(bench);
    const { connections, filterSeconds } = bench.sizes;
    const { directoryId } = bench.directory;
    const random = generator(7);
    const pick = () => Math.floor(random() * users);

    const offline = await bench.offline(async (db) => {
      const results = [];
      for (const kind of KINDS) {
        const statements = await Promise.all(Array.from({ length: 2_000 }, () => serverStatement(directoryId, kind.filter(pick(), random))));
        const first = statements[0];
        if (!first) throw new Error('no statement');
        // The first execution pays for cold caches and catalog look-ups; the third is what load sees.
        await explain(db, statements[1] ?? first, kind.index);
        await explain(db, statements[2] ?? first, kind.index);
        const plan = await explain(db, first, kind.index);
        let next = 0;
        // The raw rate is steady within a couple of seconds; half the server's duration is plenty.
        const raw = await runBounded({
          concurrency: connections,
          durationMs: Math.max(2, filterSeconds / 2) * 1000,
          task: async () => {
            const statement = statements[next++ % statements.length] ?? first;
            const result = await db.pool.query(statement.text, statement.values);
            if (result.rowCount !== 1) throw new Error(`raw ${kind.name} matched ${result.rowCount} rows`);
          },
        });
        results.push({ kind, plan, raw, sql: first.text });
      }
      return results;
    });

    for (const { kind, plan, sql } of offline) {
      bench.record(check(`${kind.name} plan`, `${plan.scans.join(' / ')} (${plan.time})`, `index scan on ${kind.index}`, plan.met, { plan: plan.plan, sql }));
    }

    const online = await bench.online(async (server) => {
      const base = new URL(server.scimUrl).pathname;
      const results = [];
      for (const kind of KINDS) {
        // Each value must find exactly its user before its speed means anything.
        let wrong = 0;
        for (let sample = 0; sample < 20; sample++) {
          const n = pick();
          const result = await server.client.expect(200, 'GET', `/Users?filter=${encodeURIComponent(kind.filter(n, random))}`);
          const body = JSON.parse(result.text) as { totalResults: number; Resources?: { userName: string }[] };
          if (body.totalResults !== 1 || body.Resources?.[0]?.userName !== stringAt(n, 'userName')) wrong++;
        }
        const next = () => ({ method: 'GET' as const, path: `${base}/Users?filter=${encodeURIComponent(kind.filter(pick(), random))}` });
        await runCannon({ url: server.scimUrl, connections, durationSeconds: 1, headers: server.headers, next });
        const load = await runCannon({ url: server.scimUrl, connections, durationSeconds: filterSeconds, headers: server.headers, next });
        results.push({ kind, wrong, load });
      }
      return results;
    });

    let errors = 0;
    let wrong = 0;
    for (const [index, { kind, load, wrong: misses }] of online.entries()) {
      const measured = offline[index];
      const rawRate = measured ? throughput(measured.raw) : undefined;
      bench.record(rate(`${kind.name} throughput`, throughput(load), { raw: rawRate, minRate: 10_000, extra: { rawLatency: measured && summarize(measured.raw.latencies) } }));
      bench.record(latency(`${kind.name} latency`, summarize(load.latencies), 5));
      errors += load.errors + (measured?.raw.errors ?? 0);
      wrong += misses;
    }
    bench.record(count('filter errors and wrong matches', errors + wrong, 0, 'exactly', { errors, wrong, statuses: online.map((run) => run.load.statuses) }));
  },
};
