import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { runSimulation } from '../src/simulator/run-simulation.js';
import { simulateCommand } from '../src/simulator/simulate-command.js';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { waitFor } from './support/scim-fixtures.js';
import { assertClean } from './simulator-support.js';

// The SCIM rate limit as a client meets it: every response advertises the policy (IETF httpapi
// RateLimit-Policy / RateLimit), a refusal says when to come back (spread across refusals, not
// one constant), refusals are in the request log and the portal's failure view, and
// `roster simulate` paces itself below the advertised rate so the README's commands see no 429.

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

      const responses = await Promise.all(Array.from({ length: 40 }, () => http<{ status: string; scimType: string; detail: string }>('GET', `${directory.scim}/Users?count=1`, { token: directory.token })));
      const refused = responses.filter((response) => response.status === 429);
      const admitted = responses.filter((response) => response.status === 200);
      assert.equal(refused.length + admitted.length, 40);
      // The burst of 5 (the first request took one) plus what refilled at 5 a second meanwhile.
      const bound = 5 + Math.floor(((performance.now() - started) / 1000) * 5) - 1;
      assert.ok(admitted.length <= bound, `${admitted.length} admitted; the bucket allows ${bound}`);
      assert.ok(refused.length >= 20, `${refused.length} refused`);
      const waits = refused.map((response) => Number(response.headers.get('retry-after')));
      for (const [index, response] of refused.entries()) {
        assert.ok(Number.isInteger(waits[index]) && (waits[index] ?? 0) >= 1, `Retry-After ${response.headers.get('retry-after')}`);
        assert.equal(response.headers.get('ratelimit'), `"directory";r=0;t=${waits[index]}`);
        assert.equal(response.headers.get('ratelimit-policy'), '"directory";q=5;w=1;roster-burst=5');
        assert.equal(response.body.status, '429');
        assert.match(response.body.detail, /5 requests a second/);
      }
      // At 5 a second, 20+ refusals are told to come back over 3+ seconds, not all after one.
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
      assertClean(summary, 'paced run');
      assert.equal(summary.pacedRequestsPerSecond, 4, '80% of the advertised 5 a second');
      assert.deepEqual(summary.errorsByStatus['429'] ?? 0, 0, JSON.stringify(summary.errorsByStatus));
      assert.equal(summary.retries, 0);
    });
  },
  { env: { ROSTER_SCIM_RATE_LIMIT: '5', ROSTER_SCIM_RATE_BURST: '5' } },
);

/** The README's `npx roster simulate ...` command (continuation lines joined), as arguments. */
function readmeSimulateArguments(values: Record<string, string>): string[] {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const command = /^npx roster simulate ((?:[^\n]*\\\n)*[^\n]*)$/m.exec(readme)?.[1];
  assert.ok(command, 'the README shows a `npx roster simulate` command');
  const words = command.replace(/\\\n/g, ' ').match(/"[^"]*"|\S+/g) ?? [];
  return words.map((word) => word.replace(/^"(.*)"$/, '$1').replace(/^\$([A-Z]+)$/, (_, name: string) => values[name] ?? `$${name}`));
}

const defaults = loadConfig({});

describeEachStore(
  'SCIM rate limit: the README simulate command against the default limit',
  (fixture) => {
    test('runs without a single 429', async () => {
      const directory = await fixture.newDirectory('AZURE_AD');
      const args = readmeSimulateArguments({ SCIM: directory.scim, SECRET: directory.token });
      assert.ok(args.includes('--url') && args.includes(directory.scim), `README arguments: ${args.join(' ')}`);
      const written: string[] = [];
      const write = process.stdout.write;
      process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
      try {
        await simulateCommand().parseAsync([...args, '--json'], { from: 'user' });
      } finally {
        process.stdout.write = write;
      }
      const summary = JSON.parse(written.join('')) as { ok: boolean; errorsByStatus: Record<string, number>; retries: number; requests: number; pacedRequestsPerSecond: number };
      assert.equal(summary.ok, true, written.join('').slice(0, 2000));
      assert.equal(summary.errorsByStatus['429'] ?? 0, 0, JSON.stringify(summary.errorsByStatus));
      assert.equal(summary.retries, 0);
      assert.equal(summary.pacedRequestsPerSecond, defaults.ROSTER_SCIM_RATE_LIMIT * 0.8);
      process.exitCode = 0;
    });
  },
  { env: { ROSTER_SCIM_RATE_LIMIT: String(defaults.ROSTER_SCIM_RATE_LIMIT), ROSTER_SCIM_RATE_BURST: String(defaults.ROSTER_SCIM_RATE_BURST) } },
);
