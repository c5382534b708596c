import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { http } from './support/api-client.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const roster = fileURLToPath(new URL('../bin/roster.mjs', import.meta.url));

// `roster provision` talks to a running server over HTTP, as an operator would. The server runs
// in this process, so the command runs asynchronously (a synchronous spawn would block it).
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [roster, ...args], { encoding: 'utf8', env, timeout: 60_000 }, (error, stdout, stderr) => {
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
