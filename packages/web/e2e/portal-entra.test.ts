import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runSimulation } from '../../server/src/simulator/run-simulation.js';
import { browserMissing, launchBrowser } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, organizationWithPortalLink, requireDashboardHook, startRoster, type Roster } from './support/roster.js';

// The customer's IT admin opens a portal link, chooses Microsoft Entra ID, copies the bearer
// token from the guide, and Entra (simulated, with that token) provisions users and groups;
// the portal turns from "waiting" to connected and lists the users; a group is mapped to a role
// in the portal, and the app's team sees the users' roles in the dashboard.

const skip = browserMissing();

describe('admin portal: Entra ID setup end to end', { skip }, () => {
  let roster: Roster;
  let browser: Browser;
  let portal: BrowserContext;
  let page: Page;
  let organizationId: string;
  let token = '';
  let endpoint = '';

  before(async () => {
    roster = await startRoster();
    await requireDashboardHook(roster);
    browser = await launchBrowser();
    await roster.api('POST', '/api/v1/roles', { name: 'admin', display_name: 'Administrator', permissions: ['users:write'] });
    await roster.api('POST', '/api/v1/roles', { name: 'member', display_name: 'Member', permissions: ['users:read'], is_default: true });
    portal = await browser.newContext();
    await portal.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: roster.baseUrl });
    page = await portal.newPage();
  });

  after(async () => {
    await browser?.close();
    await roster?.close();
  });

  it('opens the portal from the link, which leaves the address bar', async () => {
    const created = await organizationWithPortalLink(roster, 'Contoso Ltd');
    organizationId = created.organizationId;
    await page.goto(created.link.location);
    await page.getByRole('heading', { name: 'Connect your directory' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/portal/');
    assert.equal(new URL(page.url()).search, '', 'the token is not left in the URL');
    assert.ok(await page.getByText('Contoso Ltd').first().isVisible());
  });

  it('chooses Microsoft Entra ID and shows its guide with the endpoint and a fresh token', async () => {
    await page.getByRole('button', { name: /Microsoft Entra ID/ }).click();
    await page.getByRole('heading', { name: 'Connect Microsoft Entra ID' }).waitFor();
    for (const label of ['Tenant URL', 'Secret Token', 'Test Connection', 'Provisioning Mode']) {
      assert.ok(await page.getByText(label, { exact: false }).first().isVisible(), `the guide names ${label}`);
    }
    endpoint = (await page.getByTestId('scim-endpoint').textContent()) ?? '';
    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/directories\/dir_\w+\/scim\/v2$/);
    assert.equal(await page.getByTestId('connection-status').getAttribute('data-status'), 'waiting');
  });

  it('copies the token with its copy button', async () => {
    const shown = (await page.getByTestId('bearer-token').textContent()) ?? '';
    assert.match(shown, /^rsk_[\w-]{43}$/);
    await page.getByRole('button', { name: 'Copy bearer token' }).click();
    await page.getByRole('button', { name: 'Copy bearer token: copied' }).waitFor();
    token = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(token, shown);
  });

  it('turns from waiting to connected when Entra pushes users and groups with the copied token', async () => {
    const summary = await runSimulation({ url: endpoint, token, provider: 'entra', scenarios: 'initial-sync', users: 6, groups: 2, seed: 'portal-e2e' });
    assert.equal(summary.ok, true, JSON.stringify(summary.failedRequests));
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });
    assert.match((await page.getByTestId('connection-status').textContent()) ?? '', /Connected to Microsoft Entra ID/);
  });

  it('lists the provisioned users, with search', async () => {
    await page.getByRole('tab', { name: /Users/ }).click();
    const rows = page.getByRole('table', { name: 'Users' }).locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 6);
    const firstName = ((await rows.first().locator('.cell-primary').textContent()) ?? '').trim();
    await page.getByRole('searchbox', { name: /Search users/ }).fill(firstName.split(' ')[0] ?? firstName);
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('table[aria-label="Users"] tbody tr').length;
      return rows >= 1 && rows < 6;
    });
    assert.ok(await page.getByRole('button', { name: firstName }).isVisible());
    await page.getByRole('searchbox', { name: /Search users/ }).fill('');
  });

  it('shows the request log of Entra’s requests', async () => {
    await page.getByRole('tab', { name: 'Request log' }).click();
    await page.getByRole('table', { name: 'SCIM requests' }).locator('tbody tr').first().waitFor();
    assert.ok((await page.getByRole('table', { name: 'SCIM requests' }).locator('tbody tr').count()) > 5);
  });

  it('maps a group to a role', async () => {
    await page.getByRole('tab', { name: 'Role mapping' }).click();
    await page.getByRole('button', { name: 'Map a group' }).click();
    const group = page.getByRole('combobox', { name: 'Group 1' });
    const options = await group.locator('option').allTextContents();
    // The smallest group (the simulated Entra tenant also has an all-employees group).
    const count = (label: string) => Number(/\((\d+)\)$/.exec(label)?.[1] ?? Infinity);
    const groupLabel = options.filter((option) => !option.startsWith('Choose') && count(option) > 0).sort((a, b) => count(a) - count(b))[0] ?? '';
    await group.selectOption({ label: groupLabel });
    await page.getByRole('combobox', { name: 'Role 1' }).selectOption({ label: 'Administrator' });
    await page.getByRole('button', { name: 'Save role mapping' }).click();
    await page.getByText('Role mapping saved').waitFor();
  });

  it('shows the users and their roles to the app’s team in the dashboard', async () => {
    const team = await browser.newContext();
    const dashboard = await team.newPage();
    await dashboard.goto(`${roster.baseUrl}/dashboard/`);
    await dashboard.getByLabel('Email').fill(ADMIN_EMAIL);
    await dashboard.getByLabel('Password').fill(ADMIN_PASSWORD);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await dashboard.getByRole('heading', { name: 'Organizations' }).waitFor();
    await dashboard.getByRole('link', { name: 'Contoso Ltd' }).click();
    await dashboard.getByRole('link', { name: /AZURE_AD directory|Microsoft Entra ID directory/ }).click();
    const roles = dashboard.getByRole('table', { name: 'Users' }).getByTestId('user-roles');
    await roles.first().waitFor();
    const all = await roles.allTextContents();
    assert.equal(all.length, 6);
    assert.ok(all.some((text) => text.includes('admin')), `some user is an admin through the mapped group: ${all.join(' | ')}`);
    assert.ok(all.some((text) => text.includes('member')), `users in no mapped group hold the default role: ${all.join(' | ')}`);
    // The same roles as the management API derives.
    const directories = await roster.api<{ directories: { id: string }[] }>('GET', `/api/v1/organizations/${organizationId}/directories`);
    const users = await roster.api<{ users: { roles: { role_name: string }[] }[] }>('GET', `/api/v1/organizations/${organizationId}/directories/${directories.directories[0]?.id}/users`);
    assert.equal(users.users.filter((user) => user.roles.some((role) => role.role_name === 'admin')).length, all.filter((text) => text.includes('admin')).length);
    await team.close();
  });
});
