import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { heapGrowthChosen } from './heap-growth.mjs';

test('the server leaves heap growth alone only when the operator chose it', () => {
  const cases: Array<[string[], string, boolean]> = [
    [[], '', false],
    [['--import', 'tsx'], '', false],
    [['--max-old-space-size=1024'], '', false],
    [['--heap-growing-percent=20'], '', true],
    [['--heap_growing_percent=20'], '', true],
    [['--heap-growing-percent'], '', true],
    [[], '--enable-source-maps  --heap-growing-percent=80', true],
    [[], '--heap-growing-percentage=80', false],
    [['--cpu-prof'], '--max-old-space-size=512', false],
  ];
  for (const [execArgv, nodeOptions, chosen] of cases) assert.equal(heapGrowthChosen(execArgv, nodeOptions), chosen, `${execArgv.join(' ')} | ${nodeOptions}`);
});

// What the flag is for, in a real process: a live heap and a stream of garbage that lives long
// enough to reach the old generation (as the expansion worker's rounds do). With the bound set as
// the process starts (as bin/roster.mjs does first), the heap's peak stays well under what V8's
// own choice lets it reach. Both runs get the same 4 GB ceiling: V8 picks its growth factor from
// the ceiling, which otherwise depends on the machine's memory.
const CHURN = `
  import { getHeapStatistics } from 'node:v8';
  const { boundHeapGrowth } = await import(process.argv[1]);
  boundHeapGrowth();
  globalThis.live = Array.from({ length: 300000 }, (_, i) => ({ i, s: 'live ' + i }));
  const ring = new Array(64).fill(null);
  let peak = 0;
  for (let round = 0; round < 3000; round++) {
    ring[round % 64] = Array.from({ length: 2000 }, (_, i) => ({ round, i, s: 'garbage ' + round + ' ' + i }));
    if (round % 10 === 0) peak = Math.max(peak, getHeapStatistics().total_heap_size);
    if (round % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  process.stdout.write(String(Math.round(peak / 2 ** 20)));
`;

async function peakHeapMb(ownFlags: string[]): Promise<number> {
  const module = new URL('./heap-growth.mjs', import.meta.url).href;
  const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=4096', ...ownFlags, '--input-type=module', '-e', CHURN, module]);
  return Number(stdout);
}

test('bounded heap growth keeps a churning process well under V8’s own peak', async () => {
  const [bounded, unbounded] = await Promise.all([peakHeapMb([]), peakHeapMb(['--heap-growing-percent=0'])]);
  assert.ok(bounded > 0 && unbounded > 0, `peaks ${bounded} / ${unbounded} MB`);
  assert.ok(bounded < unbounded * 0.75, `bounded peak ${bounded} MB should stay well under V8's own ${unbounded} MB`);
});
