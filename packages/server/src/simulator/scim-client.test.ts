import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestStats } from './request-stats.js';
import { ScimClient, UnexpectedResponseError, queryString, retryAfterMillis, retryDelayMillis } from './scim-client.js';

test('retryAfterMillis reads delay-seconds and HTTP-dates, capped, with a backoff fallback', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  const cases: [string | null, number, number][] = [
    ['2', 0, 2000],
    [' 0 ', 0, 0],
    ['3600', 0, 60_000],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 0, 5000],
    ['Tue, 31 Dec 2024 00:00:00 GMT', 0, 0],
    [null, 0, 500],
    [null, 3, 4000],
    ['soon', 1, 1000],
  ];
  for (const [header, attempt, expected] of cases) assert.equal(retryAfterMillis(header, attempt, now), expected, String(header));
});

test('queryString encodes spaces as %20 and quotes', () => {
  assert.equal(queryString({ filter: 'userName eq "a b"', count: 100 }), '?filter=userName%20eq%20%22a%20b%22&count=100');
  assert.equal(queryString({}), '');
});

test('a 429 is retried after Retry-After; an unexpected status is counted and thrown', async () => {
  const statuses = [429, 200, 500];
  const seen: string[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    seen.push(`${init?.method} ${String(input)} ${new Headers(init?.headers).get('authorization')}`);
    const status = statuses.shift() ?? 500;
    return new Response(status === 200 ? '{"ok":true}' : '{"detail":"nope"}', { status, headers: status === 429 ? { 'retry-after': '0' } : {} });
  };
  const stats = new RequestStats();
  const client = new ScimClient({ baseUrl: 'http://scim.test/v2', token: 't0k', style: { headers: {}, contentType: 'application/scim+json' }, stats, concurrency: 2, fetch: fakeFetch });
  const response = await client.get('/Users', { count: 1 });
  assert.deepEqual(response.body, { ok: true });
  await assert.rejects(client.delete('/Users/x'), (error: unknown) => error instanceof UnexpectedResponseError && error.status === 500 && error.detail === 'nope');
  assert.equal(stats.requests, 3);
  assert.equal(stats.retries, 1);
  assert.equal(stats.unexpected, 1);
  assert.deepEqual(stats.errorsByStatus(), { '429': 1, '500': 1 });
  assert.equal(seen[0], 'GET http://scim.test/v2/Users?count=1 Bearer t0k');
});

test('retryDelayMillis adds jitter on top of Retry-After, never less than it', () => {
  assert.equal(retryDelayMillis('2', 0, () => 0), 2000);
  assert.equal(retryDelayMillis('2', 0, () => 0.999999) > 2990, true);
  assert.equal(retryDelayMillis('2', 0, () => 1), 3000);
  assert.equal(retryDelayMillis('0', 0, () => 1), 250, 'refusals told "now" still spread over a quarter second');
  assert.equal(retryDelayMillis('3600', 0, () => 1), 65_000);
});

test('the client paces itself below the RateLimit-Policy of the first response', async () => {
  const fakeFetch: typeof fetch = async () => new Response('{}', { status: 200, headers: { 'ratelimit-policy': '"directory";q=50;w=1' } });
  const client = new ScimClient({ baseUrl: 'http://scim.test/v2', token: 't', style: { headers: {}, contentType: 'application/scim+json' }, stats: new RequestStats(), concurrency: 8, fetch: fakeFetch });
  await client.get('/Users');
  const started = performance.now();
  await Promise.all(Array.from({ length: 9 }, () => client.get('/Users')));
  const elapsed = performance.now() - started;
  // 40 a second (80% of 50): 9 starts take at least 8 intervals of 25 ms.
  assert.ok(elapsed >= 190, `9 requests took ${elapsed.toFixed(0)} ms`);
});
