import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FakeGoogleWorkspace } from '../src/simulator/sources/fake-google.js';
import { PulledApi, pulledEnv } from './support/pulled-directories.js';
import { createTestDatabase, startRoster, type RosterProcess } from './support/roster-process.js';
import { sleep } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// SIGKILL to a real Roster process in the middle of a Google sync, then a new process: its run
// takes the lapsed lease over, marks the killed run interrupted, and finishes the sync. Nothing is
// lost (every user, group and membership of the source is there) and nothing is doubled (one
// user_created per user, one group_created per group).

const USERS = 1_200;
const GROUPS = 24;
const credentials = { id: `crash_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function startUntilFree(env: Record<string, string>): Promise<RosterProcess> {
  // An embedded store's lock outlives a killed process until it goes stale.
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      return await startRoster(env, 240_000);
    } catch (error) {
      if (Date.now() > deadline || !/in use by another Roster process/.test(String(error))) throw error;
      await sleep(1_000);
    }
  }
}

for (const store of storesUnderTest()) {
  describe(`SIGKILL during a Google sync [${store}]`, () => {
    test('the next process resumes the sync without losing or repeating anything', async () => {
      const google = await FakeGoogleWorkspace.start();
      cleanup.push(() => google.close());
      const users = Array.from({ length: USERS }, (_, index) => google.directory.addUser({ primaryEmail: `person${index}@acme.example`, givenName: 'Person', familyName: String(index) }));
      for (let index = 0; index < GROUPS; index++) {
        const group = google.directory.addGroup(`Team ${index}`);
        for (let member = index; member < USERS; member += GROUPS / 2) google.directory.addMember(group.id, (users[member] as { id: string }).id);
      }
      google.server.latencyMs = 20;
      const key = google.createServiceAccountKey();

      const env = pulledEnv({ google: google.url }, { ROSTER_CLIENT_ID: credentials.id, ROSTER_CLIENT_SECRET: credentials.secret, ROSTER_SYNC_LEASE_SECONDS: '3' });
      if (store === 'postgres') {
        const database = await createTestDatabase();
        env.DATABASE_URL = database.url;
        cleanup.push(() => database.drop());
      } else {
        const parent = mkdtempSync(join(tmpdir(), 'roster-pulled-crash-'));
        env.ROSTER_DATA_DIR = join(parent, 'data');
        cleanup.push(async () => rmSync(parent, { recursive: true, force: true }));
      }

      let roster = await startRoster(env, 240_000);
      cleanup.push(() => roster.kill());
      let api = await PulledApi.connect(roster.url, credentials.id, credentials.secret);
      const organizationId = await api.organization();
      const directory = await api.createDirectory(organizationId, { directory_type: 'GOOGLE_WORKSPACE', credentials: { service_account_key: key, admin_email: 'admin@acme.example' } });

      // Kill it mid-run, with more to create: once part of the users are in and the run has
      // recorded some of its progress (it does so at most once a second, as it goes).
      const deadline = Date.now() + 180_000;
      let usersAtKill = 0;
      let killedRun: string | undefined;
      for (;;) {
        const [details, runs] = await Promise.all([api.directory(organizationId, directory.id), api.runs(organizationId, directory.id)]);
        usersAtKill = details.total_users as number;
        const running = runs.find((run) => run.status === 'running');
        if (usersAtKill >= USERS / 4 && (running?.counts.users_created ?? 0) > 0) {
          killedRun = running?.id;
          break;
        }
        assert.ok(!runs.some((run) => run.status === 'succeeded'), `the sync finished before it could be killed midway (${usersAtKill} users)`);
        assert.ok(Date.now() < deadline, 'the sync never got a quarter of the way');
        await sleep(50);
      }
      await roster.kill();

      roster = await startUntilFree(env);
      api = await PulledApi.connect(roster.url, credentials.id, credentials.secret);
      const settle = Date.now() + 240_000;
      let runs = await api.runs(organizationId, directory.id);
      while (!runs.some((run) => run.status === 'succeeded')) {
        assert.ok(Date.now() < settle, `no run finished after the restart: ${JSON.stringify(runs)}`);
        await sleep(250);
        runs = await api.runs(organizationId, directory.id);
      }
      const killed = runs.find((run) => run.id === killedRun);
      assert.equal(killed?.status, 'interrupted', JSON.stringify(runs.map((run) => [run.status, run.counts.users_created])));
      assert.ok(usersAtKill < USERS, `killed mid-run: ${usersAtKill} of ${USERS} users were in`);
      assert.ok((killed?.counts.users_created ?? 0) > 0, `the killed run keeps the progress it recorded: ${JSON.stringify(runs.map((run) => [run.id, run.status, run.counts.users_created]))}`);

      // Nothing lost: every user and membership of the source.
      const stored = await api.users(organizationId, directory.id);
      assert.equal(stored.length, USERS);
      assert.equal(new Set(stored.map((user) => user.email)).size, USERS);
      const memberships = stored.reduce((sum, user) => sum + user.groups.length, 0);
      const expected = [...google.directory.members.values()].reduce((sum, members) => sum + members.length, 0);
      assert.equal(memberships, expected);

      // Nothing repeated: one creation event per user and per group.
      const { events } = await api.eventsSettled(directory.id, '', USERS + GROUPS);
      const created = events.filter((event) => event.type === 'organization.directory.user_created');
      assert.equal(created.length, USERS);
      assert.equal(new Set(created.map((event) => (event.data as { id: string }).id)).size, USERS);
      assert.equal(events.filter((event) => event.type === 'organization.directory.group_created').length, GROUPS);
      await roster.stop();
    });
  });
}
