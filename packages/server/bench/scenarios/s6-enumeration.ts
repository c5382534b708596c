// Scenario 6: a client reading every user at count=100, by cursor (RFC 9865) and by
// startIndex, one page at a time as an IdP import does; plus a cold startIndex at depth
// (no remembered position: the server must not pay for the rows it skips).

import { check, count, latency } from '../lib/figures.js';
import type { HttpClient } from '../lib/http-client.js';
import type { Scenario } from '../lib/scenario.js';
import { round, summarize } from '../lib/stats.js';
import { usersFixture, usersStoreKey } from '../lib/users-fixture.js';

const PAGE = 100;
const COLD_REPS = 5;
/** docs/performance.md: full enumeration of 1M users in 90 s; smaller directories get their share. */
const SECONDS_PER_MILLION = 90;

interface Page {
  totalResults: number;
  Resources?: { id: string }[];
  nextCursor?: string;
}

interface Enumeration {
  pages: number[];
  seconds: number;
  distinct: number;
  rows: number;
}

async function page(client: HttpClient, query: string, pages: number[], seen: Set<string>): Promise<Page> {
  const result = await client.expect(200, 'GET', `/Users?count=${PAGE}&${query}`);
  pages.push(result.ms);
  const body = JSON.parse(result.text) as Page;
  for (const user of body.Resources ?? []) seen.add(user.id);
  return body;
}

async function enumerate(client: HttpClient, by: 'cursor' | 'startIndex'): Promise<Enumeration> {
  const pages: number[] = [];
  const seen = new Set<string>();
  let rows = 0;
  const started = performance.now();
  if (by === 'cursor') {
    let cursor: string | undefined = '';
    while (cursor !== undefined) {
      const body: Page = await page(client, `cursor=${encodeURIComponent(cursor)}`, pages, seen);
      rows += body.Resources?.length ?? 0;
      cursor = body.nextCursor;
    }
  } else {
    for (let startIndex = 1, total = Number.POSITIVE_INFINITY; startIndex <= total; startIndex += PAGE) {
      const body = await page(client, `startIndex=${startIndex}`, pages, seen);
      rows += body.Resources?.length ?? 0;
      total = body.totalResults;
    }
  }
  return { pages, seconds: (performance.now() - started) / 1000, distinct: seen.size, rows };
}

/** Page latency per tenth of the enumeration: flat at any depth means these stay alike. */
function byTenth(pages: number[]) {
  const size = Math.ceil(pages.length / 10);
  return Array.from({ length: 10 }, (_, tenth) => {
    const { p50, p99 } = summarize(pages.slice(tenth * size, (tenth + 1) * size));
    return { tenth: tenth + 1, p50: round(p50), p99: round(p99) };
  });
}

export const enumeration: Scenario = {
  id: 6,
  title: 'full enumeration at count=100, by cursor and by startIndex',
  storeKey: usersStoreKey,
  async run(bench) {
    const { users } = await usersFixture(bench);
    const limitSeconds = (SECONDS_PER_MILLION * users) / 1_000_000;
    const depth = users - PAGE + 1;

    const { cold, cursor, startIndex } = await bench.online(async ({ client }) => {
      // First, before any page has been read, so no position at this depth is remembered.
      const coldSamples: number[] = [];
      for (let rep = 0; rep < COLD_REPS; rep++) {
        const result = await client.expect(200, 'GET', `/Users?count=${PAGE}&startIndex=${depth}`);
        coldSamples.push(result.ms);
      }
      return { cold: summarize(coldSamples), cursor: await enumerate(client, 'cursor'), startIndex: await enumerate(client, 'startIndex') };
    });

    for (const [name, run, p99Limit] of [['cursor', cursor, 10], ['startIndex', startIndex, 100]] as const) {
      bench.record(latency(`${name} page`, summarize(run.pages), p99Limit));
      bench.detail(`${name} page by depth (tenths of the directory)`, byTenth(run.pages));
      bench.record(
        check(`${name} full enumeration`, `${round(run.seconds)} s for ${users.toLocaleString('en-US')}`, `<= ${round(limitSeconds)} s (90 s per 1M)`, run.seconds <= limitSeconds, {
          seconds: run.seconds,
          pages: run.pages.length,
        }),
      );
      bench.record(count(`${name}: distinct users seen`, run.distinct, users, 'exactly', { rows: run.rows }));
    }
    bench.record(latency(`cold startIndex=${depth.toLocaleString('en-US')}`, cold, 100));
  },
};
