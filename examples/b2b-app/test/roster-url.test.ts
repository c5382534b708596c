import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../../packages/server/test/support/test-server.js';
import { loadConfig, rosterUrlFrom } from '../src/config.js';

// The sample app finds Roster where Roster was told to listen: ROSTER_URL, else PORT (Roster's
// own variable; the app listens on APP_PORT), and `npm run setup` against a real Roster on a
// port that is not 8080 works with PORT alone.

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const required = { ROSTER_CLIENT_ID: 'id', ROSTER_CLIENT_SECRET: 'secret', ROSTER_WEBHOOK_SECRET: 'whsec_x' };

test('the app reads Roster from ROSTER_URL, else PORT, and listens on APP_PORT', () => {
  assert.equal(rosterUrlFrom({}), 'http://localhost:8080');
  assert.equal(rosterUrlFrom({ PORT: '9123' }), 'http://localhost:9123');
  assert.equal(rosterUrlFrom({ PORT: '9123', ROSTER_URL: 'https://roster.example.com/' }), 'https://roster.example.com');
  const config = loadConfig({ ...required, PORT: '9123' });
  assert.equal(config.rosterUrl, 'http://localhost:9123');
  assert.equal(config.port, 3000, "Roster's PORT is not the app's port");
  assert.equal(loadConfig({ ...required, APP_PORT: '4000', APP_HOST: '0.0.0.0' }).port, 4000);
});

let server: TestServer;
let workspace: string;
before(async () => {
  // Setup registers the app's webhook on localhost, which Roster refuses unless allowed.
  process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
  server = await startTestServer({ store: process.env.ROSTER_TEST_STORE === 'postgres' ? 'postgres' : 'embedded' });
  workspace = mkdtempSync(join(tmpdir(), 'b2b-setup-'));
});
after(async () => {
  await server?.close();
  rmSync(workspace, { recursive: true, force: true });
});

test('npm run setup finds Roster on PORT and writes its URL for the app', async () => {
  const settings = join(workspace, '.env');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: new URL(server.baseUrl).port, ROSTER_CLIENT_ID: server.clientId, ROSTER_CLIENT_SECRET: server.clientSecret, APP_ENV_FILE: settings };
  delete env.ROSTER_URL;
  const result = await new Promise<{ code: number; output: string }>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'src/setup.ts'], { cwd: APP_DIR, env, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    ),
  );
  assert.equal(result.code, 0, result.output);
  const written = readFileSync(settings, 'utf8');
  assert.match(written, new RegExp(`^ROSTER_URL=http://localhost:${new URL(server.baseUrl).port}$`, 'm'));
  assert.match(written, /^APP_PORT=3000$/m);
});
