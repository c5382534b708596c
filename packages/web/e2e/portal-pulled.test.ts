import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { FakeBambooHR } from '../../server/src/simulator/sources/fake-bamboohr.js';
import { FakeGoogleWorkspace } from '../../server/src/simulator/sources/fake-google.js';
import { pulledEnv } from '../../server/test/support/pulled-directories.js';
import { browserMissing, launchBrowser } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, organizationWithPortalLink, requireDashboardHook, startRoster, type Roster } from './support/roster.js';

// Pulled directories in the browser. A customer's IT admin connects Google Workspace by signing
// in with Google (the fake's consent screen, then back to the portal in the same session),
// watches the first sync, presses "Sync now", and sees the error when the consent is revoked;
// another connects BambooHR with a subdomain and API key. The app's team, in the dashboard,
// sees a sync the safety threshold held and approves it.

const skip = browserMissing();

describe('pulled directories in the portal and the dashboard', { skip }, () => {
  let roster: Roster;
  let google: FakeGoogleWorkspace;
  let bamboo: FakeBambooHR;
  let browser: Browser;
  let page: Page;
  let googleDirectory = '';
  let googleOrganization = '';

  before(async () => {
    google = await FakeGoogleWorkspace.start();
    for (const handle of ['ada', 'alan', 'grace', 'hedy', 'barbara', 'frances', 'katherine', 'margaret', 'donald', 'john']) {
      google.directory.addUser({ primaryEmail: `${handle}@acme.example`, givenName: handle[0]?.toUpperCase() + handle.slice(1), familyName: 'Example', orgUnitPath: '/Engineering' });
    }
    const team = google.directory.addGroup('Engineering');
    for (const user of google.directory.users.values()) google.directory.addMember(team.id, user.id);
    bamboo = await FakeBambooHR.start({ subdomain: 'globex' });
    bamboo.addEmployee({ firstName: 'Rosalind', lastName: 'Franklin', workEmail: 'rosalind@globex.example', department: 'Research' });
    bamboo.addEmployee({ firstName: 'Lise', lastName: 'Meitner', workEmail: 'lise@globex.example', department: 'Research' });
    roster = await startRoster(pulledEnv({ google: google.url, bamboohr: bamboo.url, googleClientId: google.clientId, googleClientSecret: google.clientSecret }));
    await requireDashboardHook(roster);
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await roster?.close();
    await google?.close();
    await bamboo?.close();
  });

  it('connects Google Workspace by signing in with Google, through the consent screen and back', async () => {
    const created = await organizationWithPortalLink(roster, 'Acme Corp');
    googleOrganization = created.organizationId;
    await page.goto(created.link.location);
    await page.getByRole('heading', { name: 'Connect your directory' }).waitFor();
    await page.getByRole('button', { name: /Google Workspace/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Connect Google Workspace' }).waitFor();
    assert.equal(await page.getByTestId('sync-status').getAttribute('data-status'), 'not_connected');
    assert.ok(await page.getByText('Manage Domain Wide Delegation').isVisible(), 'the service-account way is explained too');

    await page.getByTestId('google-sign-in').click();
    await page.waitForURL((url) => url.origin === google.url);
    await page.getByRole('heading', { name: /Roster wants to access your Google Account/ }).waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.waitForURL((url) => url.origin === roster.baseUrl && url.pathname === '/portal/');
    await page.locator('[data-testid="sync-status"][data-status="active"]').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('sync-status').textContent()) ?? '', /In sync with Google Workspace/);
    await page.getByRole('tab', { name: /Users/ }).click();
    await page.getByText('ada@acme.example').waitFor();
    const directories = await roster.api<{ directories: { id: string }[] }>('GET', `/api/v1/organizations/${googleOrganization}/directories`);
    googleDirectory = directories.directories[0]?.id ?? '';
  });

  it('"Sync now" brings a change made in Google', async () => {
    google.directory.addUser({ primaryEmail: 'new.hire@acme.example', givenName: 'New', familyName: 'Hire' });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('new.hire@acme.example').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /Sync runs/ }).click();
    await page.locator('[data-testid="sync-run"][data-status="succeeded"]').first().waitFor();
    assert.match((await page.getByTestId('sync-runs').textContent()) ?? '', /Sync now/);
  });

  it('shows the error when the consent is revoked, and that no one was removed', async () => {
    google.revokeConsent();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.locator('[data-testid="sync-status"][data-status="invalid_credentials"]').waitFor({ timeout: 60_000 });
    const message = (await page.getByTestId('sync-status-message').textContent()) ?? '';
    assert.match(message, /Token has been expired or revoked/);
    assert.match(message, /Nothing was removed/);
    await page.locator('[data-testid="sync-run"][data-status="failed"]').first().waitFor();
  });

  it('connects BambooHR with a subdomain and an API key', async () => {
    const created = await organizationWithPortalLink(roster, 'Globex');
    const other = await (await browser.newContext()).newPage();
    await other.goto(created.link.location);
    await other.getByRole('button', { name: /BambooHR/ }).click();
    await other.getByLabel('Company subdomain').fill('globex');
    await other.getByLabel('API key').fill('not-a-valid-key-at-all');
    await other.getByRole('button', { name: 'Connect BambooHR' }).click();
    // A key BambooHR refuses: the portal says so.
    await other.locator('[data-testid="sync-status"][data-status="invalid_credentials"]').waitFor({ timeout: 60_000 });
    assert.match((await other.getByTestId('sync-status-message').textContent()) ?? '', /Invalid API key/);
    await other.getByRole('tab', { name: 'Connection' }).click();
    await other.getByLabel('API key').fill(bamboo.createApiKey());
    await other.getByRole('button', { name: 'Save' }).click();
    await other.locator('[data-testid="sync-status"][data-status="active"]').waitFor({ timeout: 60_000 });
    await other.getByRole('tab', { name: /Users/ }).click();
    await other.getByText('rosalind@globex.example').waitFor();
    await other.close();
  });

  it('in the dashboard, a sync held by the safety threshold is approved and then applied; "Sync now" there too', async () => {
    // A new consent (the old one was revoked), made through the API's service-account way.
    // The removals first: the new credentials start a run at once, which must see them.
    for (const user of [...google.directory.users.values()].slice(0, 6)) google.directory.deleteUser(user.id);
    const key = google.createServiceAccountKey();
    await roster.api('PATCH', `/api/v1/organizations/${googleOrganization}/directories/${googleDirectory}/source`, { credentials: { service_account_key: key, admin_email: 'admin@acme.example' } });

    const dashboard = await (await browser.newContext()).newPage();
    await dashboard.goto(`${roster.baseUrl}/dashboard/organizations/${googleOrganization}/directories/${googleDirectory}`);
    await dashboard.getByLabel('Email').fill(ADMIN_EMAIL);
    await dashboard.getByLabel('Password').fill(ADMIN_PASSWORD);
    await Promise.all([
      dashboard.waitForResponse((response) => response.url().endsWith('/api/v1/dashboard/session') && response.request().method() === 'POST'),
      dashboard.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await dashboard.goto(`${roster.baseUrl}/dashboard/organizations/${googleOrganization}/directories/${googleDirectory}`);
    await dashboard.locator('[data-testid="sync-status"][data-status="needs_review"]').waitFor({ timeout: 60_000 });
    await dashboard.getByRole('tab', { name: /Sync runs/ }).click();
    const held = dashboard.locator('[data-testid="sync-run"][data-status="held"]').first();
    await held.waitFor();
    assert.match((await held.textContent()) ?? '', /6 of 11 users/);
    const before = await roster.api<{ directory: { total_users: number } }>('GET', `/api/v1/organizations/${googleOrganization}/directories/${googleDirectory}`);
    assert.equal(before.directory.total_users, 11, 'no one removed while held');
    await held.getByRole('button', { name: 'Approve' }).click();
    await dashboard.locator('[data-testid="sync-status"][data-status="active"]').waitFor({ timeout: 60_000 });
    await dashboard.waitForFunction(
      async ({ url }) => ((await (await fetch(url)).json()) as { directory: { total_users: number } }).directory.total_users === 5,
      { url: `/api/v1/organizations/${googleOrganization}/directories/${googleDirectory}` },
      { timeout: 60_000, polling: 500 },
    );

    // "Sync now" from the dashboard: a run the Sync runs tab lists as such, bringing a newcomer.
    google.directory.addUser({ primaryEmail: 'dashboard.hire@acme.example', givenName: 'Dashboard', familyName: 'Hire' });
    await dashboard.getByRole('button', { name: 'Sync now' }).click();
    await dashboard.getByText('Sync started').waitFor();
    await dashboard.waitForFunction(
      async ({ url }) => ((await (await fetch(url)).json()) as { directory: { total_users: number } }).directory.total_users === 6,
      { url: `/api/v1/organizations/${googleOrganization}/directories/${googleDirectory}` },
      { timeout: 60_000, polling: 500 },
    );
    await dashboard.getByRole('tab', { name: /Users/ }).click();
    await dashboard.getByText('dashboard.hire@acme.example').waitFor({ timeout: 30_000 });
    await dashboard.getByRole('tab', { name: /Sync runs/ }).click();
    await dashboard.waitForFunction(
      () => {
        const newest = document.querySelector('[data-testid="sync-run"]');
        return newest?.getAttribute('data-status') === 'succeeded' && /Sync now/.test(newest.textContent ?? '');
      },
      undefined,
      { timeout: 30_000, polling: 500 },
    );
    await dashboard.close();
  });
});
