import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestServer, storesUnderTest } from '../../server/test/support/test-server.js';
import { APP_MJS, APP_TS, MISUSE_TS, TSCONFIG } from './support/installed-app.js';

// The SDK as an app gets it before it is on a registry: `npm pack` in packages/sdk, then
// `npm install ./roster-sdk-<version>.tgz` in the app, outside this workspace, with its one
// dependency from the npm registry. The app then runs the README's calls under plain `node`
// (no tsx, no TypeScript loader) against a live Roster, and compiles typed code with `tsc --strict`.

// The app's webhook receiver listens on loopback (events settings are read from the environment).
process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with none of the npm_* settings `npm test` leaves in the environment (they name this workspace). */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD'));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function succeed(command: string, args: string[], cwd: string, env?: Record<string, string>): Promise<string> {
  const result = await run(command, args, cwd, env);
  assert.equal(result.code, 0, `${command} ${args.join(' ')} in ${cwd} failed:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

describe('@roster/sdk installed from its packed tarball into an app outside the workspace', () => {
  let scratch: string;
  let app: string;

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'roster-sdk-install-'));
    // `npm pack` runs the package's prepare script, which compiles dist/.
    const packed = JSON.parse(await succeed('npm', ['pack', '--json', '--pack-destination', scratch], SDK_DIR)) as { filename: string; files: { path: string }[] }[];
    const tarball = packed[0];
    assert.ok(tarball, 'npm pack reported no tarball');
    const files = tarball.files.map((file) => file.path);
    assert.ok(files.includes('dist/index.js') && files.includes('dist/index.d.ts'), `the tarball holds the compiled SDK: ${files.join(', ')}`);
    assert.ok(!files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')), `no TypeScript source is shipped: ${files.join(', ')}`);

    app = join(scratch, 'app');
    await succeed('mkdir', ['-p', app], scratch);
    await copyFile(join(scratch, tarball.filename), join(app, tarball.filename));
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'installed-app', private: true, type: 'module', dependencies: { '@roster/sdk': `file:./${tarball.filename}` }, devDependencies: { '@types/node': '^20.19.0' } }, null, 2),
    );
    await succeed('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
    await writeFile(join(app, 'app.mjs'), APP_MJS);
    await writeFile(join(app, 'app.ts'), APP_TS);
    await writeFile(join(app, 'misuse.ts'), MISUSE_TS);
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: ['app.ts'] }));
    await writeFile(join(app, 'tsconfig.misuse.json'), JSON.stringify({ ...TSCONFIG, files: ['misuse.ts'] }));
  });

  after(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test('the installed package is the compiled ESM, with nothing from the workspace', async () => {
    const installed = join(app, 'node_modules', '@roster', 'sdk');
    assert.deepEqual((await readdir(installed)).sort(), ['README.md', 'dist', 'package.json']);
    const resolved = await succeed(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('@roster/sdk'))"], app);
    assert.ok(resolved.trim().endsWith('/node_modules/@roster/sdk/dist/index.js'), resolved);
  });

  for (const store of storesUnderTest()) {
    test(`the README's calls run under plain node against a live Roster [${store}]`, async () => {
      const server = await startTestServer({ store });
      try {
        const stdout = await succeed(process.execPath, ['app.mjs'], app, { ROSTER_URL: server.baseUrl, ROSTER_CLIENT_ID: server.clientId, ROSTER_CLIENT_SECRET: server.clientSecret });
        const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { organizationId: string; directories: { id: string; provider: string; endpoint: string }[]; event: string; valid: boolean; tamperedRefused: boolean; notFound: boolean };
        assert.equal(seen.directories.length, 1);
        assert.equal(seen.directories[0]?.provider, 'OKTA');
        assert.ok(seen.directories[0]?.endpoint.startsWith(`${server.baseUrl}/api/v1/directories/${seen.directories[0].id}/scim/v2`), JSON.stringify(seen));
        assert.equal(seen.event, 'organization.directory.created');
        assert.deepEqual([seen.valid, seen.tamperedRefused, seen.notFound], [true, true, true]);
      } finally {
        await server.close();
      }
    });
  }

  test('installed by a file: path to packages/sdk instead, it imports under plain node too', async () => {
    const linked = join(scratch, 'linked-app');
    await succeed('mkdir', ['-p', linked], scratch);
    await writeFile(join(linked, 'package.json'), JSON.stringify({ name: 'linked-app', private: true, type: 'module', dependencies: { '@roster/sdk': `file:${SDK_DIR}` } }));
    await succeed('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], linked);
    const printed = await succeed(process.execPath, ['--input-type=module', '-e', "const sdk = await import('@roster/sdk'); console.log(typeof sdk.Roster, typeof sdk.verifyWebhookPayload)"], linked);
    assert.equal(printed.trim(), 'function function');
  });

  test('typed code compiles with tsc --strict against the installed declarations, and misuse does not', async () => {
    await succeed(process.execPath, [TSC, '-p', 'tsconfig.json'], app);
    const misuse = await run(process.execPath, [TSC, '-p', 'tsconfig.misuse.json'], app);
    assert.notEqual(misuse.code, 0, 'misuse.ts compiled: the declarations accept anything');
    for (const line of ['misuse.ts(5,', 'misuse.ts(6,', 'misuse.ts(8,', 'misuse.ts(10,']) assert.ok(misuse.stdout.includes(line), `expected an error at ${line}\n${misuse.stdout}`);
  });
});
