import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserMissing, launchBrowser } from './support/browser.js';
import { startRoster, type Roster } from './support/roster.js';

// First-run setup in the browser: a Roster with no administrator shows the setup screen, refuses
// a wrong setup code, and with the code it printed at start creates the first administrator and
// signs them in, without a restart. Afterwards the dashboard asks to sign in, not to set up.

const skip = browserMissing();

describe('dashboard: first-run setup', { skip }, () => {
  let roster: Roster;
  let browser: Browser;
  let page: Page;

  before(async () => {
    roster = await startRoster({}, { admin: false });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await roster?.close();
  });

  it('shows the setup screen while no administrator exists', async () => {
    await page.goto(`${roster.baseUrl}/dashboard/`);
    await page.getByRole('heading', { name: 'Set up Roster' }).waitFor();
    assert.match((await page.textContent('body')) ?? '', /printed a one-time setup code when it started/);
    assert.equal(await page.getByRole('button', { name: 'Create administrator' }).isDisabled(), true, 'nothing to submit yet');
  });

  it('refuses a wrong setup code', async () => {
    await page.getByLabel('Setup code').fill('AAAAA-BBBBB-CCCCC-DDDDD');
    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByLabel('Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('That setup code is not right.').waitFor();
  });

  it('creates the first administrator with the code printed at start, and signs them in', async () => {
    const code = roster.server.server.setupCode;
    assert.ok(code);
    await page.getByLabel('Setup code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Organizations' }).waitFor();
    assert.match((await page.textContent('nav')) ?? '', /owner@example\.com/);
  });

  it('afterwards, a new visitor is asked to sign in, and the administrator can', async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${roster.baseUrl}/dashboard/`);
    await visitor.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
    assert.equal(await visitor.getByRole('heading', { name: 'Set up Roster' }).count(), 0);
    await visitor.getByLabel('Email').fill('owner@example.com');
    await visitor.getByLabel('Password').fill('a-long-enough-password');
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.getByRole('heading', { name: 'Organizations' }).waitFor();
  });
});
