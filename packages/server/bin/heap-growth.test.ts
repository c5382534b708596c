import assert from 'node:assert/strict';
import { test } from 'node:test';
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
