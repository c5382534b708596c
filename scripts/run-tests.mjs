#!/usr/bin/env node
// Runs every test of the repository with Node's test runner through tsx: unit tests beside the
// code (`src/**/*.test.ts`) and integration tests (`test/**/*.test.ts`), which run against both
// stores (embedded PGlite and the PostgreSQL server; see packages/server/test/support).
// Usage: npm test [-- <path filter>]   e.g. npm test -- scim/filter
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'examples'].filter((dir) => existsSync(join(root, dir)));
const filters = process.argv.slice(2);

function collect(directory, found = []) {
  for (const entry of readdirSync(directory)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) collect(path, found);
    else if (entry.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

const files = roots.flatMap((dir) => collect(join(root, dir))).filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter))).sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
