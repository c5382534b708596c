import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/database.js';
import { http, provisionDirectory } from './support/api-client.js';
import { connectOutcome, freePort, withTimeout } from './support/roster-process.js';
import { storesUnderTest } from './support/test-server.js';
import { BULK_REQUEST_SCHEMA, USER_SCHEMA, sleep, waitFor, type Json } from './support/scim-fixtures.js';

// The real `roster start` process: signals, exit codes, the data directory lock and the
// generated API client. Only the embedded store has a data directory to lock, so these run on it.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const temporary: string[] = [];
const running = new Set<ChildProcess>();

after(() => {
  for (const child of running) child.kill('SIGKILL');
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function dataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'roster-process-'));
  temporary.push(directory);
  return join(directory, 'data');
}

interface Roster {
  url: string;
  port: number;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startRoster(options: { dataDir: string; credentials?: { id: string; secret: string }; env?: Record<string, string> }): Promise<Roster> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROSTER_DATA_DIR: options.dataDir, LOG_LEVEL: 'info' };
  for (const name of ['DATABASE_URL', 'ROSTER_CLIENT_ID', 'ROSTER_CLIENT_SECRET', 'PUBLIC_URL']) delete env[name];
  Object.assign(env, options.env);
  if (options.credentials) {
    env.ROSTER_CLIENT_ID = options.credentials.id;
    env.ROSTER_CLIENT_SECRET = options.credentials.secret;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { url: `http://127.0.0.1:${port}`, port, child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Waits for /healthz, failing early (with the process's output) if it exits first. */
async function untilHealthy(roster: Roster): Promise<void> {
  let exit: { code: number | null } | undefined;
  void roster.exited.then((result) => (exit = result));
  const healthy = await waitFor(async () => {
    if (exit) throw new Error(`roster exited (${exit.code}) before it was healthy:\n${roster.stdout()}\n${roster.stderr()}`);
    try {
      return (await fetch(`${roster.url}/healthz`)).status === 200 ? true : undefined;
    } catch {
      return undefined;
    }
    // Starting takes seconds, or a minute or two on a loaded machine (tsx compiles the sources as it loads them).
  }, 180_000, 100);
  assert.ok(healthy, `roster never became healthy:\n${roster.stdout()}\n${roster.stderr()}`);
}

/** A request's result, or the error it failed with (never an unhandled rejection). */
const settle = <T>(promise: Promise<T>): Promise<T | Error> => promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

const credentials = () => ({ id: `proc_client_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') });

describe('the roster process [embedded]', { skip: !storesUnderTest().includes('embedded') && 'embedded store not under test' }, () => {
  test('SIGTERM lets in-flight requests finish with 2xx, refuses new connections, flushes the request log and exits 0', async () => {
    const directory = dataDir();
    const client = credentials();
    const roster = await startRoster({ dataDir: directory, credentials: client, env: { ROSTER_SHUTDOWN_GRACE_SECONDS: '120', LOG_LEVEL: 'debug' } });
    await untilHealthy(roster);
    const { scim, token, directoryId } = await provisionDirectory(roster.url, client.id, client.secret);
    const received = () => roster.stdout().split('\n').filter((line) => line.includes('"request received"') && line.includes('/scim/v2/')).length;

    const operations = Array.from({ length: 1000 }, (_, index) => ({
      method: 'POST', bulkId: `b${index}`, path: '/Users', data: { schemas: [USER_SCHEMA], userName: `inflight-bulk-${index}@example.com` },
    }));
    let bulkDone = false;
    const bulk = settle(http<{ Operations: { status: string }[] }>('POST', `${scim}/Bulk`, { token, body: { schemas: [BULK_REQUEST_SCHEMA], Operations: operations } })).finally(() => {
      bulkDone = true;
    });
    await waitFor(async () => (received() >= 1 ? true : undefined), 30_000);
    const singles = Array.from({ length: 20 }, (_, index) =>
      settle(http<Json>('POST', `${scim}/Users`, { token, body: { schemas: [USER_SCHEMA], userName: `inflight-single-${index}@example.com` } })),
    );
    // SIGTERM once the server has read every request, so each one is in flight, not in the backlog.
    const allReceived = await waitFor(async () => (received() >= 21 ? true : undefined), 30_000);
    assert.ok(allReceived, `the server read ${received()} of 21 requests`);
    const bulkInFlightAtSigterm = !bulkDone;
    assert.ok(roster.child.kill('SIGTERM'));
    await sleep(300);
    if (!bulkDone) assert.equal(await connectOutcome(roster.port), 'ECONNREFUSED', 'a new connection during shutdown must be refused');

    const bulkResponse = await bulk;
    assert.ok(!(bulkResponse instanceof Error), `the bulk request failed: ${String(bulkResponse)}`);
    assert.equal(bulkResponse.status, 200, bulkResponse.text.slice(0, 300));
    assert.equal(bulkResponse.body.Operations.length, 1000);
    assert.ok(bulkResponse.body.Operations.every((result) => result.status === '201'), 'every bulk operation completed');
    const singleResponses = await Promise.all(singles);
    assert.deepEqual(singleResponses.map((response) => (response instanceof Error ? String(response) : response.status)), singles.map(() => 201));

    const exit = await withTimeout(roster.exited, 120_000, 'shutdown');
    assert.deepEqual(exit, { code: 0, signal: null }, roster.stderr());
    assert.equal(await connectOutcome(roster.port), 'ECONNREFUSED');
    await assert.rejects(fetch(`${roster.url}/healthz`));

    // What was answered is durable, and the request log was flushed on the way out.
    const db = await openDatabase({ dataDir: directory, poolSize: 1 });
    try {
      const users = await db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM directory_users WHERE directory_id = $1', [directoryId]);
      assert.equal(users.rows[0]?.count, 1020);
      const log = await db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM scim_request_log WHERE directory_id = $1', [directoryId]);
      assert.equal(log.rows[0]?.count, 21, 'the bulk request and the 20 single POSTs are in the request log');
    } finally {
      await db.close();
    }
    assert.ok(
      bulkInFlightAtSigterm,
      'the server read the 20 single requests only after the 1,000-operation bulk had finished (its event loop was blocked), so SIGTERM never met the bulk in flight',
    );
  });

  test('a second process on the same ROSTER_DATA_DIR fails with a message about the lock while the first runs', async () => {
    const directory = dataDir();
    const client = credentials();
    const first = await startRoster({ dataDir: directory, credentials: client });
    await untilHealthy(first);
    const second = await startRoster({ dataDir: directory, credentials: client });
    const exit = await withTimeout(second.exited, 60_000, 'the second process');
    assert.notEqual(exit.code, 0, 'the second process must not start');
    assert.match(second.stderr(), /in use by another Roster process \(process \d+ on /, second.stderr());
    assert.ok(second.stderr().includes(directory), `the message names the data directory: ${second.stderr()}`);
    assert.equal(second.stderr().trim().split('\n').length, 1, `one line, no stack trace: ${second.stderr()}`);
    assert.equal(await connectOutcome(second.port), 'ECONNREFUSED', 'the second process never listened');

    const health = await fetch(`${first.url}/readyz`);
    assert.equal(health.status, 200, 'the first process is unharmed');
    first.child.kill('SIGTERM');
    assert.deepEqual(await withTimeout(first.exited, 30_000, 'shutdown'), { code: 0, signal: null });

    // Once the first is gone the directory is free again.
    const third = await startRoster({ dataDir: directory, credentials: client });
    await untilHealthy(third);
    third.child.kill('SIGTERM');
    assert.deepEqual(await withTimeout(third.exited, 30_000, 'shutdown'), { code: 0, signal: null });
  });

  test('without ROSTER_CLIENT_ID a generated API client is printed once, works at /oauth/token, and is not printed again', async () => {
    const directory = dataDir();
    const first = await startRoster({ dataDir: directory });
    await untilHealthy(first);
    const printed = await waitFor(async () => {
      const match = /client_id:\s+(\S+)\s+client_secret:\s+(\S+)/.exec(first.stdout());
      return match ? { id: match[1] ?? '', secret: match[2] ?? '' } : undefined;
    }, 10_000);
    assert.ok(printed, `no generated client on stdout:\n${first.stdout()}`);
    const token = await http<Json>('POST', `${first.url}/oauth/token`, {
      rawBody: new URLSearchParams({ grant_type: 'client_credentials', client_id: printed.id, client_secret: printed.secret }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(token.status, 200, token.text);
    const structured = first.stdout().split('\n').filter((line) => line.startsWith('{'));
    assert.ok(structured.length > 0, 'the structured log is on stdout');
    assert.ok(!structured.some((line) => line.includes(printed.secret)), 'the generated secret reached the structured log');
    assert.equal(first.stdout().split(printed.secret).length - 1, 1, 'the secret is printed exactly once');
    first.child.kill('SIGTERM');
    assert.deepEqual(await withTimeout(first.exited, 30_000, 'shutdown'), { code: 0, signal: null });

    const second = await startRoster({ dataDir: directory });
    await untilHealthy(second);
    assert.ok(await waitFor(async () => (second.stdout().includes('Roster is listening') ? true : undefined), 10_000), second.stdout());
    assert.doesNotMatch(second.stdout(), /client_secret|Generated an API client/);
    const again = await http('POST', `${second.url}/oauth/token`, {
      body: { grant_type: 'client_credentials', client_id: printed.id, client_secret: printed.secret },
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(again.status, 200, `the generated client survives a restart: ${again.text}`);
    second.child.kill('SIGTERM');
    assert.deepEqual(await withTimeout(second.exited, 30_000, 'shutdown'), { code: 0, signal: null });
  });

  test('a bad PORT stops `roster start` with exit 1 and a message naming the variable', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: 'eighty', ROSTER_DATA_DIR: dataDir() };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await withTimeout(new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode))), 30_000, 'exit');
    running.delete(child);
    assert.equal(code, 1);
    assert.match(stderr, /\bPORT\b/);
  });
});
