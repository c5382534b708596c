import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../src/config.js';
import { REDACTED_PATHS } from '../src/logger.js';
import { startServer } from '../src/server.js';
import { http, provisionDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { BULK_REQUEST_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, sleep, type Json } from './support/scim-fixtures.js';

// What an operator runs Roster by: probes, metrics, the management API's error shape, the token
// endpoint's three encodings, configuration checks and logs that keep secrets out.

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function assertApiError(response: { status: number; body: unknown; text: string }, status: number, code?: string): ApiErrorBody {
  assert.equal(response.status, status, response.text);
  const body = response.body as ApiErrorBody;
  assert.equal(typeof body?.code, 'string', `no code in ${response.text}`);
  assert.equal(typeof body.message, 'string', `no message in ${response.text}`);
  assert.ok(body.message.length > 0);
  if (body.details !== undefined) assert.equal(typeof body.details, 'object', response.text);
  if (code) assert.equal(body.code, code, response.text);
  return body;
}

/** Prometheus text exposition: the value of the sample with exactly these labels, if any. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of metrics.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describeEachStore('operations', (fixture) => {
  const base = () => fixture.server().baseUrl;

  test('/healthz answers 200; /readyz answers 200 naming the store', async () => {
    const health = await http<Json>('GET', `${base()}/healthz`);
    assert.equal(health.status, 200, health.text);
    assert.equal(health.body.status, 'ok');
    const ready = await http<Json>('GET', `${base()}/readyz`);
    assert.equal(ready.status, 200, ready.text);
    assert.equal(ready.body.store, fixture.store);
    assert.equal(ready.body.status, 'ready');
  });

  test('/healthz and other directories are answered while a 1,000-operation bulk request runs', async () => {
    // A liveness probe that waits for a bulk job gets the pod killed; another tenant waiting for it
    // breaks docs/performance.md, scenario 3. The probe is sent while the bulk is still running.
    const { scim, token } = fixture.directory();
    const other = await fixture.newDirectory();
    const operations = Array.from({ length: 1000 }, (_, index) => ({
      method: 'POST', bulkId: `s${index}`, path: '/Users', data: { schemas: [USER_SCHEMA], userName: `starve-${index}@example.com` },
    }));
    let bulkDone = false;
    const bulk = http<Json>('POST', `${scim}/Bulk`, { token, body: { schemas: [BULK_REQUEST_SCHEMA], Operations: operations } }).finally(() => {
      bulkDone = true;
    });
    await sleep(100);
    const health = await http('GET', `${base()}/healthz`);
    const healthAnsweredDuringBulk = !bulkDone;
    const otherTenant = await http('GET', `${other.scim}/Users?count=1`, { token: other.token });
    const otherAnsweredDuringBulk = !bulkDone;
    assert.equal((await bulk).status, 200);
    assert.equal(health.status, 200);
    assert.equal(otherTenant.status, 200);
    assert.ok(healthAnsweredDuringBulk, '/healthz was answered only after the bulk request finished: the event loop was blocked for the whole bulk');
    assert.ok(otherAnsweredDuringBulk, "another directory's request waited for the whole bulk request");
  });

  test('/metrics is Prometheus text counting HTTP requests by route template and SCIM operations by directory', async () => {
    const { scim, token, directoryId } = fixture.directory();
    const before = await http('GET', `${base()}/metrics`);
    const labels = { directory_id: directoryId, resource: 'Users', operation: 'list', status: '200' };
    const previous = sample(before.text, 'roster_scim_operations_total', labels) ?? 0;
    for (let index = 0; index < 3; index++) assert.equal((await http('GET', `${scim}/Users?count=1`, { token })).status, 200);
    const randomPath = `/no-such-${randomUUID()}`;
    assert.equal((await http('GET', `${base()}${randomPath}`)).status, 404);

    const metrics = await http('GET', `${base()}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(metrics.text, /^# HELP roster_http_requests_total /m);
    assert.match(metrics.text, /^# TYPE roster_http_requests_total counter$/m);
    const route = '/api/v1/directories/:directoryId/scim/v2/Users';
    assert.ok((sample(metrics.text, 'roster_http_requests_total', { method: 'GET', route, status: '200' }) ?? 0) >= 3, metrics.text.slice(0, 3000));
    assert.equal(sample(metrics.text, 'roster_scim_operations_total', labels), previous + 3);
    // Route labels are templates: neither a directory id nor an arbitrary path becomes a label value.
    const httpLines = metrics.text.split('\n').filter((line) => line.startsWith('roster_http_requests_total{'));
    assert.ok(!httpLines.some((line) => line.includes(directoryId)), 'a directory id in an HTTP route label');
    assert.ok(!metrics.text.includes(randomPath), 'an unmatched path became a label');
  });

  test('management errors are {code, message, details}: 400 names the parameter, 401 without or with a bad token, 404 for an unknown organization', async () => {
    const { accessToken, organizationId } = fixture.directory();
    const emptyName = await http('POST', `${base()}/api/v1/organizations`, { token: accessToken, body: { display_name: '' }, headers: json });
    const emptyNameError = assertApiError(emptyName, 400, 'invalid_argument');
    assert.equal(emptyNameError.details?.parameter, 'display_name');
    assert.match(emptyNameError.message, /display_name/);
    const missing = await http('POST', `${base()}/api/v1/organizations`, { token: accessToken, body: {}, headers: json });
    assert.equal(assertApiError(missing, 400).details?.parameter, 'display_name');
    const badFeature = await http('PATCH', `${base()}/api/v1/organizations/${organizationId}/settings`, {
      token: accessToken, body: { features: [{ name: 'teleport', enabled: true }] }, headers: json,
    });
    assert.equal(assertApiError(badFeature, 400).details?.parameter, 'features.0.name');
    const badProvider = await http('POST', `${base()}/api/v1/organizations/${organizationId}/directories`, {
      token: accessToken, body: { directory_type: 'SCIM', directory_provider: 'NOPE' }, headers: json,
    });
    assert.equal(assertApiError(badProvider, 400).details?.parameter, 'directory_provider');
    assertApiError(await http('POST', `${base()}/api/v1/organizations`, { token: accessToken, rawBody: '{"display_name":', headers: json }), 400);

    assertApiError(await http('GET', `${base()}/api/v1/organizations/${organizationId}`), 401, 'unauthenticated');
    assertApiError(await http('GET', `${base()}/api/v1/organizations/${organizationId}`, { token: 'rat_not_a_token' }), 401, 'unauthenticated');
    assertApiError(await http('GET', `${base()}/api/v1/organizations/${organizationId}`, { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }), 401);
    // Without a token an unknown organization is still a 401: nothing is said about what exists.
    assertApiError(await http('GET', `${base()}/api/v1/organizations/org_doesnotexist`), 401);

    const unknown = assertApiError(await http('GET', `${base()}/api/v1/organizations/org_doesnotexist`, { token: accessToken }), 404, 'not_found');
    assert.match(unknown.message, /org_doesnotexist/);
    assertApiError(await http('GET', `${base()}/api/v1/organizations/org_doesnotexist/directories`, { token: accessToken }), 404, 'not_found');
  });

  test('an unknown management route is a 404 in the same {code, message} shape', async () => {
    const { accessToken } = fixture.directory();
    assertApiError(await http('GET', `${base()}/api/v1/no-such-resource`, { token: accessToken }), 404);
  });

  test('/oauth/token accepts form encoding, JSON and HTTP Basic; a wrong secret is 401 in each', async () => {
    const { clientId, clientSecret } = fixture.server();
    const { organizationId } = fixture.directory();
    const attempts = (secret: string) => [
      { name: 'form', body: undefined, rawBody: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(), headers: form },
      { name: 'json', body: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret }, rawBody: undefined, headers: json },
      { name: 'basic', body: undefined, rawBody: 'grant_type=client_credentials', headers: { ...form, authorization: basic(clientId, secret) } },
    ];
    for (const attempt of attempts(clientSecret)) {
      const response = await http<Json>('POST', `${base()}/oauth/token`, {
        ...(attempt.body ? { body: attempt.body } : {}),
        ...(attempt.rawBody ? { rawBody: attempt.rawBody } : {}),
        headers: attempt.headers,
      });
      assert.equal(response.status, 200, `${attempt.name}: ${response.text}`);
      assert.equal(response.body.token_type, 'Bearer', attempt.name);
      assert.ok(Number.isInteger(response.body.expires_in) && (response.body.expires_in as number) > 0, attempt.name);
      assert.equal(response.headers.get('cache-control'), 'no-store', attempt.name);
      const accessToken = String(response.body.access_token);
      const used = await http('GET', `${base()}/api/v1/organizations/${organizationId}`, { token: accessToken });
      assert.equal(used.status, 200, `${attempt.name} token: ${used.text}`);
    }
    for (const attempt of attempts(`${clientSecret}x`)) {
      const response = await http('POST', `${base()}/oauth/token`, {
        ...(attempt.body ? { body: attempt.body } : {}),
        ...(attempt.rawBody ? { rawBody: attempt.rawBody } : {}),
        headers: attempt.headers,
      });
      assertApiError(response, 401, 'invalid_client');
      assert.equal((response.body as Json).access_token, undefined);
    }
    const unknownClient = await http('POST', `${base()}/oauth/token`, { body: { grant_type: 'client_credentials', client_id: 'nobody_here', client_secret: clientSecret }, headers: json });
    assertApiError(unknownClient, 401, 'invalid_client');
    const wrongGrant = await http('POST', `${base()}/oauth/token`, { body: { grant_type: 'password', client_id: clientId, client_secret: clientSecret }, headers: json });
    assert.equal(assertApiError(wrongGrant, 400).details?.parameter, 'grant_type');
    assertApiError(await http('POST', `${base()}/oauth/token`, { body: { grant_type: 'client_credentials' }, headers: json }), 400);
  });
});

test('loadConfig rejects a bad PORT or DATABASE_URL with a message naming each variable', () => {
  const cases: [Record<string, string>, string[]][] = [
    [{ PORT: 'eighty' }, ['PORT']],
    [{ PORT: '70000' }, ['PORT']],
    [{ PORT: '-1' }, ['PORT']],
    [{ PORT: '80.5' }, ['PORT']],
    [{ DATABASE_URL: 'mysql://localhost/roster' }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'not a url' }, ['DATABASE_URL']],
    [{ PORT: 'x', DATABASE_URL: 'sqlite:roster.db' }, ['PORT', 'DATABASE_URL']],
    [{ ROSTER_CLIENT_ID: 'client_12345678' }, ['ROSTER_CLIENT_SECRET']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
  ];
  for (const [env, variables] of cases) {
    assert.throws(
      () => loadConfig(env),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, String(error));
        for (const variable of variables) assert.match(error.message, new RegExp(`\\b${variable}\\b`), `${JSON.stringify(env)} -> ${error.message}`);
        return true;
      },
      JSON.stringify(env),
    );
  }
  const config = loadConfig({ PORT: '9090', DATABASE_URL: 'postgresql://roster@db:5432/roster' });
  assert.equal(config.PORT, 9090);
  assert.equal(config.DATABASE_URL, 'postgresql://roster@db:5432/roster');
  assert.equal(loadConfig({}).PORT, 8080);
});

test('logs never contain an Authorization header, a client secret, an access token or a password [embedded]', async () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = pino({ level: 'trace', redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, destination);
  const clientId = `log_client_${randomBytes(4).toString('hex')}`;
  const clientSecret = `cs-${randomBytes(24).toString('hex')}`;
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace', ROSTER_CLIENT_ID: clientId, ROSTER_CLIENT_SECRET: clientSecret });
  const server = await startServer({ config, logger, dataDir: 'memory://' });
  const secrets = [clientSecret, basic(clientId, clientSecret).slice('Basic '.length)];
  try {
    const directory = await provisionDirectory(server.url, clientId, clientSecret);
    secrets.push(directory.accessToken, directory.token);
    const form = await http<Json>('POST', `${server.url}/oauth/token`, {
      rawBody: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 200, form.text);
    secrets.push(String(form.body.access_token));
    assert.equal((await http('POST', `${server.url}/oauth/token`, { rawBody: 'grant_type=client_credentials', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(clientId, clientSecret) } })).status, 200);
    assert.equal((await http('POST', `${server.url}/oauth/token`, { body: { grant_type: 'client_credentials', client_id: clientId, client_secret: `${clientSecret}-wrong` }, headers: json })).status, 401);
    secrets.push(`${clientSecret}-wrong`);

    const password = `Pw-${randomBytes(12).toString('hex')}`;
    const patchedPassword = `Pw2-${randomBytes(12).toString('hex')}`;
    secrets.push(password, patchedPassword);
    const created = await http<Json>('POST', `${directory.scim}/Users`, { token: directory.token, body: { schemas: [USER_SCHEMA], userName: 'logs@example.com', password } });
    assert.equal(created.status, 201, created.text);
    const patched = await http('PATCH', `${directory.scim}/Users/${String(created.body.id)}`, {
      token: directory.token,
      body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'password', value: patchedPassword }] },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal((await http('GET', `${directory.scim}/Users`, { token: `${directory.token}x` })).status, 401);
    secrets.push(`${directory.token}x`);
    assert.equal((await http('POST', `${directory.scim}/Users`, { token: directory.token, rawBody: `{"password":"${password}",`, headers: { 'content-type': 'application/scim+json' } })).status, 400);

    // The logger itself, for the shapes code logs by hand (a request, a body, a nested object).
    logger.info({ req: { headers: { authorization: `Bearer ${directory.token}` } }, password, body: { password, client_secret: clientSecret } }, 'by hand');
  } finally {
    await server.close();
  }
  const text = lines.join('');
  assert.ok(lines.length > 10 && text.includes('request received'), `the logger captured too little to judge:\n${text.slice(0, 500)}`);
  assert.ok(text.includes('[REDACTED]'), 'the hand-written line shows the redaction');
  for (const secret of secrets) assert.ok(!text.includes(secret), `a secret reached the logs: ${secret.slice(0, 8)}...`);
  assert.ok(!/authorization"\s*:\s*"(Bearer|Basic) /i.test(text), 'an Authorization header value reached the logs');
});
