import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from './support/each-store.js';
import { http } from './support/api-client.js';

// The web UI's server side: dashboard sign-in (scrypt accounts from the environment, cookie
// sessions that expire, rate limiting, CSRF), portal links exchanged for portal sessions scoped
// to one organization, and the portal's API. The browser tests are in packages/web/e2e.

const ADMIN = { email: 'ops@example.com', password: 'a-long-enough-password' };
// The first administrator comes from the environment (read when the app is built).
process.env.ROSTER_ADMIN_EMAIL = ADMIN.email;
process.env.ROSTER_ADMIN_PASSWORD = ADMIN.password;

const json = { 'content-type': 'application/json' };

function cookieOf(response: { headers: Headers }, name: string): { value: string; attributes: string } {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`)) ?? '';
  const [pair = '', ...rest] = header.split('; ');
  return { value: pair.slice(name.length + 1), attributes: rest.join('; ') };
}

describeEachStore('web UI: dashboard sessions and portal sessions', (fixture) => {
  const base = () => fixture.server().baseUrl;
  let session = { cookie: '', csrf: '' };

  async function signIn(email = ADMIN.email, password = ADMIN.password) {
    return http<{ csrf_token: string; admin: { email: string } }>('POST', `${base()}/api/v1/dashboard/session`, { body: { email, password }, headers: json });
  }

  it('signs in the administrator created from ROSTER_ADMIN_EMAIL, with an HttpOnly SameSite=Strict cookie that expires', async () => {
    const wrong = await signIn(ADMIN.email, 'not-the-password!');
    assert.equal(wrong.status, 401);
    assert.equal((wrong.body as unknown as { code: string }).code, 'invalid_credentials');
    const unknown = await signIn('nobody@example.com', 'not-the-password!');
    assert.equal(unknown.status, 401, 'an unknown email answers like a wrong password');
    const response = await signIn(ADMIN.email.toUpperCase());
    assert.equal(response.status, 200, response.text);
    const cookie = cookieOf(response, 'roster_dashboard');
    assert.match(cookie.attributes, /HttpOnly/);
    assert.match(cookie.attributes, /SameSite=Strict/);
    assert.match(cookie.attributes, /Max-Age=43200/);
    session = { cookie: `roster_dashboard=${cookie.value}`, csrf: response.body.csrf_token };
    const current = await http<{ admin: { email: string } }>('GET', `${base()}/api/v1/dashboard/session`, { headers: { cookie: session.cookie } });
    assert.equal(current.body.admin.email, ADMIN.email);
  });

  it('opens the management API to a dashboard session (hook in management-auth.ts), writes only with the CSRF token', async () => {
    const read = await http('GET', `${base()}/api/v1/organizations`, { headers: { cookie: session.cookie } });
    assert.equal(read.status, 200, read.text);
    const forged = await http('POST', `${base()}/api/v1/organizations`, { body: { display_name: 'Forged' }, headers: { ...json, cookie: session.cookie } });
    assert.equal(forged.status, 403, forged.text);
    const written = await http('POST', `${base()}/api/v1/organizations`, { body: { display_name: 'Written' }, headers: { ...json, cookie: session.cookie, 'x-roster-csrf': session.csrf } });
    assert.equal(written.status, 201, written.text);
  });

  it('refuses the dashboard routes without a session, and writes without the CSRF token', async () => {
    assert.equal((await http('GET', `${base()}/api/v1/dashboard/admins`)).status, 401);
    const forged = await http('PUT', `${base()}/api/v1/dashboard/allowed_origins`, { body: { origins: [] }, headers: { ...json, cookie: session.cookie } });
    assert.equal(forged.status, 403);
    const saved = await http<{ stored: string[] }>('PUT', `${base()}/api/v1/dashboard/allowed_origins`, {
      body: { origins: ['https://app.example.com/', 'http://localhost:3000'] },
      headers: { ...json, cookie: session.cookie, 'x-roster-csrf': session.csrf },
    });
    assert.deepEqual(saved.body.stored, ['http://localhost:3000', 'https://app.example.com']);
    const bad = await http<{ details: { parameter: string } }>('PUT', `${base()}/api/v1/dashboard/allowed_origins`, {
      body: { origins: ['https://app.example.com/path'] },
      headers: { ...json, cookie: session.cookie, 'x-roster-csrf': session.csrf },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.details.parameter, 'origins.0');
  });

  it('ends a session when it expires and when the administrator signs out', async () => {
    const other = await signIn();
    const cookie = `roster_dashboard=${cookieOf(other, 'roster_dashboard').value}`;
    await fixture.server().server.services.db.pool.query("UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE kind = 'dashboard' AND id = (SELECT max(id) FROM web_sessions WHERE kind = 'dashboard')");
    assert.equal((await http('GET', `${base()}/api/v1/dashboard/session`, { headers: { cookie } })).status, 401, 'expired');
    const out = await http('DELETE', `${base()}/api/v1/dashboard/session`, { headers: { cookie: session.cookie } });
    assert.equal(out.status, 204);
    assert.match(cookieOf(out, 'roster_dashboard').attributes, /Max-Age=0/);
    assert.equal((await http('GET', `${base()}/api/v1/dashboard/session`, { headers: { cookie: session.cookie } })).status, 401, 'signed out');
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await http('POST', `${base()}/api/v1/dashboard/session`, { body: ADMIN, headers: { ...json, origin: 'https://evil.example' } });
    assert.equal(response.status, 403);
    const same = await http('POST', `${base()}/api/v1/dashboard/session`, { body: ADMIN, headers: { ...json, origin: new URL(base()).origin } });
    assert.equal(same.status, 200, same.text);
  });

  it('rate-limits sign-in attempts on one email', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) statuses.push((await signIn('victim@example.com', `guess-number-${attempt}`)).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    const limited = await signIn('victim@example.com', 'one-more-guess');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });

  it('exchanges a portal link for a session cookie scoped to its organization', async () => {
    const mine = await fixture.newDirectory('AZURE_AD');
    const theirs = await fixture.newDirectory('OKTA');
    const link = await http<{ link: { id: string; location: string } }>('PUT', `${base()}/api/v1/organizations/${mine.organizationId}/portal_links`, { token: mine.accessToken, body: {}, headers: json });
    const opened = await fetch(link.body.link.location, { redirect: 'manual' });
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.get('location'), '/portal/');
    const cookie = cookieOf(opened, 'roster_portal');
    assert.match(cookie.attributes, /HttpOnly/);
    assert.match(cookie.attributes, /SameSite=None; Secure; Partitioned/, 'usable inside the app’s iframe');
    const headers = { cookie: `roster_portal=${cookie.value}` };

    const info = await http<{ organization: { id: string }; csrf_token: string }>('GET', `${base()}/api/v1/portal/session`, { headers });
    assert.equal(info.body.organization.id, mine.organizationId);
    const directories = await http<{ directories: { id: string }[] }>('GET', `${base()}/api/v1/portal/directories`, { headers });
    assert.deepEqual(directories.body.directories.map((directory) => directory.id), [mine.directoryId]);
    assert.equal((await http('GET', `${base()}/api/v1/portal/directories/${theirs.directoryId}`, { headers })).status, 404, 'another organization’s directory');
    assert.equal((await http('GET', `${base()}/api/v1/portal/directories/${theirs.directoryId}/request_log`, { headers })).status, 404);
    assert.equal((await http('GET', `${base()}/api/v1/organizations`, { headers })).status, 401, 'a portal session never opens the management API');

    const log = await http<{ requests: unknown[] }>('GET', `${base()}/api/v1/portal/directories/${mine.directoryId}/request_log?failed=true`, { headers });
    assert.equal(log.status, 200);
    const disabled = await http('POST', `${base()}/api/v1/portal/directories/${mine.directoryId}:disable`, { headers: { ...headers, 'x-roster-csrf': info.body.csrf_token } });
    assert.equal(disabled.status, 200, disabled.text);

    await http('DELETE', `${base()}/api/v1/organizations/${mine.organizationId}/portal_links/${link.body.link.id}`, { token: mine.accessToken });
    assert.equal((await http('GET', `${base()}/api/v1/portal/session`, { headers })).status, 401, 'revoking the link ends its sessions');
  });

  it('answers an expired, revoked or altered link with a page that says so', async () => {
    const directory = fixture.directory();
    const soon = new Date(Date.now() + 1000).toISOString();
    const expiring = await http<{ link: { location: string } }>('PUT', `${base()}/api/v1/organizations/${directory.organizationId}/portal_links`, { token: directory.accessToken, body: { expire_time: soon }, headers: json });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const expired = await fetch(expiring.body.link.location);
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /This link has expired/);
    for (const token of ['rpl_tampered', `rpl_${'A'.repeat(43)}`, '']) {
      const response = await fetch(`${base()}/portal?token=${token}`);
      assert.equal(response.status, 404, token);
      assert.match(await response.text(), /This link is not valid/);
    }
  });
});
