// How far V8 lets the heap grow past what its last full collection kept. On a machine with
// gigabytes to spare V8 picks a factor of up to 4, so a burst of short-lived work (the expansion
// worker's rounds: their composed events outlive a few awaits and reach the old generation) piles
// up garbage to four times the live heap before a full collection. In scenario 4 that was a live
// heap of 65 MB after collection and 223 MB before it: a peak RSS of 354 MB against a budget of
// 300 (docs/performance.md). A factor of 1.5 costs more frequent, shorter full collections.
// V8 reads the flag whenever it sets the next limit, so the process can set it as it starts.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

const OWN_CHOICE = /^--heap[-_]growing[-_]percent(=|$)/;

/** Whether the operator chose the growth on the node command line or in NODE_OPTIONS. */
export function heapGrowthChosen(execArgv, nodeOptions) {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => OWN_CHOICE.test(flag));
}

/** Bounds heap growth for this process, unless the operator chose it. */
export function boundHeapGrowth(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  if (!heapGrowthChosen(execArgv, nodeOptions)) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
