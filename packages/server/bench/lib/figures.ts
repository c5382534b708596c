import type { StoreKind } from '../../src/store/database.js';
import { ms, perSecond, round, type LatencySummary } from './stats.js';

/** One line of the results table. `met` is undefined for figures reported without a target. */
export interface Figure {
  scenario: number;
  store: StoreKind;
  figure: string;
  value: string;
  target: string;
  ratio: string;
  met: boolean | undefined;
  data?: Record<string, unknown>;
}

export type FigureInput = Omit<Figure, 'scenario' | 'store' | 'ratio' | 'met' | 'target'> & { target?: string; ratio?: string; met?: boolean | undefined };

export function latency(figure: string, summary: LatencySummary, p99Limit?: number, extra: Record<string, unknown> = {}): FigureInput {
  const input: FigureInput = {
    figure,
    value: `p99 ${ms(summary.p99)} (p50 ${round(summary.p50)}, n=${summary.count})`,
    target: p99Limit === undefined ? '-' : `p99 <= ${p99Limit} ms`,
    data: { ...summary, ...extra },
  };
  if (p99Limit !== undefined) input.met = summary.p99 <= p99Limit;
  return input;
}

/**
 * A throughput, with its ratio to the raw limit measured in the same run. `minRatio` and
 * `minRate` are the targets (either may apply).
 */
export function rate(figure: string, perSec: number, options: { raw?: number; minRatio?: number; minRate?: number; extra?: Record<string, unknown> }): FigureInput {
  const { raw, minRatio, minRate } = options;
  const ratio = raw === undefined ? undefined : perSec / raw;
  const targets: string[] = [];
  let met: boolean | undefined;
  if (minRatio !== undefined && ratio !== undefined) {
    targets.push(`>= ${minRatio * 100}% of raw`);
    met = ratio >= minRatio;
  }
  if (minRate !== undefined) {
    targets.push(`>= ${perSecond(minRate)}`);
    met = (met ?? true) && perSec >= minRate;
  }
  return {
    figure,
    value: perSecond(perSec),
    target: targets.join(', ') || '-',
    ratio: ratio === undefined || raw === undefined ? '' : `${round(ratio)}x of raw ${perSecond(raw)}`,
    met,
    data: { perSecond: perSec, raw, ratio, ...options.extra },
  };
}

/** A count that must be exactly (or at most) some number: errors, lost updates. */
export function count(figure: string, actual: number, expected: number, mode: 'exactly' | 'at most' = 'exactly', extra: Record<string, unknown> = {}): FigureInput {
  return {
    figure,
    value: actual.toLocaleString('en-US'),
    target: mode === 'exactly' ? `= ${expected.toLocaleString('en-US')}` : `<= ${expected.toLocaleString('en-US')}`,
    met: mode === 'exactly' ? actual === expected : actual <= expected,
    data: { actual, expected, ...extra },
  };
}

export function check(figure: string, value: string, target: string, met: boolean, data: Record<string, unknown> = {}): FigureInput {
  return { figure, value, target, met, data };
}
