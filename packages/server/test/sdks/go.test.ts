import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { signedWebhookCases } from '../support/signed-webhook-cases.js';
import { runCommand, sdkDirectory, sdkTestEnvironment, startSdkTestServer, type CommandResult } from '../support/sdk-suite.js';

// The Go SDK's own suite (sdks/go, `go test`) against a live Roster on the embedded store, after
// gofmt and go vet. The live tests fail instead of skipping (ROSTER_SDK_REQUIRE_LIVE). Webhook
// payloads signed by the server's signer, with @roster/sdk's verdict on each, go to the suite as a
// JSON file so the two SDKs are checked against each other. The module has no dependencies, so
// the module proxy is turned off: nothing is downloaded.

/** The last lines of a command's output, for an assertion message that says what failed. */
const tail = (output: string, lines = 40): string => output.trimEnd().split('\n').slice(-lines).join('\n');

/** Go's caches live under HOME; a CI without one gets them in the temporary directory. */
function goEnvironment(): Record<string, string> {
  const env: Record<string, string> = { GOTOOLCHAIN: 'local', GOPROXY: 'off' };
  if (!process.env.HOME && !process.env.GOCACHE) {
    env.GOCACHE = join(tmpdir(), 'roster-go-cache');
    env.GOPATH = join(tmpdir(), 'roster-go-path');
  }
  return env;
}

async function go(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CommandResult> {
  return runCommand('go', args, { cwd, env: { ...goEnvironment(), ...env } }).catch((error: unknown) => ({
    code: -1,
    output: `could not run \`go ${args.join(' ')}\` (Go 1.22 or later must be on PATH): ${String(error)}`,
  }));
}

test("the Go SDK's go test suite passes against a live Roster", async () => {
  const sdk = sdkDirectory('go');
  const formatted = await runCommand('gofmt', ['-l', '.'], { cwd: sdk }).catch((error: unknown) => ({ code: -1, output: String(error) }));
  assert.equal(formatted.code, 0, `gofmt failed:\n${tail(formatted.output)}`);
  assert.equal(formatted.output.trim(), '', `files gofmt would change (run \`gofmt -w sdks/go\`):\n${formatted.output}`);
  const vetted = await go(['vet', './...'], sdk);
  assert.equal(vetted.code, 0, `go vet failed:\n${tail(vetted.output)}`);

  const fixtures = await mkdtemp(join(tmpdir(), 'roster-go-sdk-'));
  const server = await startSdkTestServer();
  try {
    const fixtureFile = join(fixtures, 'signed-webhooks.json');
    await writeFile(fixtureFile, JSON.stringify({ cases: signedWebhookCases() }, null, 2));
    const run = await go(['test', '-count=1', '-v', './...'], sdk, { ...sdkTestEnvironment(server), ROSTER_WEBHOOK_FIXTURES: fixtureFile, ROSTER_SDK_REQUIRE_LIVE: '1' });
    assert.equal(run.code, 0, `the Go SDK's tests failed (run them by hand: cd sdks/go && ROSTER_URL=... go test ./...):\n${tail(run.output)}`);
    const passed = run.output.match(/^--- PASS/gm)?.length ?? 0;
    assert.ok(passed > 0, 'go test ran no test');
    assert.doesNotMatch(run.output, /^--- (SKIP|FAIL)/m, 'every test must run against the live Roster');
  } finally {
    await server.close();
    await rm(fixtures, { recursive: true, force: true });
  }
});
