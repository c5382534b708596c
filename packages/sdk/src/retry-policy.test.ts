import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs } from './retry-policy.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');

test('which answers are sent again, by method', () => {
  const cases: [string, number | 'connection_failed', boolean][] = [
    ['GET', 429, true],
    ['POST', 429, true],
    ['POST', 503, true],
    ['GET', 500, true],
    ['GET', 502, true],
    ['PUT', 504, true],
    ['PATCH', 500, true],
    ['DELETE', 500, true],
    ['POST', 500, false],
    ['POST', 502, false],
    ['GET', 'connection_failed', true],
    ['POST', 'connection_failed', false],
    ['GET', 400, false],
    ['GET', 401, false],
    ['GET', 404, false],
    ['GET', 409, false],
    ['get', 500, true],
  ];
  for (const [method, status, expected] of cases) assert.equal(isRetryable(method, status), expected, `${method} ${status}`);
});

test('Retry-After as seconds or an HTTP date', () => {
  const cases: [string | null, number | undefined][] = [
    ['0', 0],
    ['3', 3_000],
    [' 12 ', 12_000],
    ['Fri, 01 May 2026 12:00:05 GMT', 5_000],
    ['Fri, 01 May 2026 11:00:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-1', undefined],
  ];
  for (const [header, expected] of cases) assert.equal(parseRetryAfter(header, NOW), expected, String(header));
});

test('backoff doubles with equal jitter up to the cap; Retry-After wins unless it is too long', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
  const cases: [number, number, number][] = [
    // retry, random, delay
    [0, 0, 50],
    [0, 1, 100],
    [1, 0, 100],
    [1, 0.5, 150],
    [2, 1, 400],
    [3, 1, 800],
    [4, 1, 1_000],
    [20, 0, 500],
  ];
  for (const [retry, random, expected] of cases) assert.equal(retryDelayMs(retry, null, policy, NOW, () => random), expected, `retry ${retry}, random ${random}`);
  assert.equal(retryDelayMs(0, '2', policy, NOW, () => 1), 2_000);
  assert.equal(retryDelayMs(5, '0', policy, NOW), 0);
  assert.equal(retryDelayMs(0, '60', policy, NOW), 60_000);
  assert.equal(retryDelayMs(0, '61', policy, NOW), undefined, 'longer than the policy waits');
});
