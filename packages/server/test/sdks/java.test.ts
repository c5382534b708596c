import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCommand, sdkDirectory, sdkTestEnvironment, startSdkTestServer } from '../support/sdk-suite.js';
import { signedWebhookCases } from '../support/signed-webhook-cases.js';

// The Java SDK's own suite (sdks/java, JUnit 5 under Maven Surefire) against a live Roster on the
// embedded store: the guide's calls, paging, retries, token refresh, webhooks, the Events API and
// the OpenAPI checks. Its webhook verifier is also held to @roster/sdk's verdicts on deliveries
// signed by the server's own signer, handed over as a JSON file (ROSTER_WEBHOOK_FIXTURES).

interface WebhookFixture {
  name: string;
  secret: string;
  headers: Record<string, string>;
  body_base64: string;
  now_ms: number;
  tolerance_seconds: number;
  /** 'ok', or the reason @roster/sdk refused it (missing_header, no_matching_signature, ...). */
  expected: string;
}

/** The shared signed deliveries (support/signed-webhook-cases.ts) in the shape the JUnit suite reads. */
function webhookFixtures(): WebhookFixture[] {
  return signedWebhookCases().map((item) => ({
    name: item.name,
    secret: item.secret,
    headers: item.headers,
    body_base64: Buffer.from(item.body, 'utf8').toString('base64'),
    now_ms: item.now * 1000,
    tolerance_seconds: item.tolerance_seconds ?? 300,
    expected: item.roster_sdk,
  }));
}

function mavenMissing(): boolean {
  const probe = spawnSync('mvn', ['--version'], { stdio: 'ignore' });
  return probe.error !== undefined || probe.status !== 0;
}

test('the Java SDK suite passes against a live Roster', { timeout: 1_200_000 }, async (t) => {
  if (mavenMissing()) {
    // CI has Java 17 and Maven (.ci/run); a developer machine without them says so instead of failing.
    assert.ok(!process.env.CI, 'mvn is not on PATH: the Java SDK suite needs Java 17 and Maven 3.8+');
    t.skip('mvn is not on PATH: install Java 17 and Maven to run the Java SDK suite');
    return;
  }
  const fixtures = webhookFixtures();
  assert.ok(fixtures.some((fixture) => fixture.expected === 'ok') && fixtures.some((fixture) => fixture.expected === 'no_matching_signature'), 'the fixtures cover both verdicts');
  const directory = await mkdtemp(join(tmpdir(), `roster-java-${randomBytes(4).toString('hex')}-`));
  const fixtureFile = join(directory, 'webhook-fixtures.json');
  await writeFile(fixtureFile, JSON.stringify({ cases: fixtures }, null, 2));
  const server = await startSdkTestServer();
  try {
    const result = await runCommand('mvn', ['-B', '-q', 'test'], {
      cwd: sdkDirectory('java'),
      env: { ...sdkTestEnvironment(server), ROSTER_WEBHOOK_FIXTURES: fixtureFile },
      timeoutMs: 1_140_000,
    });
    assert.equal(result.code, 0, `mvn -B -q test failed:\n${result.output.slice(-8000)}`);
    // Surefire's closing summary (sdks/java/.mvn/maven.config keeps it visible under -q).
    const summaries = [...result.output.matchAll(/^\[\w+\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*$/gm)];
    const summary = summaries.at(-1);
    assert.ok(summary, `no Surefire summary in the output:\n${result.output.slice(-4000)}`);
    const [, run, failures, errors, skipped] = summary.map(Number);
    assert.ok((run ?? 0) >= 60, `${run} tests ran`);
    assert.equal(failures, 0);
    assert.equal(errors, 0);
    assert.equal(skipped, 0, 'every live test ran: none skipped for want of ROSTER_URL or the webhook fixtures');
  } finally {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
});
