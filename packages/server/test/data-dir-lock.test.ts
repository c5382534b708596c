import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataDirLockedError, lockDataDir, lockPathOf } from '../src/store/data-dir-lock.js';
import { currentOwner } from '../src/store/lock-owner.js';
import { http } from './support/api-client.js';
import { startRoster } from './support/roster-process.js';
import { waitFor } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// The embedded store's lock (store/data-dir-lock.ts) against real processes: a server killed with
// SIGKILL is succeeded at once, a live one is never displaced, and a reused pid or an owner in
// another container is told apart from the process that took the lock.

const LOCK_MODULE = pathToFileURL(fileURLToPath(new URL('../src/store/data-dir-lock.ts', import.meta.url))).href;
const temporary: string[] = [];
const children = new Set<ChildProcess>();

after(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function dataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'roster-lock-'));
  temporary.push(parent);
  return join(parent, 'data');
}

/** Another process that takes the lock and keeps it until killed. */
async function lockingProcess(directory: string): Promise<ChildProcess> {
  mkdirSync(directory, { recursive: true });
  const script = `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)}); await lockDataDir(${JSON.stringify(directory)}); console.log('locked'); setInterval(() => undefined, 60_000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const locked = await waitFor(async () => (output.includes('locked') ? true : undefined), 180_000, 50);
  assert.ok(locked, 'the child never took the lock');
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const credentials = () => ({ ROSTER_CLIENT_ID: `lock_client_${randomBytes(4).toString('hex')}`, ROSTER_CLIENT_SECRET: randomBytes(24).toString('base64url') });

describe('the embedded store lock [embedded]', { skip: !storesUnderTest().includes('embedded') && 'embedded store not under test' }, () => {
  test('a server killed with SIGKILL: the next one starts on the same directory at once, says so in one line, and has the data', async () => {
    const env = { ...credentials(), ROSTER_DATA_DIR: dataDir() };
    const first = await startRoster(env);
    const token = await http<{ access_token: string }>('POST', `${first.url}/oauth/token`, {
      body: { grant_type: 'client_credentials', client_id: env.ROSTER_CLIENT_ID, client_secret: env.ROSTER_CLIENT_SECRET },
      headers: { 'content-type': 'application/json' },
    });
    const created = await http('POST', `${first.url}/api/v1/organizations`, { token: token.body.access_token, body: { display_name: 'Survives SIGKILL' }, headers: { 'content-type': 'application/json' } });
    assert.equal(created.status, 201, created.text);
    const killedPid = first.child.pid;
    await first.kill();

    const second = await startRoster(env);
    try {
      const takeover = second.output().split('\n').filter((line) => line.includes('took over the embedded store'));
      assert.equal(takeover.length, 1, second.output());
      assert.match(takeover[0] ?? '', new RegExp(`process ${killedPid} on .* did not shut down cleanly: process ${killedPid} is gone`));
      const again = await http<{ access_token: string }>('POST', `${second.url}/oauth/token`, {
        body: { grant_type: 'client_credentials', client_id: env.ROSTER_CLIENT_ID, client_secret: env.ROSTER_CLIENT_SECRET },
        headers: { 'content-type': 'application/json' },
      });
      const organizations = await http<{ organizations: { display_name: string }[] }>('GET', `${second.url}/api/v1/organizations`, { token: again.body.access_token });
      assert.deepEqual(organizations.body.organizations.map((organization) => organization.display_name), ['Survives SIGKILL']);
    } finally {
      await second.stop();
    }
    assert.deepEqual(await second.exited, { code: 0, signal: null });
  });

  test('a lock whose owner was killed is taken within a moment; while the owner lives it is refused in one sentence naming it', async () => {
    const directory = dataDir();
    const owner = await lockingProcess(directory);
    await assert.rejects(lockDataDir(directory), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.match(error.message, new RegExp(`^The embedded store at ${directory} is in use by another Roster process \\(process ${owner.pid} on [^)]+\\): stop that process first, or set ROSTER_DATA_DIR to another directory\\.$`));
      return true;
    });
    await kill(owner);
    const told: string[] = [];
    const started = Date.now();
    const lock = await lockDataDir(directory, { onTakeover: (message) => told.push(message) });
    const took = Date.now() - started;
    await lock.release();
    assert.ok(took < 2_000, `taking the lock of a dead owner took ${took} ms`);
    assert.deepEqual(told.length, 1);
    assert.match(told[0] ?? '', new RegExp(`process ${owner.pid} is gone`));
  });

  test('a pid reused by another process (a different start time) is not mistaken for the owner', async () => {
    const directory = dataDir();
    // A live process that is not the owner: the lock says it started at another time.
    const bystander = await lockingProcess(dataDir());
    const me = currentOwner();
    mkdirSync(lockPathOf(directory), { recursive: true });
    writeFileSync(join(lockPathOf(directory), 'owner.json'), JSON.stringify({ ...me, pid: bystander.pid, startTime: '1' }));
    const told: string[] = [];
    const lock = await lockDataDir(directory, { onTakeover: (message) => told.push(message) });
    await lock.release();
    assert.match(told[0] ?? '', new RegExp(`pid ${bystander.pid} now belongs to another process`));
  });

  test('an owner in another container is waited for until its lock has not been refreshed for 30 s', async () => {
    const directory = dataDir();
    const me = currentOwner();
    mkdirSync(lockPathOf(directory), { recursive: true });
    writeFileSync(join(lockPathOf(directory), 'owner.json'), JSON.stringify({ ...me, pid: 1, pidNamespace: 'pid:[0]', hostname: 'another-container' }));
    await assert.rejects(lockDataDir(directory), /in use by another Roster process \(process 1 on another-container.*\) \(it runs in another container; its lock is taken over once it has not been refreshed for 30 s\)/);
    const longAgo = new Date(Date.now() - 40_000);
    utimesSync(lockPathOf(directory), longAgo, longAgo);
    const told: string[] = [];
    const lock = await lockDataDir(directory, { onTakeover: (message) => told.push(message) });
    await lock.release();
    assert.match(told[0] ?? '', /has not refreshed its lock for 40 s \(it runs in another container\)/);
  });

  test('the same store opened twice in one process is refused, and free again once released', async () => {
    const directory = dataDir();
    mkdirSync(directory, { recursive: true });
    const lock = await lockDataDir(directory);
    await assert.rejects(lockDataDir(directory), /already open in this process/);
    await lock.release();
    const again = await lockDataDir(directory);
    await again.release();
  });
});
