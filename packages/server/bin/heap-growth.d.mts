// Types of heap-growth.mjs, for its test.

export const HEAP_GROWING_PERCENT: number;
export function heapGrowthChosen(execArgv: readonly string[], nodeOptions: string): boolean;
export function boundHeapGrowth(execArgv?: readonly string[], nodeOptions?: string): void;
