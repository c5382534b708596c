import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { PACE_SHARE } from '../src/simulator/rate-policy.js';
import { simulateCommand } from '../src/simulator/simulate-command.js';
import { describeEachStore } from './support/each-store.js';

// The README's `roster simulate` command, as written there, against a Roster with the default
// SCIM rate limit: the simulator paces itself below the advertised rate, so not a single 429.

/** The README's `npx roster simulate ...` command (continuation lines joined), as arguments. */
function readmeSimulateArguments(values: Record<string, string>): string[] {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const command = /^npx roster simulate ((?:[^\n]*\\\n)*[^\n]*)$/m.exec(readme)?.[1];
  assert.ok(command, 'the README shows a `npx roster simulate` command');
  const words = command.replace(/\\\n/g, ' ').match(/"[^"]*"|\S+/g) ?? [];
  return words.map((word) => word.replace(/^"(.*)"$/, '$1').replace(/^\$([A-Z]+)$/, (_, name: string) => values[name] ?? `$${name}`));
}

const defaults = loadConfig({});

describeEachStore(
  'SCIM rate limit: the README simulate command against the default limit',
  (fixture) => {
    test('runs without a single 429', async () => {
      const directory = await fixture.newDirectory('AZURE_AD');
      const args = readmeSimulateArguments({ SCIM: directory.scim, SECRET: directory.token });
      assert.ok(args.includes('--url') && args.includes(directory.scim), `README arguments: ${args.join(' ')}`);
      const written: string[] = [];
      const write = process.stdout.write;
      process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
      try {
        await simulateCommand().parseAsync([...args, '--json'], { from: 'user' });
      } finally {
        process.stdout.write = write;
      }
      const summary = JSON.parse(written.join('')) as { ok: boolean; errorsByStatus: Record<string, number>; retries: number; requests: number; pacedRequestsPerSecond: number };
      assert.equal(summary.ok, true, written.join('').slice(0, 2000));
      assert.equal(summary.errorsByStatus['429'] ?? 0, 0, JSON.stringify(summary.errorsByStatus));
      assert.equal(summary.retries, 0);
      assert.equal(summary.pacedRequestsPerSecond, defaults.ROSTER_SCIM_RATE_LIMIT * PACE_SHARE);
      process.exitCode = 0;
    });
  },
  { env: { ROSTER_SCIM_RATE_LIMIT: String(defaults.ROSTER_SCIM_RATE_LIMIT), ROSTER_SCIM_RATE_BURST: String(defaults.ROSTER_SCIM_RATE_BURST) } },
);
