import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limiter.js';

test('rate limiter: a burst is allowed up to its size, then refused with a wait', () => {
  let now = 0;
  const limiter = new RateLimiter(10, 3, () => now);
  assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 0]);
  assert.equal(limiter.take('a'), 1);
  now += 100; // 0.1 s at 10/s refills one token
  assert.equal(limiter.take('a'), 0);
});

test('rate limiter: one key emptying its bucket leaves another key alone', () => {
  const limiter = new RateLimiter(1, 2, () => 0);
  limiter.take('busy');
  limiter.take('busy');
  assert.notEqual(limiter.take('busy'), 0);
  assert.equal(limiter.take('quiet'), 0);
});

test('rate limiter: tokens never exceed the burst after a long idle time', () => {
  let now = 0;
  const limiter = new RateLimiter(100, 2, () => now);
  limiter.take('a');
  now += 1_000_000;
  assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a') > 0], [0, 0, true]);
});
