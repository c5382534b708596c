import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextAttemptAt, retryDelayMs } from './retry-schedule.js';

const DAY = 86_400_000;
const policy = { baseMs: 5_000, windowMs: 3 * DAY };

test('retry delays double from the base, with jitter within +-20%, capped at 12 hours', () => {
  const cases: [number, number, number][] = [
    // attempt, random, expected
    [1, 0.5, 5_000],
    [2, 0.5, 10_000],
    [3, 0.5, 20_000],
    [1, 0, 4_000],
    [1, 0.999999, 6_000],
    [30, 0.5, 12 * 3600 * 1000],
  ];
  for (const [attempt, random, expected] of cases) assert.equal(retryDelayMs(policy, attempt, random), expected, `attempt ${attempt}`);
});

test('the default schedule retries for about three days, then the delivery is dead', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  let now = start;
  let attempts = 1;
  for (;;) {
    const next = nextAttemptAt(policy, attempts, start, now, 0.5);
    if (!next) break;
    now = next;
    attempts++;
  }
  assert.ok(now.getTime() - start.getTime() > 2.5 * DAY, `last attempt after ${(now.getTime() - start.getTime()) / DAY} days`);
  assert.ok(now.getTime() - start.getTime() <= 3 * DAY);
  assert.ok(attempts >= 15 && attempts <= 20, `${attempts} attempts`);
});
