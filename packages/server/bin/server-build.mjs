// The compiled server: `tsc -p tsconfig.build.json` turns src/ into plain JavaScript in dist/,
// which `roster` runs in its own process (bin/roster.mjs). Built when missing or stale, like the
// web UI (build-cache.mjs); a deployment that ships dist/ without src/ runs what it has.
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from './build-cache.mjs';

export const SERVER_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_DIST_DIRECTORY = join(SERVER_DIRECTORY, 'dist');

function compile(outDir, abort) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: SERVER_DIRECTORY, stdio: ['ignore', 'pipe', 'pipe'], signal: abort });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('error', (error) => (error.name === 'AbortError' ? undefined : reject(error)));
    child.on('close', (code) => {
      // The migrations are SQL files read at run time, beside the compiled store/migrate.js.
      if (code === 0) cpSync(join(SERVER_DIRECTORY, 'src', 'store', 'migrations'), join(outDir, 'store', 'migrations'), { recursive: true });
      resolve({ code, output });
    });
  });
}

export const SERVER_BUILD = {
  name: 'the server',
  root: SERVER_DIRECTORY,
  sources: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json', '../../tsconfig.base.json'],
  sourcesPresent: 'src',
  exclude: (path) => path.endsWith('.test.ts'),
  distDirectory: SERVER_DIST_DIRECTORY,
  probe: 'cli.js',
  lockName: '.build.lock',
  temporaryPrefix: 'dist',
  build: compile,
};

/** The compiled CLI's path, built first when missing or stale; exits with tsc's output when it does not compile. */
export async function ensureServerBuild() {
  const { state, failure } = await ensureBuild(SERVER_BUILD, { info: (message) => process.stderr.write(`${message}\n`) });
  if (failure !== undefined) {
    process.stderr.write(`Roster's server did not compile (tsc -p packages/server/tsconfig.build.json):\n${failure}\n`);
    process.exit(1);
  }
  if (state === 'no-sources') {
    process.stderr.write(`Roster's server is neither compiled (${SERVER_DIST_DIRECTORY}) nor present as sources (packages/server/src).\n`);
    process.exit(1);
  }
  return join(SERVER_DIST_DIRECTORY, 'cli.js');
}

// `npm run build -w @roster/server`: compile ahead of time (a container image, for instance).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await ensureServerBuild();
