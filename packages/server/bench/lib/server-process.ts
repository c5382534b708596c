import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** packages/server: the server under test is the compiled one `npm start` runs (bin/roster.mjs). */
const SERVER_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let compiled = false;

/**
 * Compiles src/ into dist/ when stale, once per bench, outside any timing. Running the compiled
 * server matters for memory: `node --import tsx` keeps a loader thread with a heap of its own.
 */
function ensureCompiled(): void {
  if (compiled) return;
  const build = spawnSync(process.execPath, ['bin/server-build.mjs'], { cwd: SERVER_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error(`the server did not compile (node bin/server-build.mjs exited with ${build.status})`);
  compiled = true;
}

// Settings the bench decides; anything the caller's shell exported under these names is dropped.
const OWN_VARIABLES = /^(ROSTER_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$|PUBLIC_URL$)/;

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** VmHWM: the most resident memory the process has had, in MB. */
  peakRssMb(): number;
  /** CPU time (user + system) the process has used so far, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

function cpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name) are utime and stime, in clock ticks (100 Hz on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The log's first error line (the reason), then its last lines. */
function logTail(logFile: string): string {
  try {
    const lines = readFileSync(logFile, 'utf8').split('\n').slice(-30);
    const reason = lines.find((line) => /Error|error/.test(line)) ?? '';
    return `${reason}\n${lines.join('\n')}`;
  } catch {
    return '(no log)';
  }
}

/** Spawns `node bin/roster.mjs start`, as `npm start` does, and waits until /healthz answers. */
export async function startServerProcess(options: {
  env: Record<string, string>;
  logFile: string;
  /** Write a V8 CPU profile of the server here when it exits (node --cpu-prof). */
  profileDirectory?: string | undefined;
  startTimeoutMs?: number;
}): Promise<ServerProcess> {
  ensureCompiled();
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
  const log = openSync(options.logFile, 'a');
  const profile = options.profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDirectory}`] : [];
  // Node flags for the server only, to look into it (`--trace-gc`, `--heap-prof`): NODE_OPTIONS refuses some, and would reach the bench too.
  const flags = (process.env.ROSTER_BENCH_SERVER_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
  const child = spawn(process.execPath, [...profile, ...flags, 'bin/roster.mjs', 'start'], {
    cwd: SERVER_ROOT,
    env: { ...inherited, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening: ${logTail(options.logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz in time: ${logTail(options.logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    baseUrl,
    pid,
    peakRssMb: () => peakRssMb(pid),
    cpuSeconds: () => cpuSeconds(pid),
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(killer);
    },
  };
}
