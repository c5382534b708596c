import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';

// The web UI (packages/web) is built by Vite into packages/web/dist, which the server serves
// (http/routes/web-app.ts). `roster start` calls ensureWebBuild first: it builds when the build
// is missing or older than the sources (a hash of them is kept beside the build), and leaves a
// deployment that ships only dist/ alone. Builds go to a temporary folder that replaces dist/ at
// the end, under a lock, so two processes (or two test files) never serve a half-written build.

export const WEB_DIRECTORY = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST_DIRECTORY = join(WEB_DIRECTORY, 'dist');
const STAMP = '.roster-build.json';
const SOURCES = ['src', 'public', 'dashboard.html', 'portal.html', 'vite.config.ts', 'package.json'];

function sourceFiles(path: string, found: string[] = []): string[] {
  if (!existsSync(path)) return found;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (!entry.startsWith('.')) sourceFiles(join(path, entry), found);
    }
  } else found.push(path);
  return found;
}

/** A hash of every source file of the web UI, or undefined when the sources are not there (a dist-only deployment). */
export function webSourceHash(): string | undefined {
  if (!existsSync(join(WEB_DIRECTORY, 'src'))) return undefined;
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => sourceFiles(join(WEB_DIRECTORY, source)))) {
    hash.update(relative(WEB_DIRECTORY, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function builtHash(distDirectory: string): string | undefined {
  try {
    const stamp: unknown = JSON.parse(readFileSync(join(distDirectory, STAMP), 'utf8'));
    return typeof stamp === 'object' && stamp !== null && 'sourceHash' in stamp && typeof stamp.sourceHash === 'string' ? stamp.sourceHash : undefined;
  } catch {
    return undefined;
  }
}

export type WebBuildState = 'fresh' | 'missing' | 'stale' | 'no-sources';

export function webBuildState(): WebBuildState {
  const source = webSourceHash();
  const built = existsSync(join(WEB_DIST_DIRECTORY, 'dashboard.html')) ? builtHash(WEB_DIST_DIRECTORY) : undefined;
  if (source === undefined) return existsSync(join(WEB_DIST_DIRECTORY, 'dashboard.html')) ? 'fresh' : 'no-sources';
  if (built === undefined) return 'missing';
  return built === source ? 'fresh' : 'stale';
}

function runVite(outDir: string): Promise<{ code: number | null; output: string }> {
  const require = createRequire(join(WEB_DIRECTORY, 'package.json'));
  const vite = join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB_DIRECTORY, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export interface WebBuildLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Builds the web UI when its build is missing or stale. Never throws: without a build the
 * server still serves the APIs, and /dashboard says how to build the UI.
 */
export async function ensureWebBuild(log: WebBuildLog = { info: () => undefined, warn: (message) => process.stderr.write(`${message}\n`) }): Promise<WebBuildState> {
  const state = webBuildState();
  if (state === 'fresh' || state === 'no-sources') {
    if (state === 'no-sources') log.warn('the web UI is neither built (packages/web/dist) nor present as sources: /dashboard and /portal are unavailable');
    return state;
  }
  mkdirSync(WEB_DIRECTORY, { recursive: true });
  let release: (() => Promise<void>) | undefined;
  try {
    release = await lockfile.lock(WEB_DIRECTORY, { lockfilePath: join(WEB_DIRECTORY, '.build.lock'), stale: 120_000, update: 10_000, retries: { retries: 180, minTimeout: 1000, maxTimeout: 1000 } });
    // Another process may have built it while this one waited for the lock.
    const now = webBuildState();
    if (now === 'fresh') return now;
    const sourceHash = webSourceHash();
    log.info(`building the web UI (${now})`);
    const temporary = join(WEB_DIRECTORY, `.dist-${process.pid}`);
    const result = await runVite(temporary);
    if (result.code !== 0) {
      rmSync(temporary, { recursive: true, force: true });
      log.warn(`building the web UI failed; /dashboard and /portal are unavailable until \`npm run build -w @roster/web\` succeeds:\n${result.output.trim()}`);
      return now;
    }
    writeFileSync(join(temporary, STAMP), JSON.stringify({ sourceHash, builtAt: new Date().toISOString() }));
    rmSync(WEB_DIST_DIRECTORY, { recursive: true, force: true });
    renameSync(temporary, WEB_DIST_DIRECTORY);
    log.info('built the web UI');
    return 'fresh';
  } catch (error) {
    log.warn(`building the web UI failed: ${error instanceof Error ? error.message : String(error)}`);
    return state;
  } finally {
    await release?.().catch(() => undefined);
  }
}
