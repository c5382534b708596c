import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http, provisionDirectory, type ProvisionedDirectory } from './support/api-client.js';
import { createTestDatabase, startRoster, type RosterProcess } from './support/roster-process.js';
import { sleep } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// Two Roster processes on one PostgreSQL: a secret revoked, a directory disabled or SCIM turned
// off through node A stops working on node B within one second (README, "Operations"). Node B is
// kept busy with the credential the whole time, so its grant is cached when the change is made.

const BOUND_MILLIS = 1_000;
const json = { 'content-type': 'application/json' };
// Two processes building and migrating at once on a loaded machine can take a while.
const STARTUP_MILLIS = 240_000;
const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

interface Probe {
  sentAt: number;
  status: number;
}

/**
 * Polls `url` on node B with `token` from two loops while `change` runs through node A; returns
 * every probe with the time the change was acknowledged. Ends 1.5 s after the first refusal.
 */
async function probeAcross(url: string, token: string, change: () => Promise<void>): Promise<{ probes: Probe[]; changedAt: number }> {
  const probes: Probe[] = [];
  let stopAt = Number.POSITIVE_INFINITY;
  const deadline = performance.now() + 20_000;
  const loop = async () => {
    while (performance.now() < Math.min(stopAt, deadline)) {
      const sentAt = performance.now();
      const { status } = await http('GET', url, { token });
      probes.push({ sentAt, status });
      if (status !== 200 && stopAt === Number.POSITIVE_INFINITY) stopAt = performance.now() + 1_500;
    }
  };
  const loops = [loop(), loop()];
  try {
    // Node B answers with the grant in its cache, read a while ago.
    while (probes.length < 10 && performance.now() < deadline) await sleep(20);
    await sleep(300);
    assert.ok(probes.length >= 10 && probes.every((probe) => probe.status === 200), `before the change: ${JSON.stringify(probes.slice(0, 5))}`);
    await change();
    return { probes, changedAt: performance.now() };
  } catch (error) {
    stopAt = 0;
    throw error;
  } finally {
    await Promise.all(loops);
  }
}

/** The delay until node B refused, after asserting that nothing sent later than the bound was let in. */
function propagation(label: string, result: { probes: Probe[]; changedAt: number }, refused: number): number {
  const late = result.probes.filter((probe) => probe.sentAt > result.changedAt + BOUND_MILLIS && probe.status === 200);
  assert.deepEqual(late.map((probe) => Math.round(probe.sentAt - result.changedAt)), [], `${label}: node B still let requests in this many ms after the change`);
  const first = result.probes.find((probe) => probe.status !== 200);
  assert.ok(first, `${label}: node B never refused`);
  assert.equal(first.status, refused, label);
  const after = result.probes.filter((probe) => probe.sentAt >= first.sentAt);
  assert.ok(after.every((probe) => probe.status === refused), `${label}: once refused, always refused`);
  const lastAllowed = result.probes.filter((probe) => probe.status === 200).at(-1);
  const delay = Math.max(0, Math.round((lastAllowed?.sentAt ?? result.changedAt) - result.changedAt));
  process.stdout.write(`# ${label}: last request let in on node B was sent ${delay} ms after node A acknowledged the change; first refusal sent at ${Math.round(first.sentAt - result.changedAt)} ms\n`);
  return delay;
}

describe('SCIM access changes reach every process within a second', { skip: !storesUnderTest().includes('postgres') && 'PostgreSQL is not under test' }, () => {
  let first: RosterProcess;
  let second: RosterProcess;
  const credentials = { id: `access_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
  const onSecond = (directory: ProvisionedDirectory) => `${directory.scim.replace(/^http:\/\/127\.0\.0\.1:\d+/, second.url)}/Users?count=1`;

  before(async () => {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const env = { DATABASE_URL: database.url, ROSTER_CLIENT_ID: credentials.id, ROSTER_CLIENT_SECRET: credentials.secret, ROSTER_SCIM_RATE_LIMIT: '100000', ROSTER_SCIM_RATE_BURST: '100000' };
    [first, second] = await Promise.all([startRoster(env, STARTUP_MILLIS), startRoster(env, STARTUP_MILLIS)]);
    cleanup.push(() => first.stop(), () => second.stop());
  });

  test('a revoked secret', async () => {
    const directory = await provisionDirectory(first.url, credentials.id, credentials.secret);
    const secrets = `${first.url}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}/secrets`;
    const created = await http<{ plain_secret: string; secret: { id: string } }>('POST', secrets, { token: directory.accessToken, body: {}, headers: json });
    assert.equal(created.status, 201, created.text);
    const result = await probeAcross(onSecond(directory), created.body.plain_secret, async () => {
      const revoked = await http('POST', `${secrets}/${created.body.secret.id}:revoke`, { token: directory.accessToken });
      assert.equal(revoked.status, 200, revoked.text);
    });
    propagation('revoked secret', result, 401);
    assert.equal((await http('GET', onSecond(directory), { token: directory.token })).status, 200, 'the directory’s other secret still works');
  });

  test('a disabled directory', async () => {
    const directory = await provisionDirectory(first.url, credentials.id, credentials.secret);
    const result = await probeAcross(onSecond(directory), directory.token, async () => {
      const disabled = await http('PATCH', `${first.url}/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}:disable`, { token: directory.accessToken });
      assert.equal(disabled.status, 200, disabled.text);
    });
    propagation('disabled directory', result, 403);
  });

  test('SCIM turned off for the organization', async () => {
    const directory = await provisionDirectory(first.url, credentials.id, credentials.secret);
    const result = await probeAcross(onSecond(directory), directory.token, async () => {
      const settings = await http('PATCH', `${first.url}/api/v1/organizations/${directory.organizationId}/settings`, {
        token: directory.accessToken, body: { features: [{ name: 'scim', enabled: false }] }, headers: json,
      });
      assert.equal(settings.status, 200, settings.text);
    });
    propagation('SCIM turned off', result, 403);
  });
});
