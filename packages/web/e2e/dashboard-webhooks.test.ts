import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../../server/test/support/scim-fixtures.js';
import { provisionDirectory } from '../../server/test/support/api-client.js';
import { WebhookReceiver } from '../../server/test/support/webhook-receiver.js';
import { browserMissing, launchBrowser } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, requireDashboardHook, startRoster, type Roster } from './support/roster.js';

// The app's team signs in to the dashboard (a wrong password first), adds a webhook endpoint,
// sends it a test event, watches a real event's delivery succeed, and replays it: the receiver
// gets the same event (same webhook-id) again.

const skip = browserMissing();

describe('dashboard: sign-in and webhook replay', { skip }, () => {
  let roster: Roster;
  let browser: Browser;
  let page: Page;
  let receiver: WebhookReceiver;
  const previous = process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS;

  before(async () => {
    // The receiver listens on loopback, which webhooks refuse unless allowed.
    process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
    roster = await startRoster();
    await requireDashboardHook(roster);
    receiver = await WebhookReceiver.start();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  after(async () => {
    if (previous === undefined) delete process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS;
    else process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = previous;
    await browser?.close();
    await receiver?.close();
    await roster?.close();
  });

  it('refuses a wrong password, then signs in', async () => {
    await page.goto(`${roster.baseUrl}/dashboard/`);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an administrator.').waitFor();
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organizations' }).waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'roster_dashboard');
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
    assert.equal(session?.sameSite, 'Strict');
  });

  it('adds a webhook endpoint and shows its signing secret once', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel('Description').fill('e2e receiver');
    await page.getByRole('dialog').getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    assert.match(secret, /^whsec_/);
  });

  it('sends a test event', async () => {
    await page.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByTestId('test-result').waitFor();
    assert.match((await page.getByTestId('test-result').textContent()) ?? '', /204/);
    assert.ok(receiver.received.some((webhook) => webhook.event.type === 'webhook.test'));
  });

  it('replays a delivered event: the receiver gets the same webhook-id again', async () => {
    await provisionDirectory(roster.baseUrl, roster.server.clientId, roster.server.clientSecret, 'OKTA');
    const first = await waitFor(async () => receiver.received.find((webhook) => webhook.event.type === 'organization.directory.created'), 20_000);
    assert.ok(first, 'the directory.created event was delivered');
    const row = page.getByRole('row', { name: new RegExp(first.id) });
    await row.getByTestId('delivery-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 15_000 });
    const before = receiver.received.filter((webhook) => webhook.id === first.id).length;
    await row.getByRole('button', { name: `Replay ${first.id}` }).click();
    await page.getByText('Delivery queued again').waitFor();
    const again = await waitFor(async () => (receiver.received.filter((webhook) => webhook.id === first.id).length > before ? true : undefined), 20_000);
    assert.ok(again, 'the replayed event arrived again with the same webhook-id');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/dashboard/admins')).status);
    assert.equal(status, 401);
  });
});
