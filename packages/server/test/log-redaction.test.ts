import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http, provisionDirectory, type ProvisionedDirectory } from './support/api-client.js';
import { freePort } from './support/roster-process.js';
import { USER_SCHEMA, waitFor, type Json } from './support/scim-fixtures.js';
import { startTestServer, storesUnderTest, type TestServer } from './support/test-server.js';

// No credential reaches a log: every route that takes or hands out one is exercised against the
// real server while its log lines (the real logger, at trace level) are captured, and then no
// secret it handed out or was given may appear in them, nor in the SCIM request log. A portal
// link's token once appeared in clear ("url":"/portal?token=rpl_...").

const ADMIN = { email: 'log-admin@example.com', password: `admin-password-${randomBytes(8).toString('hex')}` };
process.env.ROSTER_ADMIN_EMAIL = ADMIN.email;
process.env.ROSTER_ADMIN_PASSWORD = ADMIN.password;
// The webhook receiver is on loopback (and absent: deliveries fail and are logged).
process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
process.env.ROSTER_WEBHOOK_RETRY_BASE_MS = '200';

const json = { 'content-type': 'application/json' };

/** Every string under a key that names a credential, at any depth. */
function credentialsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => credentialsIn(item, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && /secret|token|password/i.test(key) && item.length >= 8) found.add(item);
      else credentialsIn(item, found);
    }
  }
}

function cookieValue(response: { headers: Headers }, name: string): string {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`)) ?? '';
  return header.split(';')[0]?.slice(name.length + 1) ?? '';
}

for (const store of storesUnderTest()) {
  describe(`credentials never reach the logs [${store}]`, () => {
    const lines: string[] = [];
    let server: TestServer;
    let directory: ProvisionedDirectory;
    before(async () => {
      server = await startTestServer({ store, env: { LOG_LEVEL: 'trace' }, logDestination: { write: (line: string) => void lines.push(line) } });
      directory = await provisionDirectory(server.baseUrl, server.clientId, server.clientSecret);
    });
    after(async () => server.close());

    test('oauth token, API clients, directory secrets, portal link and portal session, webhooks, dashboard sign-in, SCIM', async () => {
      const base = server.baseUrl;
      const secrets = new Set<string>([server.clientSecret, ADMIN.password, directory.token, directory.accessToken]);
      const call = async <Body = Json>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {}) => {
        const response = await http<Body>(method, `${base}${path}`, { headers: json, ...options });
        credentialsIn(response.body, secrets);
        for (const cookie of response.headers.getSetCookie()) secrets.add(cookie.split(';')[0]?.split('=')[1] ?? '');
        return response;
      };
      const token = directory.accessToken;
      const org = directory.organizationId;
      const dir = `/api/v1/organizations/${org}/directories/${directory.directoryId}`;

      // OAuth: JSON, form, a wrong secret, a secret sent in the query string.
      assert.equal((await call('POST', '/oauth/token', { body: { grant_type: 'client_credentials', client_id: server.clientId, client_secret: server.clientSecret } })).status, 200);
      const form = await call('POST', '/oauth/token', { rawBody: `grant_type=client_credentials&client_id=${server.clientId}&client_secret=${encodeURIComponent(server.clientSecret)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.status, 200, form.text);
      const wrongSecret = `wrong-${randomBytes(12).toString('hex')}`;
      secrets.add(wrongSecret);
      assert.equal((await call('POST', '/oauth/token', { body: { grant_type: 'client_credentials', client_id: server.clientId, client_secret: wrongSecret } })).status, 401);
      await call('POST', `/oauth/token?client_id=${server.clientId}&client_secret=${wrongSecret}`, { body: { grant_type: 'client_credentials' } });
      // A client that puts its access token in the URL.
      await call('GET', `/api/v1/organizations?access_token=${token}`);

      // API clients: created (its secret shown once), exchanged, revoked.
      const client = await call<{ client: { id: string }; plain_secret: string }>('POST', '/api/v1/clients', { token, body: { name: 'log test' } });
      assert.equal(client.status, 201, client.text);
      assert.equal((await call('POST', '/oauth/token', { body: { grant_type: 'client_credentials', client_id: client.body.client.id, client_secret: client.body.plain_secret } })).status, 200);
      await call('POST', `/api/v1/clients/${client.body.client.id}:revoke`, { token, body: {} });

      // Directory secrets: created, regenerated, used over SCIM (also with a token in the query).
      const created = await call<{ plain_secret: string; secret: { id: string } }>('POST', `${dir}/secrets`, { token, body: {} });
      assert.equal(created.status, 201, created.text);
      const regenerated = await call<{ plain_secret: string }>('POST', `${dir}/secrets:regenerate`, { token, body: { grace_period_seconds: 60 } });
      assert.equal(regenerated.status, 200, regenerated.text);
      const scim = await http('POST', `${directory.scim}/Users?access_token=${regenerated.body.plain_secret}`, { token: regenerated.body.plain_secret, body: { schemas: [USER_SCHEMA], userName: 'logged-secret@example.com', password: ADMIN.password } });
      assert.equal(scim.status, 201, scim.text);

      // Portal link: created, opened (token in the URL), its session used to make and regenerate secrets.
      const link = await call<{ link: { id: string; location: string } }>('PUT', `/api/v1/organizations/${org}/portal_links`, { token, body: {} });
      assert.equal(link.status, 200, link.text);
      const linkToken = new URL(link.body.link.location).searchParams.get('token') ?? '';
      assert.match(linkToken, /^rpl_/);
      secrets.add(linkToken);
      const opened = await fetch(`${base}/portal?token=${linkToken}`, { redirect: 'manual' });
      assert.equal(opened.status, 303);
      const portalCookie = cookieValue(opened, 'roster_portal');
      secrets.add(portalCookie);
      const portal = { cookie: `roster_portal=${portalCookie}` };
      const session = await call<{ csrf_token: string }>('GET', '/api/v1/portal/session', { headers: portal });
      const portalWrite = { ...portal, ...json, 'x-roster-csrf': session.body.csrf_token };
      const portalSecret = await call('POST', `/api/v1/portal/directories/${directory.directoryId}/secrets`, { headers: portalWrite, body: {} });
      assert.equal(portalSecret.status, 201, portalSecret.text);
      assert.equal((await call('POST', `/api/v1/portal/directories/${directory.directoryId}/secrets:regenerate`, { headers: portalWrite, body: {} })).status, 200);
      await fetch(`${base}/portal?token=rpl_${randomBytes(32).toString('base64url')}`, { redirect: 'manual' });

      // Webhooks: created on a URL that itself carries a token, rotated; deliveries to it fail and are logged.
      const hookToken = randomBytes(16).toString('hex');
      secrets.add(hookToken);
      const webhook = await call<{ webhook: { id: string }; secret: string }>('POST', '/api/v1/webhooks', { token, body: { url: `http://127.0.0.1:${await freePort()}/hook?token=${hookToken}` } });
      assert.equal(webhook.status, 201, webhook.text);
      assert.equal((await call('POST', `/api/v1/webhooks/${webhook.body.webhook.id}/secrets:rotate`, { token, body: {} })).status, 200);
      await call('POST', '/api/v1/organizations', { token, body: { display_name: 'Event for the webhook' } });

      // Dashboard: a wrong password, a sign-in, an administrator created with a password.
      assert.equal((await call('POST', '/api/v1/dashboard/session', { body: { email: ADMIN.email, password: `${ADMIN.password}-wrong` } })).status, 401);
      secrets.add(`${ADMIN.password}-wrong`);
      const signedIn = await call<{ csrf_token: string }>('POST', '/api/v1/dashboard/session', { body: ADMIN });
      assert.equal(signedIn.status, 200, signedIn.text);
      const dashboard = { cookie: `roster_dashboard=${cookieValue(signedIn, 'roster_dashboard')}`, 'x-roster-csrf': signedIn.body.csrf_token };
      const newAdminPassword = `another-password-${randomBytes(8).toString('hex')}`;
      secrets.add(newAdminPassword);
      assert.equal((await call('POST', '/api/v1/dashboard/admins', { headers: { ...json, ...dashboard }, body: { email: 'second@example.com', password: newAdminPassword } })).status, 201);

      // Let the worker try the webhook and the recorder write the request log.
      const pool = server.server.services.db.pool;
      await waitFor(async () => ((await pool.query('SELECT 1 FROM webhook_attempts LIMIT 1')).rowCount ? true : undefined), 10_000);
      await waitFor(async () => ((await pool.query("SELECT 1 FROM scim_request_log WHERE path LIKE '%access_token%'")).rowCount ? true : undefined), 5_000);

      const logged = lines.join('');
      assert.ok(lines.length > 50, `only ${lines.length} log lines were captured`);
      // The access log writes paths without their query string; the redacting stream is the second guard.
      assert.ok(logged.includes('"path":"/portal"'), 'the portal link request is logged, without its token');
      assert.ok(logged.includes('/hook?token=[REDACTED]') || !logged.includes('/hook?token='), 'a webhook URL is logged redacted if at all');
      const requestLog = JSON.stringify((await pool.query('SELECT path, request_body, response_body FROM scim_request_log')).rows);
      assert.ok(requestLog.includes('/Users?access_token=[REDACTED]'), requestLog.slice(0, 300));
      for (const secret of [...secrets].filter((value) => value.length >= 8)) {
        for (const form of new Set([secret, encodeURIComponent(secret)])) {
          assert.ok(!logged.includes(form), `a secret (${secret.slice(0, 6)}...) reached the process log: ${lines.find((line) => line.includes(form))?.slice(0, 300)}`);
          assert.ok(!requestLog.includes(form), `a secret (${secret.slice(0, 6)}...) reached the SCIM request log`);
        }
      }
    });
  });
}
