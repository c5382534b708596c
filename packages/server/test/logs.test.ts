import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { http, provisionDirectory } from './support/api-client.js';
import { freePort, startRoster } from './support/roster-process.js';
import { USER_SCHEMA, waitFor } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// The log of a real `roster start`: JSON lines when stdout is not a terminal, one line per request
// (method, route, path, status, duration) and none for health probes at info; the domain's own
// messages (first administrator created, directory connected); the setup code on the output once
// and in no structured line; no credential anywhere. On a terminal the same log is human-readable.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const temporary: string[] = [];
after(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function dataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'roster-logs-'));
  temporary.push(parent);
  return join(parent, 'data');
}

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  method?: string;
  route?: string;
  path?: string;
  status?: number;
  duration_ms?: number;
  [field: string]: unknown;
}

const INFO = 30;

describe('the log of a real roster process', { skip: !storesUnderTest().includes('embedded') && 'runs on the embedded store' }, () => {
  test('JSON lines: one per request, no probes at info, domain messages, the setup code only on the output, no credentials', async () => {
    const clientId = 'logs_test_client';
    const clientSecret = 'logs-test-secret-0123456789-abcdef';
    const roster = await startRoster({ ROSTER_DATA_DIR: dataDir(), ROSTER_CLIENT_ID: clientId, ROSTER_CLIENT_SECRET: clientSecret, LOG_LEVEL: 'info' });
    const lines = (): LogLine[] =>
      roster
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine);
    try {
      // Every structured line is JSON (JSON.parse above), and the setup code is printed once, outside them.
      const code = /First-run setup:[^\n]*\n[^\n]*\n\s+([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})/.exec(roster.output())?.[1];
      assert.ok(code, `the setup code is printed:\n${roster.output()}`);
      assert.equal(roster.output().split(code).length - 1, 1, 'printed exactly once');

      for (const probe of ['/healthz', '/readyz', '/metrics']) assert.equal((await fetch(`${roster.url}${probe}`)).status, 200);
      const directory = await provisionDirectory(roster.url, clientId, clientSecret);
      const created = await http('POST', `${directory.scim}/Users`, { token: directory.token, body: { schemas: [USER_SCHEMA], userName: 'logged@example.com', password: 'user-password-never-logged' } });
      assert.equal(created.status, 201, created.text);
      assert.equal((await fetch(`${roster.url}/no/such/page`)).status, 404);
      const setup = await http('POST', `${roster.url}/api/v1/dashboard/setup`, {
        body: { setup_code: code, email: 'owner@example.com', password: 'owner-password-never-logged' },
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(setup.status, 201, setup.text);

      const connected = await waitFor(async () => lines().find((line) => line.msg.startsWith('directory connected')), 10_000);
      assert.ok(connected, 'the first SCIM request of a directory is logged as its connection');
      assert.equal(connected.level, INFO);
      assert.equal(connected.directory_id, directory.directoryId);
      assert.equal(connected.organization_id, directory.organizationId);
      const admin = lines().find((line) => line.msg === 'created the first dashboard administrator with the setup code');
      assert.equal(admin?.level, INFO);
      assert.equal(admin?.email, 'owner@example.com');

      // A request's line is written once its response has gone out: wait for the last one.
      await waitFor(async () => (lines().some((line) => line.route === '/api/v1/dashboard/setup') ? true : undefined), 10_000);
      assert.deepEqual(
        lines().filter((line) => /^(incoming request|request completed|Route .* not found)$/.test(line.msg)),
        [],
        "fastify's own per-request lines are replaced by one",
      );
      // Lines about a request name its reqId; its access line is the one with the route.
      const requests = lines().filter((line) => line.route !== undefined && line.level >= INFO);
      const byRequest = new Map<string, LogLine[]>();
      for (const line of requests) byRequest.set(line.reqId ?? '', [...(byRequest.get(line.reqId ?? '') ?? []), line]);
      for (const [reqId, ofRequest] of byRequest) assert.equal(ofRequest.length, 1, `request ${reqId} has one line: ${JSON.stringify(ofRequest)}`);
      assert.equal(byRequest.size, 8, 'token, 4 management calls, SCIM, 404 and setup: one line each (and none for the 3 probes)');
      for (const line of requests) {
        assert.match(line.reqId ?? '', /^req-/);
        assert.equal(typeof line.method, 'string');
        assert.equal(typeof line.route, 'string');
        assert.equal(typeof line.status, 'number');
        assert.equal(typeof line.duration_ms, 'number');
      }
      assert.deepEqual(
        requests.filter((line) => ['/healthz', '/readyz', '/metrics'].includes(line.route ?? '')),
        [],
        'health checks and metrics are not logged at info',
      );
      const scim = requests.find((line) => line.method === 'POST' && line.route === '/api/v1/directories/:directoryId/scim/v2/Users');
      assert.equal(scim?.status, 201);
      assert.equal(scim?.path, `/api/v1/directories/${directory.directoryId}/scim/v2/Users`);
      assert.ok(requests.some((line) => line.route === '/oauth/token' && line.status === 200));
      assert.ok(requests.some((line) => line.path === '/no/such/page' && line.status === 404));
      assert.ok(requests.some((line) => line.route === '/api/v1/dashboard/setup' && line.status === 201));

      const everything = roster.output();
      for (const secret of [clientSecret, directory.token, directory.accessToken, 'user-password-never-logged', 'owner-password-never-logged']) {
        assert.ok(!everything.includes(secret), `a credential reached the log: ${secret.slice(0, 8)}...`);
      }
      assert.ok(!lines().some((line) => JSON.stringify(line).includes(code)), 'the setup code is in no structured line');
    } finally {
      await roster.stop();
    }
    assert.deepEqual(await roster.exited, { code: 0, signal: null });
    assert.ok(lines().some((line) => line.msg === 'Roster stopped'));
  });

  test('on a terminal the log is human-readable', async (t) => {
    if (!existsSync('/usr/bin/script')) return t.skip('needs script(1) (util-linux) for a pseudo-terminal');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROSTER_DATA_DIR: dataDir(), LOG_LEVEL: 'info' };
    for (const name of ['DATABASE_URL', 'ROSTER_CLIENT_ID', 'ROSTER_CLIENT_SECRET', 'PUBLIC_URL']) delete env[name];
    // script(1) runs the server with a pseudo-terminal as its stdout, as an operator's shell does.
    const child = spawn('/usr/bin/script', ['-qfec', `${process.execPath} --import tsx src/cli.ts start`, '/dev/null'], { cwd: SERVER_DIR, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const listening = await waitFor(async () => (/Roster is listening/.test(output) ? true : undefined), 180_000, 100);
      assert.ok(listening, output);
      await fetch(`http://127.0.0.1:${port}/api/v1/organizations`);
      const logged = await waitFor(async () => (/GET \/api\/v1\/organizations 401/.test(output) ? true : undefined), 10_000, 50);
      assert.ok(logged, output);
    } finally {
      // Ctrl-C on the terminal.
      child.stdin.write('\u0003');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    const plain = stripVTControlCharacters(output);
    assert.match(plain, /INFO.*Roster is listening/);
    assert.match(plain, /INFO.*GET \/api\/v1\/organizations 401/);
    assert.doesNotMatch(plain, /^\{"level"/m, 'no JSON lines on a terminal');
  });
});
