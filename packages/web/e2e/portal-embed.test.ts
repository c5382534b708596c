import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { setAllowedOrigins } from '../../server/src/directory/access/allowed-origins.js';
import { browserMissing, launchBrowser } from './support/browser.js';
import { organizationWithPortalLink, startParentSite, startRoster, type Roster } from './support/roster.js';

// The portal inside the app's iframe: framed by an allowed origin (another site than Roster's,
// so its session cookie must work as a third-party cookie), posting its browser events to that
// origin; refused by the browser when another origin frames it, and telling that page nothing.

const skip = browserMissing();

const parentPage = (src: string) => `<!doctype html><html><body>
<h1>Customer settings</h1>
<iframe id="portal" title="Admin portal" src="${src}" allow="clipboard-write" style="width:1100px;height:900px;border:0"></iframe>
<script>
  window.portalEvents = [];
  window.addEventListener('message', (event) => window.portalEvents.push({ origin: event.origin, data: event.data }));
</script></body></html>`;

describe('admin portal in an iframe', { skip }, () => {
  let roster: Roster;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof startParentSite>>;
  let other: Awaited<ReturnType<typeof startParentSite>>;
  const links = new Map<string, string>();

  before(async () => {
    roster = await startRoster();
    browser = await launchBrowser();
    allowed = await startParentSite((path) => parentPage(links.get(path) ?? ''));
    other = await startParentSite((path) => parentPage(links.get(path) ?? ''));
    await setAllowedOrigins(roster.server.server.services, [allowed.origin], []);
  });

  after(async () => {
    await browser?.close();
    await allowed?.close();
    await other?.close();
    await roster?.close();
  });

  it('sends frame-ancestors with the allowed origins on the portal, and refuses framing of the dashboard', async () => {
    const portal = await fetch(`${roster.baseUrl}/portal/`);
    assert.match(portal.headers.get('content-security-policy') ?? '', new RegExp(`frame-ancestors 'self' ${allowed.origin}(;|$)`));
    const dashboard = await fetch(`${roster.baseUrl}/dashboard/`);
    assert.match(dashboard.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(dashboard.headers.get('x-frame-options'), 'DENY');
  });

  it('works inside an iframe of an allowed origin and posts its events to it', async () => {
    const { organizationId, link } = await organizationWithPortalLink(roster, 'Fabrikam');
    links.set('/allowed', link.location);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${allowed.origin}/allowed`);
    const frame = page.frameLocator('#portal');
    await frame.getByRole('heading', { name: 'Connect your directory' }).waitFor();
    await frame.getByRole('button', { name: /Okta/ }).click();
    await frame.getByRole('heading', { name: 'Connect Okta' }).waitFor();
    await page.waitForFunction(() => (window as unknown as { portalEvents: unknown[] }).portalEvents.length > 0);
    const events = await page.evaluate(() => (window as unknown as { portalEvents: { origin: string; data: Record<string, unknown> }[] }).portalEvents);
    assert.equal(events[0]?.origin, new URL(roster.baseUrl).origin);
    assert.equal(events[0]?.data.event_type, 'ORGANIZATION_DIRECTORY_ENABLED');
    assert.equal(events[0]?.data.organization_id, organizationId);

    // Disabling the directory is posted too.
    await frame.getByRole('tab', { name: 'Settings' }).click();
    await frame.getByRole('button', { name: 'Disable directory' }).click();
    await frame.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await page.waitForFunction(() => (window as unknown as { portalEvents: { data: { event_type: string } }[] }).portalEvents.some((event) => event.data.event_type === 'ORGANIZATION_DIRECTORY_DISABLED'));
    await context.close();
  });

  it('warns the parent before the session ends, and tells it when it has ended', async () => {
    // A link that expires in a few seconds: the session ends with it, inside the warning window.
    const { link } = await organizationWithPortalLink(roster, 'Short Session Co', new Date(Date.now() + 6000).toISOString());
    links.set('/short', link.location);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${allowed.origin}/short`);
    const frame = page.frameLocator('#portal');
    await frame.getByText('Your session is about to end').waitFor();
    await frame.getByRole('heading', { name: 'Your session has ended' }).waitFor({ timeout: 15_000 });
    const types = await page.evaluate(() => (window as unknown as { portalEvents: { data: { event_type: string } }[] }).portalEvents.map((event) => event.data.event_type));
    assert.deepEqual(types, ['PORTAL_SESSION_WARNING', 'PORTAL_SESSION_EXPIRY']);
    await context.close();
  });

  it('is refused inside an iframe of any other origin, which receives nothing', async () => {
    const { link } = await organizationWithPortalLink(roster, 'Northwind');
    links.set('/other', link.location);
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused = page.waitForEvent('console', { predicate: (message) => /frame-ancestors/.test(message.text()), timeout: 15_000 });
    await page.goto(`${other.origin}/other`);
    await refused;
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    assert.ok(frame);
    assert.equal(await frame.locator('text=Connect your directory').count(), 0, 'the portal did not render');
    const events = await page.evaluate(() => (window as unknown as { portalEvents: unknown[] }).portalEvents);
    assert.deepEqual(events, []);
    await context.close();
  });
});
