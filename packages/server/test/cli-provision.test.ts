import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { http } from './support/api-client.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

// `roster provision` talks to a running server over HTTP, as an operator would. The server runs
// in this process, so the command runs asynchronously (a synchronous spawn would block it).
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The TypeScript CLI through tsx, as in development (npm-start.test.ts runs the compiled one).
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: SERVER_DIR, encoding: 'utf8', env, timeout: 180_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
let server: TestServer;
before(async () => {
  server = await startTestServer({ store: 'embedded' });
});
after(() => server.close());

test('roster provision creates an organization, a directory and a secret that opens its SCIM endpoint', async () => {
  const result = await run(['provision', '--url', server.baseUrl, '--client-id', server.clientId, '--client-secret', server.clientSecret, '--provider', 'AZURE_AD', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const created = JSON.parse(result.stdout) as { scimBaseUrl: string; token: string; directoryId: string };
  assert.match(created.directoryId, /^dir_/);
  const users = await http('GET', `${created.scimBaseUrl}/Users`, { token: created.token });
  assert.equal(users.status, 200);
});

test('roster provision with a wrong secret says what failed and exits non-zero', async () => {
  const result = await run(['provision', '--url', server.baseUrl, '--client-id', server.clientId, '--client-secret', 'wrong']);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /401|client/i);
});

/** The environment without any setting that tells the CLI where Roster is. */
function envWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['ROSTER_URL', 'PORT', 'ROSTER_CLIENT_ID', 'ROSTER_CLIENT_SECRET']) delete env[name];
  return { ...env, ROSTER_CLIENT_ID: server.clientId, ROSTER_CLIENT_SECRET: server.clientSecret, ...settings };
}

const portOf = (url: string): string => new URL(url).port;

test('without --url, roster provision finds Roster on PORT, the port Roster was started with', async () => {
  const result = await run(['provision', '--json'], envWith({ PORT: portOf(server.baseUrl) }));
  assert.equal(result.status, 0, result.stderr);
  const created = JSON.parse(result.stdout) as { scimBaseUrl: string; token: string };
  assert.equal((await http('GET', `${created.scimBaseUrl}/Users`, { token: created.token })).status, 200);
});

test('ROSTER_URL wins over PORT', async () => {
  const result = await run(['provision', '--json'], envWith({ ROSTER_URL: `${server.baseUrl}/`, PORT: '1' }));
  assert.equal(result.status, 0, result.stderr);
});
