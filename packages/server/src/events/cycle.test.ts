import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cycle } from './cycle.js';

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

test('a cycle rests between rounds, runs at once when woken, repeats while the round asks, and stops', async () => {
  let rounds = 0;
  let more = 0;
  const errors: unknown[] = [];
  const cycle = new Cycle(
    async () => {
      rounds++;
      if (rounds === 2) throw new Error('a failing round');
      return more-- > 0;
    },
    10_000,
    (error) => errors.push(error),
  );
  cycle.start();
  await sleep(20);
  assert.equal(rounds, 1, 'one round, then rest');
  cycle.wake();
  await sleep(20);
  assert.equal(rounds, 2, 'woken: another round at once');
  assert.equal(errors.length, 1, 'a failure is reported and the loop goes on');
  more = 3;
  cycle.wake();
  await sleep(50);
  assert.equal(rounds, 6, 'rounds that say "more" are followed at once');
  await cycle.stop();
  cycle.wake();
  await sleep(20);
  assert.equal(rounds, 6, 'stopped');
});
