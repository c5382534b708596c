import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { FakeGoogleWorkspace } from '../src/simulator/sources/fake-google.js';
import { PulledApi, pulledEnv } from './support/pulled-directories.js';
import { createTestDatabase, startRoster, type RosterProcess } from './support/roster-process.js';
import { sleep } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// Two Roster processes on one PostgreSQL, both asked again and again to sync the same Google
// directory: the lease lets one of them at a time. Seen from Google's side, the calls of each
// run (one access token per run) never overlap another run's, and both nodes take turns.

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

test('two processes on one PostgreSQL never sync one directory at once', { skip: !storesUnderTest().includes('postgres') && 'PostgreSQL is not under test' }, async () => {
  const google = await FakeGoogleWorkspace.start();
  cleanup.push(() => google.close());
  for (let index = 0; index < 60; index++) google.directory.addUser({ primaryEmail: `person${index}@acme.example`, givenName: 'Person', familyName: String(index) });
  for (let index = 0; index < 12; index++) {
    const group = google.directory.addGroup(`Team ${index}`);
    for (const user of [...google.directory.users.values()].slice(index * 5, index * 5 + 5)) google.directory.addMember(group.id, user.id);
  }
  // Slow answers make each run last a few seconds: long enough for the other node to try.
  google.server.latencyMs = 120;
  google.recordCalls = true;
  const key = google.createServiceAccountKey();

  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  const credentials = { id: `twonode_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
  const env = pulledEnv({ google: google.url }, { DATABASE_URL: database.url, ROSTER_CLIENT_ID: credentials.id, ROSTER_CLIENT_SECRET: credentials.secret, ROSTER_SYNC_LEASE_SECONDS: '4' });
  const nodes: RosterProcess[] = await Promise.all([startRoster(env, 240_000), startRoster(env, 240_000)]);
  for (const node of nodes) cleanup.push(() => node.stop());
  const apis = await Promise.all(nodes.map((node) => PulledApi.connect(node.url, credentials.id, credentials.secret)));
  const [first, second] = apis as [PulledApi, PulledApi];

  const organizationId = await first.organization();
  const directory = await first.createDirectory(organizationId, { directory_type: 'GOOGLE_WORKSPACE', credentials: { service_account_key: key, admin_email: 'admin@acme.example' } });
  // "Sync now" on both nodes, over and over, while runs go, until several runs have finished.
  const deadline = Date.now() + 300_000;
  let presses = 0;
  while (Date.now() < deadline) {
    const finishedSoFar = (await first.runs(organizationId, directory.id)).filter((run) => run.status === 'succeeded').length;
    if (finishedSoFar >= 5) break;
    await Promise.all([apis[presses % 2] as PulledApi, apis[(presses + 1) % 2] as PulledApi].map((api) => api.syncNow(organizationId, directory.id)));
    presses++;
    await sleep(300);
  }
  // Let the last requested run finish.
  const settle = Date.now() + 60_000;
  while ((await second.runs(organizationId, directory.id)).some((run) => run.status === 'running') && Date.now() < settle) await sleep(200);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  cleanup.push(() => client.end());
  const nodesThatRan = async () => new Set((await client.query<{ node: string }>('SELECT DISTINCT node FROM sync_runs')).rows.map((row) => Number(row.node.split(':').at(-2))));
  // The node that ends a run looks for due directories at once, so while both are pressed it may
  // keep winning. Then the other is asked alone, when no run is going, until it has run one too:
  // the runs of both nodes are in the windows checked below.
  for (let attempt = 0; (await nodesThatRan()).size < 2; attempt++) {
    assert.ok(attempt < 20, `only one node ever ran a sync: ${[...(await nodesThatRan())].join(', ')}`);
    const ran = await nodesThatRan();
    const other = nodes.findIndex((node) => !ran.has(node.child.pid ?? -1));
    const seen = await second.runIds(organizationId, directory.id);
    await (apis[other] as PulledApi).syncNow(organizationId, directory.id);
    await second.nextRun(organizationId, directory.id, seen);
  }

  const runs = await second.runs(organizationId, directory.id);
  const finished = runs.filter((run) => run.status === 'succeeded');
  assert.ok(finished.length >= 3, `${finished.length} runs finished after ${presses} presses`);
  assert.ok(runs.every((run) => run.status === 'succeeded'), JSON.stringify(runs.filter((run) => run.status !== 'succeeded')));
  assert.deepEqual([...(await nodesThatRan())].sort(), nodes.map((node) => node.child.pid).sort(), 'both nodes ran syncs');

  // Google's view: each run's calls (one access token each) form a window no other window overlaps.
  const windows = new Map<string, { first: number; last: number }>();
  for (const call of google.apiCalls) {
    const window = windows.get(call.token);
    if (window) window.last = call.at;
    else windows.set(call.token, { first: call.at, last: call.at });
  }
  const ordered = [...windows.values()].sort((a, b) => a.first - b.first);
  assert.ok(ordered.length >= finished.length, `${ordered.length} token windows for ${finished.length} runs`);
  for (let index = 1; index < ordered.length; index++) {
    const before = ordered[index - 1] as { last: number };
    const current = ordered[index] as { first: number };
    assert.ok(current.first > before.last, `run windows overlap: one ran until ${before.last}, another started at ${current.first}`);
  }
  const users = await first.users(organizationId, directory.id);
  assert.equal(users.length, 60);
});
