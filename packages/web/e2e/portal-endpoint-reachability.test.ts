import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserMissing, launchBrowser } from './support/browser.js';
import { organizationWithPortalLink, startRoster, type Roster } from './support/roster.js';

// The SCIM URL handed to the IT admin must be one their identity provider can reach. Without
// PUBLIC_URL, Roster shows the address it was opened at (here http://127.0.0.1:port), and the
// portal says plainly that Okta or Entra cannot reach it and who must set what; with an HTTPS
// PUBLIC_URL on a public host it says nothing.

const skip = browserMissing();

async function guideFor(browser: Browser, roster: Roster): Promise<{ endpoint: string; warning: string | undefined }> {
  const { link } = await organizationWithPortalLink(roster, 'Reachability Inc');
  // With PUBLIC_URL set the link names the public host; the test opens it on the loopback address it really has.
  const local = new URL(link.location);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${roster.baseUrl}${local.pathname}${local.search}`);
  await page.getByRole('button', { name: /Okta/ }).first().click();
  const endpoint = (await page.getByTestId('scim-endpoint').textContent()) ?? '';
  const warning = page.getByTestId('endpoint-unreachable');
  const shown = (await warning.count()) > 0 ? ((await warning.textContent()) ?? '') : undefined;
  await page.context().close();
  return { endpoint, warning: shown };
}

describe('admin portal: a SCIM URL the identity provider cannot reach', { skip }, () => {
  let browser: Browser;
  const rosters: Roster[] = [];

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    for (const roster of rosters) await roster.close();
  });

  it('warns for http://127.0.0.1, saying why and what to set', async () => {
    const roster = await startRoster();
    rosters.push(roster);
    const { endpoint, warning } = await guideFor(browser, roster);
    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/directories\/dir_/);
    assert.ok(warning, 'the guide warns about the endpoint');
    assert.match(warning, /cannot reach this URL/);
    assert.match(warning, /127\.0\.0\.1:\d+ is an address of this machine or a private network, and it is not HTTPS/);
    assert.match(warning, /PUBLIC_URL/);
  });

  it('says nothing for https://public.example', async () => {
    const roster = await startRoster({ PUBLIC_URL: 'https://public.example' });
    rosters.push(roster);
    const { endpoint, warning } = await guideFor(browser, roster);
    assert.match(endpoint, /^https:\/\/public\.example\/api\/v1\/directories\/dir_/);
    assert.equal(warning, undefined);
  });
});
