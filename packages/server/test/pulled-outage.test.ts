import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/server.js';
import { FakeGoogleWorkspace } from '../src/simulator/sources/fake-google.js';
import { json } from '../src/simulator/sources/fake-http.js';
import { PulledApi, pulledEnv, TEST_ENCRYPTION_KEY, type DirectoryJson } from './support/pulled-directories.js';
import { createTestDatabase } from './support/roster-process.js';
import { storesUnderTest } from './support/test-server.js';

// A source that fails (Google answering 500 for every list) is not hammered: each failed run
// pushes the next one further out (one minute, then two, ...), the directory shows ERROR with
// Google's own words, and no one is removed; once Google answers again, "Sync now" brings the
// directory back to ACTIVE on its interval. And a store holding pulled directories does not start
// without the key their credentials were sealed with, nor with another one.

const CLIENT = { id: `outage_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
const BACKEND_ERROR = json(500, { error: { code: 500, message: 'Backend Error', errors: [{ message: 'Backend Error', domain: 'global', reason: 'backendError' }], status: 'INTERNAL' } });

for (const store of storesUnderTest()) {
  describe(`a failing source, and the key at start [${store}]`, () => {
    let google: FakeGoogleWorkspace;
    // One store kept across restarts: a PostgreSQL database, or an embedded data directory.
    let storeEnv: Record<string, string> = {};
    let dataDir = 'memory://';
    let cleanup: () => Promise<void> = async () => undefined;
    let server: RunningServer | undefined;
    let api: PulledApi;
    let organizationId: string;
    let directory: DirectoryJson;

    async function start(extra: Record<string, string>): Promise<RunningServer> {
      await server?.close();
      server = undefined;
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ROSTER_CLIENT_ID: CLIENT.id, ROSTER_CLIENT_SECRET: CLIENT.secret, ...storeEnv, ...extra });
      server = await startServer({ config, logger: createLogger('silent'), dataDir });
      api = await PulledApi.connect(server.url, CLIENT.id, CLIENT.secret);
      return server;
    }

    before(async () => {
      google = await FakeGoogleWorkspace.start();
      for (let index = 0; index < 8; index++) google.directory.addUser({ primaryEmail: `person${index}@acme.example`, givenName: 'Person', familyName: String(index) });
      if (store === 'postgres') {
        const database = await createTestDatabase();
        storeEnv = { DATABASE_URL: database.url };
        cleanup = database.drop;
      } else {
        dataDir = mkdtempSync(join(tmpdir(), 'roster-pulled-outage-'));
        cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
      }
      await start(pulledEnv({ google: google.url }));
      organizationId = await api.organization();
      directory = await api.createDirectory(organizationId, {
        directory_type: 'GOOGLE_WORKSPACE',
        credentials: { service_account_key: google.createServiceAccountKey(), admin_email: 'admin@acme.example' },
      });
      assert.equal((await api.nextRun(organizationId, directory.id)).status, 'succeeded');
    });
    after(async () => {
      await server?.close();
      await google?.close();
      await cleanup();
    });

    test('an outage backs off run after run, shows the error, removes no one, and recovers', async () => {
      google.server.failNext(BACKEND_ERROR, 1_000_000);
      const nextSyncAfter = async (run: { finish_time: string | null }) => {
        const state = await api.directory(organizationId, directory.id);
        assert.ok(state.source?.next_sync_time && run.finish_time);
        return { state, waitSeconds: (Date.parse(state.source.next_sync_time) - Date.parse(run.finish_time)) / 1000 };
      };

      const first = await api.syncAndWait(organizationId, directory.id);
      assert.deepEqual([first.status, first.error_code], ['failed', 'source_error'], JSON.stringify(first));
      assert.match(first.error ?? '', /Backend Error/);
      const once = await nextSyncAfter(first);
      assert.equal(once.state.status, 'ERROR');
      assert.equal(once.state.source?.status, 'error');
      assert.equal(once.state.source?.consecutive_failures, 1);
      assert.match(once.state.source?.status_message ?? '', /Backend Error.*Retrying with backoff/);
      assert.ok(once.waitSeconds >= 53 && once.waitSeconds <= 67, `first retry after about a minute, not ${once.waitSeconds} s`);

      const second = await api.syncAndWait(organizationId, directory.id);
      assert.equal(second.status, 'failed');
      const twice = await nextSyncAfter(second);
      assert.equal(twice.state.source?.consecutive_failures, 2);
      assert.ok(twice.waitSeconds >= 107 && twice.waitSeconds <= 133, `second retry after about two minutes, not ${twice.waitSeconds} s`);
      assert.equal((await api.users(organizationId, directory.id)).length, 8, 'a failing source removes no one');

      google.server.failNext(BACKEND_ERROR, 0);
      google.directory.addUser({ primaryEmail: 'newcomer@acme.example', givenName: 'New', familyName: 'Comer' });
      const recovered = await api.syncAndWait(organizationId, directory.id);
      assert.equal(recovered.status, 'succeeded', JSON.stringify(recovered));
      assert.equal(recovered.counts.users_created, 1);
      const back = await nextSyncAfter(recovered);
      assert.equal(back.state.status, 'ACTIVE');
      assert.deepEqual([back.state.source?.consecutive_failures, back.state.source?.status_message], [0, null]);
      assert.ok(Math.abs(back.waitSeconds - 30 * 60) <= 5, `back on its 30-minute interval, not ${back.waitSeconds} s`);
    });

    test('a restart without the key, or with another, is refused before anything is touched; the right key syncs on', async () => {
      const env = pulledEnv({ google: google.url });
      const withoutKey = { ...env };
      delete withoutKey.ROSTER_ENCRYPTION_KEY;
      await server?.close();
      server = undefined;
      await assert.rejects(start(withoutKey), /holds pulled directories .* set ROSTER_ENCRYPTION_KEY to the key they were stored with/);
      await assert.rejects(
        start({ ...env, ROSTER_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
        /The source credentials of 1 pulled directories were encrypted with another ROSTER_ENCRYPTION_KEY \(key id [0-9a-f]{8}; this one has id [0-9a-f]{8}\)/,
      );
      await start({ ...env, ROSTER_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY });
      google.directory.addUser({ primaryEmail: 'after-restart@acme.example', givenName: 'After', familyName: 'Restart' });
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      assert.equal(run.counts.users_created, 1);
    });
  });
}
