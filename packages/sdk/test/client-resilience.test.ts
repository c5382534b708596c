import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AuthenticationError, ConnectionError, RateLimitError, Roster, ServerError } from '../src/index.js';
import { FlakyProxy } from './support/flaky-proxy.js';
import { describeEachStore, rejectsWith } from './support/sdk-server.js';

// Tokens, refreshes and retries against a real server: tokens live 60 seconds here (the shortest
// the server allows), and a proxy in front of it answers 429, 503, 500 or 401 when told to.

const TOKEN_PATH = '/oauth/token';

/** A fetch that records the path and status of every exchange. */
function recordingFetch() {
  const exchanges: { path: string; status: number }[] = [];
  const send = async (request: Request, init?: RequestInit) => {
    const response = await fetch(request, init);
    exchanges.push({ path: new URL(request.url).pathname, status: response.status });
    return response;
  };
  return { send, exchanges, tokenRequests: () => exchanges.filter((exchange) => exchange.path === TOKEN_PATH).length };
}

describeEachStore(
  'SDK: access tokens and retries',
  (fixture) => {
    let proxy: FlakyProxy | undefined;
    before(async () => {
      proxy = await FlakyProxy.start(fixture.server().baseUrl);
    });
    after(async () => {
      await proxy?.close();
    });
    const flaky = () => {
      if (!proxy) throw new Error('proxy not started');
      return proxy;
    };
    const throughProxy = (maxRetries = 3) => {
      const { clientId, clientSecret } = fixture.server();
      return new Roster(flaky().url, clientId, clientSecret, { retry: { maxRetries, baseDelayMs: 5 } });
    };

    test('one token serves every call, concurrent ones too, and is renewed before it expires (fake clock)', async () => {
      const issued = await fetch(`${fixture.server().baseUrl}${TOKEN_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: fixture.server().clientId, client_secret: fixture.server().clientSecret }),
      });
      assert.equal(((await issued.json()) as { expires_in: number }).expires_in, 60);

      let clock = Date.now();
      const recorder = recordingFetch();
      const roster = fixture.newRoster({ fetch: recorder.send, now: () => clock });
      await Promise.all([roster.organization.listOrganizations(), roster.role.listRoles(), roster.events.list({ limit: 1 }), roster.webhooks.list()]);
      assert.equal(recorder.tokenRequests(), 1, 'fetched once for four concurrent calls');

      clock += 40_000;
      await roster.organization.listOrganizations();
      assert.equal(recorder.tokenRequests(), 1, 'still fresh after 40 of its 60 seconds');
      clock += 10_000;
      await roster.organization.listOrganizations();
      assert.equal(recorder.tokenRequests(), 2, 'renewed in its last fifth, before it lapses');
      assert.ok(recorder.exchanges.every((exchange) => exchange.status === 200), 'no request was ever refused');
    });

    test('a token the server stops accepting early is replaced, and the call goes through', async () => {
      const recorder = recordingFetch();
      const roster = fixture.newRoster({ fetch: recorder.send });
      await roster.organization.listOrganizations();
      // The server's clock cannot be moved from here, so its tokens are aged in its store instead.
      await fixture.server().server.services.db.pool.query("UPDATE access_tokens SET expires_at = now() - interval '1 second'");
      const { organization } = await roster.organization.createOrganization('After expiry');
      assert.match(organization.id, /^org_/);
      assert.deepEqual(
        recorder.exchanges.map((exchange) => `${exchange.status} ${exchange.path}`),
        ['200 /oauth/token', '200 /api/v1/organizations', '401 /api/v1/organizations', '200 /oauth/token', '201 /api/v1/organizations'],
      );
    });

    test('revoked or wrong credentials are an AuthenticationError (after one refresh when a call is refused)', async () => {
      const { client, plain_secret } = await fixture.roster().apiClients.create('short-lived');
      const recorder = recordingFetch();
      const revokable = fixture.newRoster({ fetch: recorder.send }, { clientId: client.id, clientSecret: plain_secret });
      await revokable.organization.listOrganizations();
      assert.notEqual((await fixture.roster().apiClients.revoke(client.id)).client.revoke_time, null);
      const refused = await rejectsWith(revokable.organization.listOrganizations(), AuthenticationError);
      assert.equal(refused.status, 401);
      assert.equal(refused.code, 'invalid_client');
      assert.equal(refused.kind, 'authentication');
      assert.equal(recorder.tokenRequests(), 2, 'the refused token was replaced once, then the credentials were refused');

      const wrong = fixture.newRoster({}, { clientId: fixture.server().clientId, clientSecret: 'not-the-secret-at-all-1234' });
      assert.equal((await rejectsWith(wrong.directory.listDirectories('org_any'), AuthenticationError)).code, 'invalid_client');
    });

    test('a 429 is retried after its Retry-After', async () => {
      flaky().answer(({ method, path, count }) =>
        method === 'GET' && path === '/api/v1/organizations' && count === 1
          ? { status: 429, headers: { 'retry-after': '1' }, body: { code: 'rate_limited', message: 'slow down' } }
          : undefined,
      );
      const started = Date.now();
      const page = await throughProxy().organization.listOrganizations();
      assert.ok(Array.isArray(page.organizations));
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
      assert.equal(flaky().count('GET /api/v1/organizations'), 2);
    });

    test('a POST answered 503 is sent again (it was not applied); a POST answered 500 is not', async () => {
      flaky().answer(({ method, path, count }) => (method === 'POST' && path === '/api/v1/organizations' && count <= 2 ? { status: 503, body: { code: 'unavailable', message: 'busy' } } : undefined));
      const { organization } = await throughProxy().organization.createOrganization('Retried', { externalId: 'retried-once' });
      assert.equal(flaky().count('POST /api/v1/organizations'), 3);
      assert.equal((await fixture.roster().organization.getOrganizationByExternalId('retried-once')).organization.id, organization.id);

      flaky().answer(({ method, path }) => (method === 'POST' && path === '/api/v1/organizations' ? { status: 500, body: { code: 'internal', message: 'boom' } } : undefined));
      const failed = await rejectsWith(throughProxy().organization.createOrganization('Not retried'), ServerError);
      assert.equal(failed.status, 500);
      assert.equal(failed.code, 'internal');
      assert.equal(failed.message, 'boom');
      assert.equal(flaky().count('POST /api/v1/organizations'), 1, 'a 500 may come after the change was made');
    });

    test('a GET answered 500 is retried up to maxRetries; a 429 that lasts, or asks for too long, is a RateLimitError', async () => {
      flaky().answer(({ path }) => (path === '/api/v1/roles' ? { status: 500, body: { code: 'internal', message: 'down' } } : undefined));
      assert.equal((await rejectsWith(throughProxy(2).role.listRoles(), ServerError)).kind, 'server');
      assert.equal(flaky().count('GET /api/v1/roles'), 3, 'the first attempt and two retries');

      flaky().answer(({ path }) => (path === '/api/v1/roles' ? { status: 429, headers: { 'retry-after': '0' }, body: { code: 'rate_limited', message: 'no' } } : undefined));
      const limited = await rejectsWith(throughProxy(2).role.listRoles(), RateLimitError);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers?.get('retry-after'), '0');
      assert.equal(flaky().count('GET /api/v1/roles'), 3);

      flaky().answer(({ path }) => (path === '/api/v1/roles' ? { status: 429, headers: { 'retry-after': '3600' }, body: { code: 'rate_limited', message: 'an hour' } } : undefined));
      await rejectsWith(throughProxy(2).role.listRoles(), RateLimitError);
      assert.equal(flaky().count('GET /api/v1/roles'), 1, 'an hour is longer than the SDK waits');
    });

    test('a 401 on the way (a proxy, a token expired early) is answered with a new token', async () => {
      flaky().answer(({ path, count }) => (path === '/api/v1/roles' && count === 1 ? { status: 401, body: { code: 'unauthenticated', message: 'expired' } } : undefined));
      await throughProxy().role.listRoles();
      assert.deepEqual(flaky().seen, ['POST /oauth/token', 'GET /api/v1/roles', 'POST /oauth/token', 'GET /api/v1/roles']);
    });

    test('no server at all is a ConnectionError with status 0, after the retries', async () => {
      const unreachable = new Roster('http://127.0.0.1:9', 'client', 'secret', { retry: { maxRetries: 1, baseDelayMs: 1 } });
      const failed = await rejectsWith(unreachable.organization.listOrganizations(), ConnectionError);
      assert.equal(failed.status, 0);
      assert.equal(failed.kind, 'connection');
    });
  },
  { env: { ROSTER_ACCESS_TOKEN_TTL_SECONDS: '60' } },
);
