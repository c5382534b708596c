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
  await free.take();
  free.follow(null); // the server advertises nothing
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

test('without a rate of its own the pacer follows the RateLimit-Policy the server advertises, below it', () => {
  const following = new Pacer(undefined);
  assert.equal(following.requestsPerSecond, undefined);
  following.follow(null);
  assert.equal(following.requestsPerSecond, undefined);
  following.follow('"directory";q=200;w=1;roster-burst=400');
  assert.equal(following.requestsPerSecond, 160);
  following.follow('"directory";q=50;w=1');
  assert.equal(following.requestsPerSecond, 40, 'a changed policy is followed');
  const given = new Pacer(500);
  given.follow('"directory";q=200;w=1');
  assert.equal(given.requestsPerSecond, 500, '--rate wins');
});

test('until the first answer, one request goes alone', async () => {
  const pacer = new Pacer(undefined);
  let started = 0;
  const requests = Array.from({ length: 5 }, () => pacer.take().then(() => started++));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(started, 1, 'the probe');
  pacer.follow('"directory";q=1000;w=1');
  await Promise.all(requests);
  assert.equal(started, 5);
  assert.equal(pacer.requestsPerSecond, 800);
});
