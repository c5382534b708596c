import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockPathOf } from '../src/store/data-dir-lock.js';
import { connectOutcome, freePort } from './support/roster-process.js';
import { waitFor } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// `npm start` as a supervisor runs it (Docker, systemd, a terminal): the process npm start
// created, and the node process under it, are signalled, and the server must stop gracefully,
// release its port and the store's lock, and every process exit 0. This runs the compiled server
// (packages/server/dist, built here when missing or stale), as production does.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const temporary: string[] = [];
const started = new Set<ChildProcess>();

after(() => {
  for (const child of started) if (child.pid !== undefined) killTree(child.pid);
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => parentOf(candidate) === pid);
}

function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

function killTree(pid: number): void {
  for (const process_ of [...descendantsOf(pid), pid]) {
    try {
      process.kill(process_, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

interface NpmStart {
  npm: ChildProcess;
  /** The node process under npm: the server itself. */
  server: number;
  port: number;
  dataDir: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function npmStart(): Promise<NpmStart> {
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'roster-npm-start-'));
  temporary.push(parent);
  const dataDir = join(parent, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROSTER_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  for (const name of ['DATABASE_URL', 'PUBLIC_URL', 'ROSTER_ADMIN_EMAIL', 'ROSTER_ADMIN_PASSWORD']) delete env[name];
  env.ROSTER_CLIENT_ID = `npm_start_${randomBytes(4).toString('hex')}`;
  env.ROSTER_CLIENT_SECRET = randomBytes(24).toString('base64url');
  // Its own process group, as a terminal gives a foreground job: Ctrl-C signals the whole group.
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.add(npm);
  let output = '';
  npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once('exit', (code, signal) => {
      done = true;
      started.delete(npm);
      resolve({ code, signal });
    }),
  );
  // The first start may compile the server and build the web UI: minutes on a loaded machine.
  const healthy = await waitFor(async () => {
    if (done) throw new Error(`npm start exited before Roster was healthy:\n${output}`);
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined;
    } catch {
      return undefined;
    }
  }, 540_000, 200);
  assert.ok(healthy, `Roster never answered under npm start:\n${output}`);
  const npmPid = npm.pid ?? 0;
  const descendants = descendantsOf(npmPid);
  assert.equal(descendants.length, 1, `one process under npm, the server itself, not a wrapper and its child: ${descendants.join(', ')}\n${output}`);
  const server = descendants[0] ?? 0;
  assert.match(readFileSync(`/proc/${server}/cmdline`, 'utf8').replaceAll('\0', ' '), /node .*packages\/server\/bin\/roster\.mjs start/);
  return { npm, server, port, dataDir, output: () => output, exited };
}

async function assertStoppedGracefully(run: NpmStart): Promise<void> {
  const exit = await Promise.race([run.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000))]);
  assert.deepEqual(exit, { code: 0, signal: null }, `npm start exits 0:\n${run.output()}`);
  const serverGone = await waitFor(async () => (alive(run.server) ? undefined : true), 10_000, 50);
  assert.ok(serverGone, `the server process ${run.server} is still running:\n${run.output()}`);
  assert.match(run.output(), /"msg":"shutting down: finishing requests in flight"/);
  assert.match(run.output(), /"msg":"Roster stopped"/);
  assert.equal(await connectOutcome(run.port), 'ECONNREFUSED', 'the port is released');
  assert.equal(existsSync(lockPathOf(run.dataDir)), false, 'the store was closed and its lock released');
}

const skip = process.platform !== 'linux' ? 'reads the process tree from /proc (Linux)' : !storesUnderTest().includes('embedded') && 'runs on the embedded store';

describe('npm start under a supervisor', { skip, timeout: 1_800_000 }, () => {
  test('SIGTERM to the process npm start created (Docker, systemd)', async () => {
    const run = await npmStart();
    process.kill(run.npm.pid ?? 0, 'SIGTERM');
    await assertStoppedGracefully(run);
  });

  test('SIGTERM to the node process under npm', async () => {
    const run = await npmStart();
    process.kill(run.server, 'SIGTERM');
    await assertStoppedGracefully(run);
  });

  test('SIGINT to the whole process group (Ctrl-C in a terminal)', async () => {
    const run = await npmStart();
    process.kill(-(run.npm.pid ?? 0), 'SIGINT');
    await assertStoppedGracefully(run);
  });
});
