import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSimulation } from '../src/simulator/run-simulation.js';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { waitFor } from './support/scim-fixtures.js';
import { assertClean } from './simulator-support.js';

// The SCIM rate limit as a client meets it: every response advertises the policy (IETF httpapi
// RateLimit-Policy / RateLimit), a refusal says when to come back (spread across refusals, not
// one constant), refusals are in the request log and the portal's failure view, and
// `roster simulate` paces itself below the advertised rate (simulate-readme.test.ts runs the
// README's command against the default limit).

interface LogItem {
  status: number;
  path: string;
  failure: { summary: string } | null;
}

async function portalSession(base: string, directory: ProvisionedDirectory): Promise<string> {
  const link = await http<{ link: { location: string } }>('PUT', `${base}/api/v1/organizations/${directory.organizationId}/portal_links`, {
    token: directory.accessToken, body: {}, headers: { 'content-type': 'application/json' },
  });
  assert.equal(link.status, 200, link.text);
  const opened = await fetch(link.body.link.location, { redirect: 'manual' });
  const cookie = opened.headers.getSetCookie().find((candidate) => candidate.startsWith('roster_portal='));
  assert.ok(cookie, 'a portal session cookie');
  return cookie.split(';')[0] as string;
}

describeEachStore(
  'SCIM rate limit: what a client is told',
  (fixture) => {
    test('every response carries RateLimit-Policy and RateLimit; refusals carry a Retry-After spread from the bucket', async () => {
      const directory = await fixture.newDirectory();
      const started = performance.now();
      const first = await http('GET', `${directory.scim}/Users?count=1`, { token: directory.token });
      assert.equal(first.status, 200, first.text);
      assert.equal(first.headers.get('ratelimit-policy'), '"directory";q=5;w=1;roster-burst=5');
      assert.match(first.headers.get('ratelimit') ?? '', /^"directory";r=[0-4];t=1$/);

      // A cheap endpoint, so that the volley is over long before the bucket refills much.
      const responses = await Promise.all(Array.from({ length: 60 }, () => http<{ status: string; scimType: string; detail: string }>('GET', `${directory.scim}/ResourceTypes`, { token: directory.token })));
      const refused = responses.filter((response) => response.status === 429);
      const admitted = responses.filter((response) => response.status === 200);
      assert.equal(refused.length + admitted.length, 60);
      // The burst of 5 (the first request took one) plus what refilled at 5 a second meanwhile.
      const bound = 5 + Math.floor(((performance.now() - started) / 1000) * 5) - 1;
      assert.ok(admitted.length <= bound, `${admitted.length} admitted; the bucket allows ${bound}`);
      assert.ok(refused.length >= 30, `${refused.length} refused`);
      const waits = refused.map((response) => Number(response.headers.get('retry-after')));
      for (const [index, response] of refused.entries()) {
        assert.ok(Number.isInteger(waits[index]) && (waits[index] ?? 0) >= 1, `Retry-After ${response.headers.get('retry-after')}`);
        assert.equal(response.headers.get('ratelimit'), `"directory";r=0;t=${waits[index]}`);
        assert.equal(response.headers.get('ratelimit-policy'), '"directory";q=5;w=1;roster-burst=5');
        assert.equal(response.body.status, '429');
        assert.match(response.body.detail, /5 requests a second/);
      }
      // At 5 a second, 30+ refusals are told to come back over 3+ seconds, not all after one.
      assert.ok(Math.max(...waits) >= 3, `Retry-After values ${JSON.stringify(waits.sort())}`);
      assert.ok(new Set(waits).size >= 3, `Retry-After values ${JSON.stringify(waits.sort())}`);

      // A client that waits as told is let in.
      await new Promise((resolve) => setTimeout(resolve, Math.min(...waits) * 1000));
      assert.equal((await http('GET', `${directory.scim}/Users?count=1`, { token: directory.token })).status, 200);

      // Refusals are in the request log, and the portal's failure view explains them.
      const cookie = await portalSession(fixture.server().baseUrl, directory);
      const failures = await waitFor(async () => {
        const log = await http<{ requests: LogItem[] }>('GET', `${fixture.server().baseUrl}/api/v1/portal/directories/${directory.directoryId}/request_log?failed=true&limit=200`, { headers: { cookie } });
        assert.equal(log.status, 200, log.text);
        const limited = log.body.requests.filter((item) => item.status === 429);
        return limited.length >= Math.min(refused.length, 20) ? limited : undefined;
      }, 5_000);
      // Up to 20 refusals a second per directory are logged (a client hammering past its limit
      // cannot flood the log); roster_scim_rate_limited_total counts them all.
      assert.ok(failures, 'the 429s are in the portal’s failure view');
      assert.match(failures[0]?.failure?.summary ?? '', /rate limit/);
    });

    test('`roster simulate` paces itself below the advertised rate: a run with default options sees no 429', async () => {
      const directory = await fixture.newDirectory('AZURE_AD');
      const summary = await runSimulation({ url: directory.scim, token: directory.token, provider: 'entra', seed: 'paced', scenarios: ['initial-sync', 'churn'], users: 12, groups: 2, verify: true });
      assert.equal(summary.errorsByStatus['429'] ?? 0, 0, JSON.stringify(summary.errorsByStatus));
      assert.equal(summary.retries, 0);
      assertClean(summary, 'paced run');
      assert.equal(summary.pacedRequestsPerSecond, 4, '80% of the advertised 5 a second');
    });
  },
  { env: { ROSTER_SCIM_RATE_LIMIT: '5', ROSTER_SCIM_RATE_BURST: '5' } },
);
