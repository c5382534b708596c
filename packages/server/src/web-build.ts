import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState, ensureBuild, type BuildState, type BuildTarget } from '../bin/build-cache.mjs';

// The web UI (packages/web) is built by Vite into packages/web/dist, which the server serves
// (http/routes/web-app.ts). `roster start` calls ensureWebBuild first: it builds when the build
// is missing or older than the sources (bin/build-cache.mjs: a hash of them is kept beside the
// build, and builds happen under a lock), and leaves a deployment that ships only dist/ alone.

export const WEB_DIRECTORY = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST_DIRECTORY = join(WEB_DIRECTORY, 'dist');

function runVite(outDir: string, abort: AbortSignal): Promise<{ code: number | null; output: string }> {
  const require = createRequire(join(WEB_DIRECTORY, 'package.json'));
  const vite = join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB_DIRECTORY, stdio: ['ignore', 'pipe', 'pipe'], signal: abort });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => (error.name === 'AbortError' ? undefined : reject(error)));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const WEB_BUILD: BuildTarget = {
  name: 'the web UI',
  root: WEB_DIRECTORY,
  sources: ['src', 'public', 'dashboard.html', 'portal.html', 'vite.config.ts', 'package.json'],
  sourcesPresent: 'src',
  exclude: (path) => path.endsWith('.test.ts'),
  distDirectory: WEB_DIST_DIRECTORY,
  probe: 'dashboard.html',
  lockName: '.build.lock',
  temporaryPrefix: 'dist',
  build: runVite,
};

export type WebBuildState = BuildState;

export function webBuildState(): WebBuildState {
  return buildState(WEB_BUILD);
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
  const { state, failure } = await ensureBuild(WEB_BUILD, log);
  if (state === 'no-sources') log.warn('the web UI is neither built (packages/web/dist) nor present as sources: /dashboard and /portal are unavailable');
  if (failure !== undefined) log.warn(`building the web UI failed; /dashboard and /portal are unavailable until \`npm run build -w @roster/web\` succeeds:\n${failure}`);
  return state;
}
