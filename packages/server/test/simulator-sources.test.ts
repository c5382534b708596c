import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pulledEnv } from './support/pulled-directories.js';
import { freePort } from './support/roster-process.js';
import { startTestServer, storesUnderTest, type TestServer } from './support/test-server.js';

// `roster simulate --provider google|bamboohr` as someone trying Roster would run it: it starts
// a simulated source on a port Roster was told about, creates a directory on it through the
// management API, waits for the first sync and compares what Roster holds with the source.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

function simulate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'simulate', ...args], { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

for (const store of storesUnderTest()) {
  describe(`roster simulate with a pulled source [${store}]`, () => {
    const servers: TestServer[] = [];
    after(async () => {
      for (const server of servers) await server.close();
    });

    for (const source of ['google', 'bamboohr'] as const) {
      test(`--provider ${source} runs the source, connects a directory and syncs it`, async () => {
        const port = await freePort();
        const sourceUrl = `http://127.0.0.1:${port}`;
        const server = await startTestServer({ store, env: pulledEnv(source === 'google' ? { google: sourceUrl } : { bamboohr: sourceUrl }) });
        servers.push(server);
        const run = await simulate([
          '--provider', source, '--users', '40', '--groups', '5', '--port', String(port), '--roster-url', server.baseUrl,
          '--client-id', server.clientId, '--client-secret', server.clientSecret, '--once', '--json',
        ]);
        assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
        const result = JSON.parse(run.stdout) as { ok: boolean; users: number; rosterUsers: number; run: { status: string } };
        assert.equal(result.run.status, 'succeeded');
        assert.equal(result.users, 40);
        assert.equal(result.rosterUsers, 40);
        assert.match(run.stderr, source === 'google' ? /ROSTER_GOOGLE_API_URL=http:\/\/127\.0\.0\.1/ : /ROSTER_BAMBOOHR_API_URL=http:\/\/127\.0\.0\.1/, 'it says how to point Roster at it');
      });
    }
  });
}
