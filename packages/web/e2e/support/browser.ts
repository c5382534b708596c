import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

// Headless Debian Chromium driven by playwright-core: never a browser downloaded by a test tool.
// `.ci/run` installs the `chromium` package when it is missing.

export const CHROMIUM = process.env.ROSTER_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium); the browser tests are skipped`;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}
