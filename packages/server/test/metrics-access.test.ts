import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../src/config.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';

// /metrics lists every tenant's directory ids: with ROSTER_METRICS_TOKEN it answers only that
// bearer token; without, only a local process talking to Roster directly.

const METRICS_TOKEN = `mt-${randomBytes(16).toString('hex')}`;

describeEachStore(
  '/metrics with ROSTER_METRICS_TOKEN',
  (fixture) => {
    const metrics = () => `${fixture.server().baseUrl}/metrics`;

    test('401 without a token, 403 with a wrong one, 200 with the token', async () => {
      const { directoryId, scim, token } = fixture.directory();
      assert.equal((await http('GET', `${scim}/Users?count=1`, { token })).status, 200);

      const anonymous = await http<{ code: string }>('GET', metrics());
      assert.equal(anonymous.status, 401, anonymous.text);
      assert.equal(anonymous.body.code, 'unauthenticated');
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.ok(!anonymous.text.includes(directoryId));

      for (const wrong of [`${METRICS_TOKEN}x`, METRICS_TOKEN.slice(0, -1), 'x', METRICS_TOKEN.toUpperCase()]) {
        const refused = await http('GET', metrics(), { token: wrong });
        assert.equal(refused.status, 403, `${wrong}: ${refused.text}`);
        assert.ok(!refused.text.includes(directoryId));
      }
      const basic = await http('GET', metrics(), { headers: { authorization: `Basic ${Buffer.from(`metrics:${METRICS_TOKEN}`).toString('base64')}` } });
      assert.equal(basic.status, 401, 'only a bearer token is read');

      const allowed = await http('GET', metrics(), { token: METRICS_TOKEN });
      assert.equal(allowed.status, 200, allowed.text);
      assert.match(allowed.text, /^# HELP roster_http_requests_total /m);
      assert.ok(allowed.text.includes(directoryId), 'the per-directory counters are there for the token holder');
    });

    test('with a token configured, a loopback peer needs it too, and a remote one is let in with it', async () => {
      const { app } = fixture.server().server;
      const local = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
      assert.equal(local.statusCode, 401);
      const remote = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(remote.statusCode, 200, remote.body);
    });
  },
  { env: { ROSTER_METRICS_TOKEN: METRICS_TOKEN } },
);

describeEachStore('/metrics without ROSTER_METRICS_TOKEN', (fixture) => {
  test('answers a direct loopback peer only: not a remote peer, not a request a proxy forwarded', async () => {
    const { directoryId, scim, token } = fixture.directory();
    assert.equal((await http('GET', `${scim}/Users?count=1`, { token })).status, 200);
    const local = await http('GET', `${fixture.server().baseUrl}/metrics`);
    assert.equal(local.status, 200, local.text);
    assert.ok(local.text.includes(directoryId));

    const { app } = fixture.server().server;
    for (const remoteAddress of ['203.0.113.9', '10.1.2.3', '::ffff:192.168.0.4', '2001:db8::1', '128.0.0.1']) {
      const refused = await app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      assert.equal(refused.statusCode, 403, `${remoteAddress}: ${refused.body}`);
      assert.ok(!refused.body.includes(directoryId), remoteAddress);
      assert.match(refused.body, /ROSTER_METRICS_TOKEN/);
    }
    for (const remoteAddress of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1']) {
      assert.equal((await app.inject({ method: 'GET', url: '/metrics', remoteAddress })).statusCode, 200, remoteAddress);
    }
    // A reverse proxy on the same host connects from loopback on behalf of anyone.
    const forwardedBy: Record<string, string>[] = [{ 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '127.0.0.1' }];
    for (const headers of forwardedBy) {
      const proxied = await http('GET', `${fixture.server().baseUrl}/metrics`, { headers });
      assert.equal(proxied.status, 403, `${JSON.stringify(headers)}: ${proxied.text}`);
    }
    const bearer = await http('GET', `${fixture.server().baseUrl}/metrics`, { token: 'anything-at-all-here' });
    assert.equal(bearer.status, 200, 'without a configured token a local reader needs none');
  });
});

test('ROSTER_METRICS_TOKEN must be long enough and without spaces', () => {
  for (const value of ['short', 'has a space in it here', '']) {
    assert.throws(() => loadConfig({ ROSTER_METRICS_TOKEN: value }), (error: unknown) => error instanceof ConfigError && /ROSTER_METRICS_TOKEN/.test(error.message), value);
  }
  assert.equal(loadConfig({ ROSTER_METRICS_TOKEN: METRICS_TOKEN }).ROSTER_METRICS_TOKEN, METRICS_TOKEN);
  assert.equal(loadConfig({}).ROSTER_METRICS_TOKEN, undefined);
});
