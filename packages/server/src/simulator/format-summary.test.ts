import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary } from './format-summary.js';
import type { SimulationSummary } from './run-simulation.js';

const base: SimulationSummary = {
  provider: 'okta',
  seed: 'roster',
  scenarios: [{ scenario: 'churn', objects: 12, durationMillis: 1500, changes: { join: 3, leave: 2 } }],
  objects: 12,
  durationMillis: 1500,
  objectsPerSecond: 8,
  requests: 1234,
  requestsPerSecond: 822.7,
  pacedRequestsPerSecond: 160,
  retries: 2,
  errorsByStatus: { '429': 2 },
  unexpectedResponses: 0,
  failedRequests: [],
  failedObjects: [],
  latencyMillis: { p50: 3.2, p99: 40.1, max: 52, mean: 5 },
  verify: { ok: true, users: 40, groups: 6, differences: [] },
  state: { domain: 'x.example', users: [], groups: [] },
  ok: true,
};

test('a clean run reads as one block ending in OK', () => {
  assert.equal(
    formatSummary(base),
    [
      'roster simulate: okta, churn (seed "roster")',
      '  churn        12 objects in 1.5 s: 3 join, 2 leave',
      '  objects      12 in 1.5 s (8 objects/s)',
      '  requests     1,234 (822.7 req/s, paced to 160 req/s), 2 retried after 429',
      '  latency      p50 3.2 ms, p99 40.1 ms, max 52 ms',
      '  errors       429: 2',
      '  verify       OK: the server holds exactly the 40 users and 6 groups pushed',
      'OK',
      '',
    ].join('\n'),
  );
});

test('failures and differences are listed, capped, and the run reads FAILED', () => {
  const text = formatSummary(
    {
      ...base,
      unexpectedResponses: 1,
      failedRequests: [{ method: 'PATCH', path: '/Users/u1', status: 400, detail: 'bad path' }],
      failedObjects: [{ object: 'churn: changed users a@x.example', error: 'PATCH /Users/u1 -> 400: bad path' }],
      verify: { ok: false, users: 1, groups: 0, differences: Array.from({ length: 3 }, (_, index) => ({ resource: 'User' as const, id: `u${index}`, name: `n${index}`, problem: 'is missing from the server' })) },
      ok: false,
    },
    2,
  );
  assert.match(text, /errors {7}429: 2 \(1 unexpected\)\n {4}PATCH \/Users\/u1 -> 400: bad path/);
  assert.match(text, /failed {7}1 objects\n {4}churn: changed users a@x.example: PATCH/);
  assert.match(text, /verify {7}3 differences .*\n {4}User n0 \(u0\) is missing from the server\n {4}User n1 \(u1\) is missing from the server\n {4}\.\.\. and 1 more\nFAILED\n$/);
});
