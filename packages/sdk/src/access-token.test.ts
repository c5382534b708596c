import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccessTokenCache, refreshMarginMs, type IssuedToken } from './access-token.js';

function issuer(lifetimeSeconds: number) {
  let issued = 0;
  const issue = async (): Promise<IssuedToken> => ({ access_token: `token-${++issued}`, expires_in: lifetimeSeconds });
  return { issue, count: () => issued };
}

test('the margin before expiry: a fifth of the lifetime, at most a minute', () => {
  assert.equal(refreshMarginMs(60_000), 12_000);
  assert.equal(refreshMarginMs(300_000), 60_000);
  assert.equal(refreshMarginMs(3_600_000), 60_000);
});

test('a token is fetched once, shared while fetching, kept until its margin, then replaced', async () => {
  let clock = 1_000_000;
  const tokens = issuer(3600);
  const cache = new AccessTokenCache(tokens.issue, () => clock);
  assert.deepEqual(await Promise.all([cache.get(), cache.get(), cache.get()]), ['token-1', 'token-1', 'token-1']);
  assert.equal(tokens.count(), 1);
  clock += 3_539_000;
  assert.equal(await cache.get(), 'token-1', 'one second before the last minute');
  clock += 1_000;
  assert.equal(await cache.get(), 'token-2', 'in the last minute');
});

test('invalidate forgets only the token it names', async () => {
  const tokens = issuer(3600);
  const cache = new AccessTokenCache(tokens.issue, () => 0);
  await cache.get();
  cache.invalidate('some-other-token');
  assert.equal(await cache.get(), 'token-1');
  cache.invalidate('token-1');
  assert.equal(await cache.get(), 'token-2');
  // A request refused with token-1 after token-2 replaced it does not throw token-2 away.
  cache.invalidate('token-1');
  assert.equal(await cache.get(), 'token-2');
});

test('a failed fetch is not kept: the next call tries again', async () => {
  let fail = true;
  const cache = new AccessTokenCache(async () => {
    if (fail) throw new Error('token endpoint down');
    return { access_token: 'token', expires_in: 60 };
  }, () => 0);
  await assert.rejects(cache.get(), /token endpoint down/);
  fail = false;
  assert.equal(await cache.get(), 'token');
});
