import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/config.js';
import { webConfigSchema } from '../src/directory/access/web-config.js';
import { eventsConfigSchema } from '../src/events/events-config.js';

// Every environment variable the configuration schemas read is listed by `roster start --help`
// with its default and meaning, and in the README's configuration table: neither can fall behind.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const VARIABLES = [configSchema, eventsConfigSchema, webConfigSchema].flatMap((schema) => Object.keys(schema.shape));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: SERVER_DIR, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

test('roster start --help lists every environment variable with its default and meaning', async () => {
  const help = await cli(['start', '--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.ok(VARIABLES.length >= 25, `the schemas were read: ${VARIABLES.join(' ')}`);
  for (const name of VARIABLES) {
    const at = help.stdout.indexOf(`    ${name}  (default: `);
    assert.ok(at >= 0, `${name} is listed:\n${help.stdout}`);
    const [heading = '', meaning = ''] = help.stdout.slice(at).split('\n');
    assert.match(heading, /\(default: [^)]+\)$/);
    assert.ok(meaning.trim().length > 3 && meaning.trim() !== 'undefined', `${name} has a meaning: ${JSON.stringify(meaning)}`);
  }
  assert.match(help.stdout, /PORT {2}\(default: 8080\)/);
  assert.match(help.stdout, /ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS {2}\(default: false\)/);
  assert.match(help.stdout, /DATABASE_URL {2}\(default: unset\)/);
});

test("every environment variable is in the README's configuration table", () => {
  for (const name of VARIABLES) assert.match(README, new RegExp(`^\\| \`${name}\`|^\\| [^|]*\`${name}\``, 'm'), `${name} is in README's configuration table`);
});

test('roster --version prints the version', async () => {
  const version = await cli(['--version']);
  assert.equal(version.code, 0, version.stderr);
  const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
  assert.equal(version.stdout.trim(), manifest.version);
});
