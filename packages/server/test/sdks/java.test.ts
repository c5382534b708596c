import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyWebhookPayload, WebhookVerificationError } from '@roster/sdk';
import { newWebhookSecret, webhookHeaders } from '../../src/events/signing.js';
import { runCommand, sdkDirectory, sdkTestEnvironment, startSdkTestServer } from '../support/sdk-suite.js';

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

function verdict(secret: string, headers: Record<string, string>, body: Buffer, nowMs: number, toleranceSeconds: number): string {
  try {
    verifyWebhookPayload(secret, headers, body, { now: () => nowMs, toleranceSeconds });
    return 'ok';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

/** Deliveries signed as the server signs them, altered every way a receiver must refuse, each with @roster/sdk's verdict. */
function webhookFixtures(): WebhookFixture[] {
  const now = Date.now();
  const at = Math.floor(now / 1000);
  const secret = newWebhookSecret();
  const rotated = newWebhookSecret();
  const id = 'evt_01hzj5xq8c0000000000000000';
  const event = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ spec_version: '1', id, type: 'organization.directory.user_created', data: { email: 'zoë@example.com', note: 'ünïcödé ✓', ...extra } });
  const body = event();
  const large = event({ padding: 'x'.repeat(64 * 1024) });
  const signed = webhookHeaders([secret], id, at, body);
  const cases: Omit<WebhookFixture, 'expected'>[] = [];
  const add = (name: string, headers: Record<string, string>, payload: string, options: { key?: string; nowMs?: number; tolerance?: number } = {}) =>
    cases.push({ name, secret: options.key ?? secret, headers, body_base64: Buffer.from(payload, 'utf8').toString('base64'), now_ms: options.nowMs ?? now, tolerance_seconds: options.tolerance ?? 300 });

  add('good', signed, body);
  add('good, the key without its whsec_ prefix', signed, body, { key: secret.slice('whsec_'.length) });
  add('good, a 64 KiB body', webhookHeaders([secret], id, at, large), large);
  add('rotation: verified with the new secret', webhookHeaders([rotated, secret], id, at, body), body, { key: rotated });
  add('rotation: verified with the old secret', webhookHeaders([rotated, secret], id, at, body), body);
  add('five minutes old exactly', webhookHeaders([secret], id, at - 300, body), body);
  add('tampered body', signed, body.replace('zoë', 'eve'));
  add('tampered body, one byte appended', signed, `${body} `);
  add('tampered id', { ...signed, 'webhook-id': 'evt_other' }, body);
  add('tampered timestamp', { ...signed, 'webhook-timestamp': String(at + 1) }, body);
  add('another secret', signed, body, { key: newWebhookSecret() });
  add('expired: signed 301 s ago', webhookHeaders([secret], id, at - 301, body), body);
  add('from the future: 301 s ahead', webhookHeaders([secret], id, at + 301, body), body);
  add('a tighter tolerance: 61 s old with 60 s allowed', webhookHeaders([secret], id, at - 61, body), body, { tolerance: 60 });
  add('no signature header', { 'webhook-id': id, 'webhook-timestamp': String(at) }, body);
  add('a timestamp that is not a number', { ...signed, 'webhook-timestamp': 'soon' }, body);
  add('only a v1a signature', { ...signed, 'webhook-signature': signed['webhook-signature']!.replace('v1,', 'v1a,') }, body);
  add('a truncated signature', { ...signed, 'webhook-signature': signed['webhook-signature']!.slice(0, 20) }, body);
  add('header names in another case', { 'Webhook-Id': id, 'WEBHOOK-TIMESTAMP': String(at), 'Webhook-Signature': signed['webhook-signature']! }, body);
  return cases.map((fixture) => ({
    ...fixture,
    expected: verdict(fixture.secret, fixture.headers, Buffer.from(fixture.body_base64, 'base64'), fixture.now_ms, fixture.tolerance_seconds),
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
