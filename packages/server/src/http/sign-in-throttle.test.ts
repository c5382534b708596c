import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIGN_IN_LIMITS, SignInThrottle, type SignInAdmission } from './sign-in-throttle.js';

const admitted = (admission: SignInAdmission) => {
  assert.ok(admission.admitted, JSON.stringify(admission));
  return admission;
};

test('sign-in throttle: one hash at a time, a few waiting, the rest refused as busy without spending a budget', async () => {
  const throttle = new SignInThrottle();
  const first = admitted(await throttle.admit('10.0.0.1', 'a@example.com'));
  const order: number[] = [];
  const waiting = Array.from({ length: SIGN_IN_LIMITS.waitingHashes }, (_, index) =>
    throttle.admit(`10.0.1.${index}`, `w${index}@example.com`).then((admission) => {
      order.push(index);
      return admitted(admission);
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, [], 'they wait for the running hash');
  const refused = await throttle.admit('10.0.2.1', 'late@example.com');
  assert.deepEqual(refused, { admitted: false, reason: 'busy', retryAfterSeconds: 1 });

  first.release();
  first.release(); // twice is harmless
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, [0], 'one waiting attempt goes on per release, first come first served');
  for (const pending of waiting) (await pending).release();
  assert.deepEqual(order, Array.from({ length: SIGN_IN_LIMITS.waitingHashes }, (_, index) => index));
  // All released: the late address was never charged, so it is admitted now.
  admitted(await throttle.admit('10.0.2.1', 'late@example.com')).release();
});

test('sign-in throttle: per-address, per-email and overall budgets each refuse with a wait', async () => {
  const throttle = new SignInThrottle();
  for (let index = 0; index < SIGN_IN_LIMITS.perAddress.burst; index++) admitted(await throttle.admit('10.0.0.1', `u${index}@example.com`)).release();
  const byAddress = await throttle.admit('10.0.0.1', 'fresh@example.com');
  assert.ok(!byAddress.admitted && byAddress.reason === 'rate_limited' && byAddress.retryAfterSeconds >= 1, JSON.stringify(byAddress));

  for (let index = 0; index < SIGN_IN_LIMITS.perEmail.burst; index++) admitted(await throttle.admit(`10.1.0.${index}`, 'victim@example.com')).release();
  const byEmail = await throttle.admit('10.1.1.1', 'victim@example.com');
  assert.ok(!byEmail.admitted && byEmail.reason === 'rate_limited' && byEmail.retryAfterSeconds >= 1, JSON.stringify(byEmail));

  let admittedOverall = SIGN_IN_LIMITS.perAddress.burst + SIGN_IN_LIMITS.perEmail.burst;
  let overall: SignInAdmission | undefined;
  for (let index = 0; index < 100; index++) {
    overall = await throttle.admit(`10.2.${index >> 8}.${index & 255}`, `n${index}@example.com`);
    if (!overall.admitted) break;
    admittedOverall++;
    overall.release();
  }
  assert.ok(overall && !overall.admitted && overall.reason === 'rate_limited', JSON.stringify(overall));
  assert.ok(admittedOverall <= SIGN_IN_LIMITS.overall.burst + 1, `${admittedOverall} admitted from fresh addresses and emails`);
});
