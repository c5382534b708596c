import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runCommand, sdkDirectory, sdkTestEnvironment, startSdkTestServer } from '../support/sdk-suite.js';
import { signedWebhookCases } from '../support/signed-webhook-cases.js';

// The Python SDK's own pytest suite (sdks/python/tests) against a live Roster on the embedded
// store: a virtualenv in sdks/python/.venv (made when missing), the package installed editable
// with its test extras (again only when pyproject.toml changed), then pytest with the server's
// URL and credentials. Webhook payloads signed by the server's signer, with @roster/sdk's verdict
// on each, go to the suite as a JSON file so the two SDKs are checked against each other.

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
    await writeFile(fixtureFile, JSON.stringify({ cases: signedWebhookCases() }, null, 2));
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
