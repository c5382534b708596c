// Takes the README's screenshots of the main screens with headless Chromium, against a real
// Roster seeded with sample organizations, a simulated Entra ID tenant, roles and a webhook.
// Usage: npm run screenshots -w @roster/web   (writes docs/screenshots/*.png at the repository root)
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { runSimulation } from '../../server/src/simulator/run-simulation.js';
import { WebhookReceiver } from '../../server/test/support/webhook-receiver.js';
import { browserMissing, launchBrowser } from '../e2e/support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, organizationWithPortalLink, requireDashboardHook, startRoster } from '../e2e/support/roster.js';

const missing = browserMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const out = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';

const roster = await startRoster();
await requireDashboardHook(roster);
const receiver = await WebhookReceiver.start((_request, count) => ({ status: count % 7 === 3 ? 500 : 204 }));
const browser = await launchBrowser();
const viewport = { width: 1280, height: 820 };

async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}${name}.png`, fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  for (const [name, display, permissions, isDefault] of [
    ['admin', 'Administrator', ['users:read', 'users:write', 'billing:manage'], false],
    ['member', 'Member', ['users:read'], true],
    ['viewer', 'Viewer', ['reports:read'], false],
  ] as const) {
    await roster.api('POST', '/api/v1/roles', { name, display_name: display, permissions, is_default: isDefault });
  }
  await roster.api('POST', '/api/v1/webhooks', { url: receiver.url, description: 'Production user sync' });
  for (const name of ['Globex Corporation', 'Initech', 'Umbrella Health', 'Stark Industries', 'Wayne Enterprises']) {
    const { organization } = await roster.api<{ organization: { id: string } }>('POST', '/api/v1/organizations', { display_name: name, external_id: `cust_${name.split(' ')[0]?.toLowerCase()}` });
    if (name !== 'Initech') await roster.api('PATCH', `/api/v1/organizations/${organization.id}/settings`, { features: [{ name: 'scim', enabled: true }] });
  }

  // The portal, as Contoso's IT admin sees it.
  const { organizationId, link } = await organizationWithPortalLink(roster, 'Contoso Ltd');
  const portalContext = await browser.newContext({ viewport });
  const portal = await portalContext.newPage();
  await portal.goto(link.location);
  await portal.getByRole('heading', { name: 'Connect your directory' }).waitFor();
  await shot(portal, 'portal-choose-provider');
  await portal.getByRole('button', { name: /Microsoft Entra ID/ }).click();
  await portal.getByRole('heading', { name: 'Connect Microsoft Entra ID' }).waitFor();
  await shot(portal, 'portal-entra-guide', true);

  const endpoint = (await portal.getByTestId('scim-endpoint').textContent()) ?? '';
  const token = (await portal.getByTestId('bearer-token').textContent()) ?? '';
  await runSimulation({ url: endpoint, token, provider: 'entra', scenarios: ['initial-sync', 'churn'], users: 40, groups: 6, changes: 6, seed: 'screenshots' });
  // A few failures for the request log: a wrong token and an invalid user.
  await fetch(`${endpoint}/Users`, { method: 'POST', headers: { authorization: 'Bearer rsk_wrong', 'content-type': 'application/scim+json' }, body: '{}' });
  await fetch(`${endpoint}/Users`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', 'user-agent': 'Azure AD SCIM Client' }, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], displayName: 'No Username' }) });
  await portal.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });

  // Map two groups to roles through the API (the editor is shown below).
  const { directories } = await roster.api<{ directories: { id: string }[] }>('GET', `/api/v1/organizations/${organizationId}/directories`);
  const directoryId = directories[0]?.id ?? '';
  const { groups } = await roster.api<{ groups: { id: string; display_name: string; total_users: number }[] }>('GET', `/api/v1/organizations/${organizationId}/directories/${directoryId}/groups?page_size=100`);
  const sorted = [...groups].sort((a, b) => a.total_users - b.total_users);
  await roster.api('PUT', `/api/v1/organizations/${organizationId}/directories/${directoryId}/groups/-/roles:assign`, {
    assignments: [
      { group_id: sorted[0]?.id, role_name: 'admin' },
      { group_id: sorted[1]?.id, role_name: 'viewer' },
    ],
  });
  await roster.api('PUT', `/api/v1/organizations/${organizationId}/directories/${directoryId}/attributes`, {
    attributes: [
      { key: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', map_to: 'custom_attributes.department' },
      { key: 'title', map_to: 'custom_attributes.title' },
    ],
  });
  await portal.reload();
  await portal.getByRole('tab', { name: /Users/ }).click();
  await portal.getByRole('table', { name: 'Users' }).waitFor();
  await shot(portal, 'portal-users');
  await portal.getByRole('tab', { name: 'Request log' }).click();
  await portal.getByRole('table', { name: 'SCIM requests' }).waitFor();
  await shot(portal, 'portal-request-log');
  await portal.getByRole('table', { name: 'SCIM requests' }).locator('tr.row-danger').first().getByRole('button').click();
  await portal.getByRole('dialog').waitFor();
  await shot(portal, 'portal-request-failure');
  await portal.keyboard.press('Escape');
  await portal.getByRole('tab', { name: 'Role mapping' }).click();
  await portal.getByRole('button', { name: 'Save role mapping' }).waitFor();
  await shot(portal, 'portal-role-mapping');
  await portalContext.close();

  // An expired link.
  const expired = await organizationWithPortalLink(roster, 'Late Corp', new Date(Date.now() + 1000).toISOString());
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const linkPage = await (await browser.newContext({ viewport: { width: 900, height: 560 } })).newPage();
  await linkPage.goto(expired.link.location);
  await shot(linkPage, 'portal-link-expired');

  // The dashboard, as the app's team sees it.
  const dashboardContext = await browser.newContext({ viewport });
  const dashboard = await dashboardContext.newPage();
  await dashboard.goto(`${roster.baseUrl}/dashboard/`);
  await dashboard.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
  await shot(dashboard, 'dashboard-sign-in');
  await dashboard.getByLabel('Email').fill(ADMIN_EMAIL);
  await dashboard.getByLabel('Password').fill(ADMIN_PASSWORD);
  await dashboard.getByRole('button', { name: 'Sign in' }).click();
  await dashboard.getByRole('table', { name: 'Organizations' }).waitFor();
  await shot(dashboard, 'dashboard-organizations');
  await dashboard.getByRole('link', { name: 'Contoso Ltd' }).click();
  await dashboard.getByRole('table', { name: 'Directories' }).waitFor();
  await dashboard.getByRole('button', { name: 'Generate portal link' }).click();
  await dashboard.getByTestId('portal-link').waitFor();
  await shot(dashboard, 'dashboard-organization');
  await dashboard.getByRole('table', { name: 'Directories' }).getByRole('link').first().click();
  await dashboard.getByRole('table', { name: 'Users' }).waitFor();
  await shot(dashboard, 'dashboard-directory-users');
  await dashboard.getByRole('link', { name: 'Events' }).click();
  await dashboard.getByRole('table', { name: 'Events' }).waitFor();
  await shot(dashboard, 'dashboard-events');
  await dashboard.getByRole('link', { name: 'Webhooks' }).click();
  await dashboard.getByRole('link', { name: receiver.url }).click();
  await dashboard.getByRole('table', { name: 'Deliveries' }).waitFor();
  await shot(dashboard, 'dashboard-webhook');
  await dashboard.getByRole('link', { name: 'Roles' }).click();
  await dashboard.getByRole('table', { name: 'Roles' }).waitFor();
  await shot(dashboard, 'dashboard-roles');
  // Narrow screens: the portal on a phone.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  const mobileLink = await roster.api<{ link: { location: string } }>('PUT', `/api/v1/organizations/${organizationId}/portal_links`, {});
  await phone.goto(mobileLink.link.location);
  await phone.getByTestId('connection-status').waitFor();
  await shot(phone, 'portal-mobile');
} finally {
  await browser.close();
  await receiver.close();
  await roster.close();
}
