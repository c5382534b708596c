import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserMissing, launchBrowser } from './support/browser.js';
import { organizationWithPortalLink, startRoster, type Roster } from './support/roster.js';

// A portal link that cannot be opened gets a clear page with a 4xx status: expired, revoked,
// or altered. A revoked link also ends the sessions opened with it. A portal session reaches only
// its own organization; its "Send sample data" asks first, goes through the real SCIM endpoint,
// is marked as sample data and can be removed.

const skip = browserMissing();

describe('portal links and sessions', { skip }, () => {
  let roster: Roster;
  let browser: Browser;
  let page: Page;

  before(async () => {
    roster = await startRoster();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await roster?.close();
  });

  it('an expired link says it expired', async () => {
    const { link } = await organizationWithPortalLink(roster, 'Expiring Co', new Date(Date.now() + 1500).toISOString());
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const response = await page.goto(link.location);
    assert.equal(response?.status(), 410);
    await page.getByRole('heading', { name: 'This link has expired' }).waitFor();
    assert.match((await page.textContent('body')) ?? '', /Ask the application’s team/);
  });

  it('an altered link says it is not valid', async () => {
    const { link } = await organizationWithPortalLink(roster, 'Tampered Co');
    const url = new URL(link.location);
    const token = url.searchParams.get('token') ?? '';
    url.searchParams.set('token', `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`);
    const response = await page.goto(url.toString());
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  });

  it('a revoked link is not valid, and the session opened with it ends', async () => {
    const { organizationId, link } = await organizationWithPortalLink(roster, 'Revoked Co');
    await page.goto(link.location);
    await page.getByRole('heading', { name: 'Connect your directory' }).waitFor();
    await roster.api('DELETE', `/api/v1/organizations/${organizationId}/portal_links/${link.id}`);
    await page.reload();
    await page.getByRole('heading', { name: 'Your session has ended' }).waitFor();
    const response = await page.goto(link.location);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  });

  it('sends sample data through the real SCIM endpoint once confirmed, marks it, and removes it', async () => {
    const { organizationId, link } = await organizationWithPortalLink(roster, 'Sample Co');
    await page.goto(link.location);
    await page.getByRole('button', { name: /Other SCIM 2.0/ }).click();
    assert.equal(await page.getByTestId('connection-status').getAttribute('data-status'), 'waiting');
    // Nothing is sent until the person confirms; cancelling sends nothing.
    await page.getByRole('button', { name: 'Send sample data' }).click();
    const confirm = page.getByRole('dialog', { name: 'Send sample data to this directory?' });
    await confirm.getByText(/marked as sample data/).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('connection-status').getAttribute('data-status'), 'waiting');
    await page.getByRole('button', { name: 'Send sample data' }).click();
    await confirm.getByRole('button', { name: 'Send sample data' }).click();
    await page.getByText(/Sent 8 sample users and 3 groups/).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });
    const notice = page.getByRole('status', { name: 'Sample data' });
    await notice.getByText('This directory holds 8 sample users and 3 sample groups').waitFor();
    await page.getByRole('tab', { name: /Users/ }).click();
    const users = page.getByRole('table', { name: 'Users' });
    await users.locator('tbody tr').nth(7).waitFor();
    assert.equal(await users.getByText('Sample', { exact: true }).count(), 8, 'each sample user is marked');
    await page.getByRole('tab', { name: 'Settings' }).click();
    // Its temporary token was revoked when the push ended; the directory's own token is untouched.
    await page.getByRole('button', { name: 'Show 1 revoked or expired' }).waitFor();

    await notice.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByRole('dialog', { name: 'Remove the sample data?' }).getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByText(/Removed 8 sample users and 3 groups/).waitFor({ timeout: 30_000 });
    await notice.waitFor({ state: 'detached' });
    const { directories } = await roster.api<{ directories: { id: string }[] }>('GET', `/api/v1/organizations/${organizationId}/directories`);
    const directoryId = directories[0]?.id ?? '';
    const left = await roster.api<{ users: unknown[] }>('GET', `/api/v1/organizations/${organizationId}/directories/${directoryId}/users`);
    assert.deepEqual(left.users, []);
  });

  it('a portal session reaches only its own organization', async () => {
    const first = await organizationWithPortalLink(roster, 'First Org');
    const second = await organizationWithPortalLink(roster, 'Second Org');
    const { directory } = await roster.api<{ directory: { id: string } }>('POST', `/api/v1/organizations/${second.organizationId}/directories`, { directory_type: 'SCIM', directory_provider: 'OKTA' });
    await page.goto(first.link.location);
    await page.getByRole('heading', { name: 'Connect your directory' }).waitFor();
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/portal/directories/${id}/users`)).status, directory.id);
    assert.equal(status, 404);
    const writes = await page.evaluate(async () => (await fetch('/api/v1/portal/directories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"directory_provider":"OKTA"}' })).status);
    assert.equal(writes, 403, 'a write without the CSRF token is refused');
  });
});
