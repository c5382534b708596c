import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pacer, Semaphore } from './pacer.js';

test('the pacer spaces request starts to the rate', async () => {
  const pacer = new Pacer(200);
  const started = performance.now();
  await Promise.all(Array.from({ length: 21 }, () => pacer.take()));
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 95, `21 starts at 200/s took ${elapsed} ms`);
  const free = new Pacer(undefined);
  const quick = performance.now();
  await Promise.all(Array.from({ length: 1000 }, () => free.take()));
  assert.ok(performance.now() - quick < 1000, 'no rate, no waiting');
});

test('the semaphore never lets more than its limit in', async () => {
  const semaphore = new Semaphore(3);
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      await semaphore.acquire();
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inside--;
      semaphore.release();
    }),
  );
  assert.equal(most, 3);
  assert.equal(inside, 0);
});
