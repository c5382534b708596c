import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface LoadResult {
  /** Latency of every completed operation, in ms. */
  latencies: number[];
  elapsedMs: number;
  completed: number;
  errors: number;
  firstError?: string;
}

export function throughput(result: LoadResult): number {
  return result.completed / (result.elapsedMs / 1000);
}

/**
 * Runs `task(0)`, `task(1)`, ... on `concurrency` workers until `total` tasks ran or
 * `durationMs` passed. A task that throws counts as an error, not as a latency sample.
 */
export async function runBounded(options: {
  concurrency: number;
  total?: number;
  durationMs?: number;
  task: (index: number) => Promise<void>;
}): Promise<LoadResult> {
  const { concurrency, total, durationMs, task } = options;
  if (total === undefined && durationMs === undefined) throw new Error('runBounded needs a total or a duration');
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = durationMs === undefined ? Number.POSITIVE_INFINITY : started + durationMs;
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if ((total !== undefined && index >= total) || performance.now() >= deadline) return;
      const begun = performance.now();
      try {
        await task(index);
        latencies.push(performance.now() - begun);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const result: LoadResult = { latencies, elapsedMs: performance.now() - started, completed: latencies.length, errors };
  if (firstError !== undefined) result.firstError = firstError;
  return result;
}

export interface CannonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The full path, query included. */
  path: string;
  body?: string;
}

/**
 * Closed-loop HTTP load from autocannon: `connections` keep-alive sockets, each sending
 * the next request when the previous answered. Latencies come from the per-response event
 * (autocannon's own histogram keeps whole milliseconds only). Non-2xx answers are errors.
 */
export async function runCannon(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  next: () => CannonRequest;
}): Promise<LoadResult & { statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const { method, path, body } = options.next();
    return body === undefined ? { ...request, method, path } : { ...request, method, path, body };
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.durationSeconds, headers: options.headers, requests: [{ setupRequest }] },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors++;
    });
  });
  errors += result.errors + result.timeouts;
  const elapsedMs = performance.now() - started;
  const load: LoadResult & { statuses: Record<string, number> } = { latencies, elapsedMs, completed: latencies.length, errors, statuses };
  if (errors > 0) load.firstError = `statuses ${JSON.stringify(statuses)}, socket errors ${result.errors}, timeouts ${result.timeouts}`;
  return load;
}
