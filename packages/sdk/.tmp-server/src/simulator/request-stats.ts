/** What the simulator counts about the requests it sent, for the summary. */
export interface FailureSample {
  method: string;
  path: string;
  status: number | 'network';
  detail: string;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** The value at `quantile` (0..1) of `sorted` ascending values, nearest-rank; 0 when empty. */
export function percentile(sorted: ArrayLike<number>, quantile: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

const FAILURE_SAMPLES = 20;

export class RequestStats {
  requests = 0;
  retries = 0;
  /** Responses that were not 2xx (including expected ones such as a 409 authentik recovers from), by status. */
  readonly byStatus = new Map<string, number>();
  /** Requests whose outcome the simulated provider did not expect. */
  unexpected = 0;
  readonly failures: FailureSample[] = [];
  private latencies = new Float64Array(1024);
  private count = 0;

  recordResponse(status: number | 'network', millis: number): void {
    this.requests++;
    if (status === 'network' || status < 200 || status >= 300) {
      const key = String(status);
      this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
    }
    if (this.count === this.latencies.length) {
      const grown = new Float64Array(this.latencies.length * 2);
      grown.set(this.latencies);
      this.latencies = grown;
    }
    this.latencies[this.count++] = millis;
  }

  recordUnexpected(sample: FailureSample): void {
    this.unexpected++;
    if (this.failures.length < FAILURE_SAMPLES) this.failures.push(sample);
  }

  latency(): LatencySummary {
    const sorted = this.latencies.slice(0, this.count).sort();
    let total = 0;
    for (const value of sorted) total += value;
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      p50: round(percentile(sorted, 0.5)),
      p99: round(percentile(sorted, 0.99)),
      max: round(sorted[sorted.length - 1] ?? 0),
      mean: round(sorted.length ? total / sorted.length : 0),
    };
  }

  errorsByStatus(): Record<string, number> {
    return Object.fromEntries([...this.byStatus.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
