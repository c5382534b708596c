import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http } from './support/api-client.js';
import { startRoster } from './support/roster-process.js';
import { storesUnderTest } from './support/test-server.js';

// `roster admin create` writes to the store the server uses, from whatever directory it runs in,
// and while a server holds the embedded store it says so in plain sentences, not a stack trace.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(SERVER_DIR, 'src', 'cli.ts');
// By URL: a command run outside the repository cannot resolve the package name.
const TSX = import.meta.resolve('tsx');
const temporary: string[] = [];
after(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function run(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['DATABASE_URL', 'ROSTER_ADMIN_EMAIL']) delete env[name];
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', TSX, CLI, ...args], { cwd: options.cwd, env, encoding: 'utf8', timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('roster admin create [embedded]', { skip: !storesUnderTest().includes('embedded') && 'runs on the embedded store' }, () => {
  test('every command resolves the data directory one way: the default is packages/server/data from any directory', async () => {
    const script = `const { loadConfig } = await import(${JSON.stringify(join(SERVER_DIR, 'src', 'config.ts'))}); console.log(loadConfig({}).ROSTER_DATA_DIR); console.log(loadConfig({ ROSTER_DATA_DIR: 'here' }).ROSTER_DATA_DIR);`;
    for (const cwd of [REPO_ROOT, SERVER_DIR, tmpdir()]) {
      const printed = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { cwd, encoding: 'utf8', timeout: 120_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      assert.deepEqual(printed.trim().split('\n'), [join(SERVER_DIR, 'data'), join(cwd, 'here')], `from ${cwd}`);
    }
  });

  test('while Roster runs it refuses in plain sentences; once stopped, it creates the administrator the server then has', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'roster-admin-cli-'));
    temporary.push(parent);
    const dataDir = join(parent, 'data');
    const clientId = 'admin_cli_client';
    const clientSecret = 'admin-cli-secret-0123456789-abcdef';
    const server = await startRoster({ ROSTER_DATA_DIR: dataDir, ROSTER_CLIENT_ID: clientId, ROSTER_CLIENT_SECRET: clientSecret });
    const env = { ROSTER_ADMIN_PASSWORD: 'cli-password-long-enough' };

    // From the repository root, naming the directory relative to it, as a newcomer would.
    const refused = await run(['admin', 'create', '--email', 'cli@example.com'], { cwd: REPO_ROOT, env: { ...env, ROSTER_DATA_DIR: relative(REPO_ROOT, dataDir) } });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(
      refused.stderr,
      new RegExp(`^The embedded store at ${dataDir} is in use by another Roster process \\(process ${server.child.pid} on [^)]+\\): stop that process first, or set ROSTER_DATA_DIR to another directory\\. While Roster runs, create the first administrator in its dashboard with the one-time setup code it printed when it started`),
    );
    assert.equal(refused.stderr.trim().split('\n').length, 1, `no stack trace: ${refused.stderr}`);

    await server.stop();
    const created = await run(['admin', 'create', '--email', 'cli@example.com'], { cwd: REPO_ROOT, env: { ...env, ROSTER_DATA_DIR: relative(REPO_ROOT, dataDir) } });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^created administrator cli@example\.com \(adm_\w+\)/);

    const again = await startRoster({ ROSTER_DATA_DIR: dataDir, ROSTER_CLIENT_ID: clientId, ROSTER_CLIENT_SECRET: clientSecret });
    try {
      const signIn = await http('POST', `${again.url}/api/v1/dashboard/session`, { body: { email: 'cli@example.com', password: env.ROSTER_ADMIN_PASSWORD }, headers: { 'content-type': 'application/json' } });
      assert.equal(signIn.status, 200, `the server uses the store the command wrote to: ${signIn.text}`);
      assert.doesNotMatch(again.output(), /First-run setup/, 'with an administrator, no setup code is printed');
    } finally {
      await again.stop();
    }
  });
});
