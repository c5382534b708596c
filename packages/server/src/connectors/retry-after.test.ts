import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKOFF_MAX_MS, parseRetryAfter, retryDelay } from './retry-after.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

test('Retry-After in seconds or as an HTTP date; anything else is no answer', () => {
  const cases: [string | null | undefined, number | undefined][] = [
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    ['3', 3000],
    [' 120 ', 120_000],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
  ];
  for (const [header, expected] of cases) assert.equal(parseRetryAfter(header, NOW), expected, String(header));
});

test('the delay follows Retry-After up to the cap, else grows exponentially with jitter', () => {
  assert.equal(retryDelay(1, 2_000), 2_000);
  assert.equal(retryDelay(1, 10 * BACKOFF_MAX_MS), BACKOFF_MAX_MS);
  assert.equal(retryDelay(1, undefined, () => 1), 1_000);
  assert.equal(retryDelay(3, undefined, () => 1), 4_000);
  assert.equal(retryDelay(3, undefined, () => 0), 0);
  assert.equal(retryDelay(30, undefined, () => 1), BACKOFF_MAX_MS);
});
