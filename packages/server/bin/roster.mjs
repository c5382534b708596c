#!/usr/bin/env node
// The `roster` command. It runs the compiled server (dist/, built from src/ by tsc when missing or
// stale: server-build.mjs) in this very process, so a signal sent to the process a supervisor
// started (Docker, systemd, `npm start`) reaches the server itself, which shuts down gracefully.
// Development and tests may run the TypeScript directly: node --import tsx src/cli.ts.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ensureServerBuild } from './server-build.mjs';
import { boundHeapGrowth } from './heap-growth.mjs';

// First, before the server's modules load: the limit V8 sets at each full collection uses it.
boundHeapGrowth();

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered without compiling anything.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const cli = await ensureServerBuild();
  // Stack traces name the TypeScript sources (tsc writes source maps).
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(cli).href);
}
