import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeBambooHR } from '../src/simulator/sources/fake-bamboohr.js';
import { FakeGoogleWorkspace } from '../src/simulator/sources/fake-google.js';
import { PortalBrowser, PulledApi, pulledEnv, type DirectoryJson } from './support/pulled-directories.js';
import { startTestServer, storesUnderTest, type TestServer } from './support/test-server.js';

// The customer's IT admin connects pulled directories from the admin portal: Google Workspace
// by OAuth consent (through the fake Google's consent screen, the state bound to the portal
// session) and BambooHR with an API key; "Sync now" and the runs. The consent cannot be replayed,
// completed in another session, or completed without every scope.

/** Follows the consent screen as the Google admin would: Allow (or Cancel), and returns where Google redirects. */
async function consent(authorizationUrl: string, decision: 'allow' | 'deny' = 'allow', tamper?: (url: URL) => void): Promise<string> {
  const url = new URL(authorizationUrl);
  tamper?.(url);
  const page = await fetch(url);
  assert.equal(page.status, 200, await page.text());
  const form = new URLSearchParams({
    client_id: url.searchParams.get('client_id') ?? '',
    redirect_uri: url.searchParams.get('redirect_uri') ?? '',
    scope: url.searchParams.get('scope') ?? '',
    state: url.searchParams.get('state') ?? '',
    access_type: url.searchParams.get('access_type') ?? '',
    login: 'admin@acme.example',
    decision,
  });
  const decided = await fetch(`${url.origin}/o/oauth2/v2/auth/decide`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(decided.status, 302);
  return decided.headers.get('location') ?? '';
}

for (const store of storesUnderTest()) {
  describe(`Pulled directories in the admin portal [${store}]`, () => {
    let google: FakeGoogleWorkspace;
    let bamboo: FakeBambooHR;
    let server: TestServer;
    let api: PulledApi;
    let organizationId: string;
    let portal: PortalBrowser;
    let directory: DirectoryJson;

    before(async () => {
      google = await FakeGoogleWorkspace.start();
      for (const handle of ['ada', 'alan', 'grace']) google.directory.addUser({ primaryEmail: `${handle}@acme.example`, givenName: handle, familyName: 'Example' });
      bamboo = await FakeBambooHR.start({ subdomain: 'acme' });
      bamboo.addEmployee({ firstName: 'Hedy', lastName: 'Lamarr', workEmail: 'hedy@acme.example', department: 'Engineering' });
      server = await startTestServer({
        store,
        env: pulledEnv({ google: google.url, bamboohr: bamboo.url, googleClientId: google.clientId, googleClientSecret: google.clientSecret }),
      });
      api = await PulledApi.connect(server.baseUrl, server.clientId, server.clientSecret);
      organizationId = await api.organization();
      portal = await PortalBrowser.open(api, organizationId);
    });
    after(async () => {
      await server?.close();
      await google?.close();
      await bamboo?.close();
    });

    test('the portal knows pulled directories and Google consent are available', async () => {
      const session = await portal.call<{ pulled_directories: { available: boolean; google_consent: boolean } }>('GET', '/api/v1/portal/session');
      assert.deepEqual(session.body.pulled_directories, { available: true, google_consent: true });
    });

    test('Google consent: redirect to Google, back to Roster in the same session, connected and synced', async () => {
      const created = await portal.call<{ directory: DirectoryJson }>('POST', '/api/v1/portal/directories', { directory_type: 'GOOGLE_WORKSPACE' });
      assert.equal(created.status, 201, created.text);
      directory = created.body.directory;
      assert.equal(directory.status, 'NOT_CONFIGURED');
      const started = await portal.call<{ authorization_url: string }>('POST', `/api/v1/portal/directories/${directory.id}/google/oauth:start`);
      assert.equal(started.status, 200, started.text);
      const authorization = new URL(started.body.authorization_url);
      assert.equal(authorization.origin, google.url);
      assert.equal(authorization.searchParams.get('access_type'), 'offline');
      assert.equal(authorization.searchParams.get('redirect_uri'), `${server.baseUrl}/api/v1/google/oauth/callback`);
      assert.deepEqual(authorization.searchParams.get('scope')?.split(' ').sort(), [
        'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
        'https://www.googleapis.com/auth/admin.directory.group.readonly',
        'https://www.googleapis.com/auth/admin.directory.user.readonly',
      ]);

      const callback = await consent(started.body.authorization_url);
      const back = await portal.call('GET', callback);
      assert.equal(back.status, 303, back.text);
      assert.equal(back.headers.get('location'), `/portal/?directory=${directory.id}&google=connected`);
      const replayed = await portal.call('GET', callback);
      assert.equal(replayed.status, 303);
      assert.match(replayed.headers.get('location') ?? '', /google_error=.*already%20used/, 'a consent is used once');

      const run = await api.nextRun(organizationId, directory.id);
      assert.equal(run.status, 'succeeded', run.error ?? '');
      assert.equal((await api.users(organizationId, directory.id)).length, 3);
      const connected = await portal.call<{ directory: DirectoryJson }>('GET', `/api/v1/portal/directories/${directory.id}`);
      assert.equal(connected.body.directory.status, 'ACTIVE');
      assert.equal(connected.body.directory.source?.connection?.kind, 'oauth');
      assert.ok(!connected.text.includes('1//0'), 'the refresh token is never returned');
    });

    test('a consent started in one portal session cannot be completed in another, nor without a session', async () => {
      const other = await PortalBrowser.open(api, organizationId);
      const started = await portal.call<{ authorization_url: string }>('POST', `/api/v1/portal/directories/${directory.id}/google/oauth:start`);
      const callback = await consent(started.body.authorization_url);
      const elsewhere = await other.call('GET', callback);
      assert.equal(elsewhere.status, 303);
      assert.match(decodeURIComponent(elsewhere.headers.get('location') ?? ''), /started in another admin portal session/);
      const started2 = await portal.call<{ authorization_url: string }>('POST', `/api/v1/portal/directories/${directory.id}/google/oauth:start`);
      const callback2 = await consent(started2.body.authorization_url);
      const anonymous = await fetch(callback2, { redirect: 'manual' });
      assert.equal(anonymous.status, 403);
      assert.match(await anonymous.text(), /another admin portal session/);
    });

    test('a consent refused, or missing a scope, connects nothing and says why', async () => {
      const denied = await portal.call<{ authorization_url: string }>('POST', `/api/v1/portal/directories/${directory.id}/google/oauth:start`);
      const deniedBack = await portal.call('GET', await consent(denied.body.authorization_url, 'deny'));
      assert.match(decodeURIComponent(deniedBack.headers.get('location') ?? ''), /did not allow access/);
      const partial = await portal.call<{ authorization_url: string }>('POST', `/api/v1/portal/directories/${directory.id}/google/oauth:start`);
      const partialBack = await portal.call(
        'GET',
        await consent(partial.body.authorization_url, 'allow', (url) => url.searchParams.set('scope', 'https://www.googleapis.com/auth/admin.directory.user.readonly')),
      );
      assert.match(decodeURIComponent(partialBack.headers.get('location') ?? ''), /missing admin\.directory\.group\.readonly, admin\.directory\.group\.member\.readonly/);
    });

    test('revoked consent shows in the portal as invalid credentials after "Sync now"', async () => {
      google.revokeConsent();
      const seen = await api.runIds(organizationId, directory.id);
      const synced = await portal.call('POST', `/api/v1/portal/directories/${directory.id}:sync`);
      assert.equal(synced.status, 200, synced.text);
      const run = await api.nextRun(organizationId, directory.id, seen);
      assert.equal(run.error_code, 'invalid_credentials');
      const shown = await portal.call<{ directory: DirectoryJson }>('GET', `/api/v1/portal/directories/${directory.id}`);
      assert.equal(shown.body.directory.status, 'INVALID_CREDENTIALS');
      assert.match(shown.body.directory.source?.status_message ?? '', /Token has been expired or revoked/);
      const runs = await portal.call<{ sync_runs: { id: string }[] }>('GET', `/api/v1/portal/directories/${directory.id}/sync_runs`);
      assert.equal(runs.body.sync_runs[0]?.id, run.id);
      assert.equal((await api.users(organizationId, directory.id)).length, 3);
    });

    test('BambooHR from the portal: subdomain and API key, then synced', async () => {
      const key = bamboo.createApiKey();
      const created = await portal.call<{ directory: DirectoryJson }>('POST', '/api/v1/portal/directories', { directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'acme' }, credentials: { api_key: key } });
      assert.equal(created.status, 201, created.text);
      const run = await api.nextRun(organizationId, created.body.directory.id);
      assert.equal(run.status, 'succeeded', run.error ?? '');
      const wrong = await portal.call<{ details: { parameter: string } }>('PATCH', `/api/v1/portal/directories/${created.body.directory.id}/source`, { credentials: { api_key: 'x' } });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.details.parameter, 'credentials.api_key');
    });

    test("a portal session reaches only its own organization's pulled directories", async () => {
      const otherOrganization = await api.organization('Globex');
      const theirs = await api.createDirectory(otherOrganization, { directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'globex' } });
      for (const [method, path] of [
        ['POST', `/api/v1/portal/directories/${theirs.id}:sync`],
        ['GET', `/api/v1/portal/directories/${theirs.id}/sync_runs`],
        ['PATCH', `/api/v1/portal/directories/${theirs.id}/source`],
        ['POST', `/api/v1/portal/directories/${theirs.id}/google/oauth:start`],
      ] as const) {
        const response = await portal.call(method, path, method === 'PATCH' ? { bamboohr: { subdomain: 'x' } } : undefined);
        assert.equal(response.status, 404, `${method} ${path}: ${response.text}`);
      }
    });
  });
}
