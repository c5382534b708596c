import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyWebhookPayload, WebhookVerificationError } from '@roster/sdk';
import { newWebhookSecret, webhookHeaders } from '../../src/events/signing.js';
import { REPO_ROOT, runCommand, sdkDirectory, sdkTestEnvironment, startSdkTestServer } from '../support/sdk-suite.js';

// The Python SDK's own pytest suite (sdks/python/tests) against a live Roster on the embedded
// store: a virtualenv in sdks/python/.venv (made when missing), the package installed editable
// with its test extras (again only when pyproject.toml changed), then pytest with the server's
// URL and credentials. Webhook payloads signed by the server's signer, with @roster/sdk's verdict
// on each, go to the suite as a JSON file so the two SDKs are checked against each other.

interface SignedCase {
  name: string;
  secret: string;
  headers: Record<string, string>;
  body: string;
  now: number;
  tolerance_seconds?: number;
  roster_sdk: string;
}

/** Deliveries signed as the server signs them, some altered, each with @roster/sdk's verdict. */
function signedCases(): SignedCase[] {
  const secret = newWebhookSecret();
  const rotated = newWebhookSecret();
  const sentAt = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ spec_version: '1', id: 'evt_cross', type: 'organization.directory.user_created', data: { email: 'ada@example.com', note: 'ünïcödé ✓' } });
  const signed = webhookHeaders([secret], 'evt_cross', sentAt, body);
  const both = webhookHeaders([rotated, secret], 'evt_cross', sentAt, body);
  const cases: Omit<SignedCase, 'roster_sdk'>[] = [
    { name: 'good', secret, headers: signed, body, now: sentAt },
    { name: 'good, key without whsec_', secret: secret.slice('whsec_'.length), headers: signed, body, now: sentAt },
    { name: 'good, header names capitalized', secret, headers: Object.fromEntries(Object.entries(signed).map(([key, value]) => [key.toUpperCase(), value])), body, now: sentAt },
    { name: 'rotation, old secret', secret, headers: both, body, now: sentAt },
    { name: 'rotation, new secret', secret: rotated, headers: both, body, now: sentAt },
    { name: 'tampered body', secret, headers: signed, body: body.replace('ada', 'eve'), now: sentAt },
    { name: 'tampered unicode', secret, headers: signed, body: body.replace('✓', '✗'), now: sentAt },
    { name: 'tampered id', secret, headers: { ...signed, 'webhook-id': 'evt_other' }, body, now: sentAt },
    { name: 'tampered timestamp', secret, headers: { ...signed, 'webhook-timestamp': String(sentAt + 1) }, body, now: sentAt },
    { name: 'another secret', secret: rotated, headers: signed, body, now: sentAt },
    { name: 'truncated signature', secret, headers: { ...signed, 'webhook-signature': signed['webhook-signature']!.slice(0, 20) }, body, now: sentAt },
    { name: 'v1a only', secret, headers: { ...signed, 'webhook-signature': signed['webhook-signature']!.replace('v1,', 'v1a,') }, body, now: sentAt },
    { name: 'expired', secret, headers: signed, body, now: sentAt + 301 },
    { name: 'from the future', secret, headers: signed, body, now: sentAt - 301 },
    { name: 'at the tolerance', secret, headers: signed, body, now: sentAt + 300 },
    { name: 'a tighter tolerance', secret, headers: signed, body, now: sentAt + 61, tolerance_seconds: 60 },
    { name: 'timestamp not a number', secret, headers: { ...signed, 'webhook-timestamp': 'soon' }, body, now: sentAt },
    { name: 'no signature header', secret, headers: { 'webhook-id': 'evt_cross', 'webhook-timestamp': String(sentAt) }, body, now: sentAt },
  ];
  return cases.map((item) => {
    let verdict = 'ok';
    try {
      verifyWebhookPayload(item.secret, item.headers, item.body, { now: () => item.now * 1000, ...(item.tolerance_seconds ? { toleranceSeconds: item.tolerance_seconds } : {}) });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      verdict = error.reason;
    }
    return { ...item, roster_sdk: verdict };
  });
}

/** The last lines of a command's output, for an assertion message that says what failed. */
const tail = (output: string, lines = 40): string => output.trimEnd().split('\n').slice(-lines).join('\n');

test("the Python SDK's pytest suite passes against a live Roster", async () => {
  const sdk = sdkDirectory('python');
  const venv = join(sdk, '.venv');
  const python = join(venv, 'bin', 'python');

  if (!existsSync(python)) {
    const made = await runCommand('python3', ['-m', 'venv', venv], { cwd: sdk }).catch((error: unknown) => ({ code: -1, output: String(error) }));
    assert.equal(made.code, 0, `could not make a virtualenv with \`python3 -m venv sdks/python/.venv\` (Python 3.9+ with its venv module is needed):\n${tail(made.output)}`);
  }
  // Installed again only when the package's metadata changed: the install is editable, so the code is read in place.
  const stamp = join(venv, '.roster-installed');
  const wanted = createHash('sha256').update(readFileSync(join(sdk, 'pyproject.toml'))).digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    const installed = await runCommand(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-e', 'sdks/python[test]'], { cwd: REPO_ROOT });
    assert.equal(installed.code, 0, `\`pip install -e 'sdks/python[test]'\` failed (it needs PyPI for httpx and pytest):\n${tail(installed.output)}`);
    writeFileSync(stamp, wanted);
  }

  const fixtures = await mkdtemp(join(tmpdir(), 'roster-python-sdk-'));
  const server = await startSdkTestServer();
  try {
    const fixtureFile = join(fixtures, 'signed-webhooks.json');
    await writeFile(fixtureFile, JSON.stringify({ cases: signedCases() }, null, 2));
    const run = await runCommand(python, ['-m', 'pytest', '-q', '-rs', '-p', 'no:cacheprovider'], {
      cwd: sdk,
      env: { ...sdkTestEnvironment(server), ROSTER_WEBHOOK_FIXTURES: fixtureFile, PYTHONDONTWRITEBYTECODE: '1' },
    });
    assert.equal(run.code, 0, `the Python SDK's tests failed (run them by hand: cd sdks/python && ROSTER_URL=... .venv/bin/pytest):\n${tail(run.output)}`);
    const summary = run.output.trimEnd().split('\n').at(-1) ?? '';
    assert.match(summary, /\d+ passed/, `pytest ran no test: ${summary}`);
    assert.doesNotMatch(summary, /skipped|failed|error/, `every test must run against the live Roster: ${summary}`);
  } finally {
    await server.close();
    await rm(fixtures, { recursive: true, force: true });
  }
});
