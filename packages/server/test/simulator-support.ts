import assert from 'node:assert/strict';
import type { SimulationSummary } from '../src/simulator/run-simulation.js';
import type { StoreFixture } from './support/each-store.js';
import { expansionIdle } from './support/expansion.js';

// Shared by the simulator suites (test/simulator-*.test.ts).

/** Fails with what went wrong: failed requests, failed objects, verify differences. */
export function assertClean(summary: SimulationSummary, label: string): void {
  const problems = {
    failedRequests: summary.failedRequests,
    failedObjects: summary.failedObjects.slice(0, 10),
    verify: summary.verify && !summary.verify.ok ? { error: summary.verify.error, differences: summary.verify.differences.slice(0, 10) } : undefined,
  };
  assert.ok(summary.ok, `${label}: ${JSON.stringify(problems, null, 2)}`);
  assert.equal(summary.verify?.ok, true, `${label}: verify did not run`);
}

/** The directory's events, once every change committed so far has its events (they are composed in the background). */
export async function countEvents(fixture: StoreFixture, directoryId: string): Promise<number> {
  await expansionIdle(fixture.server());
  const result = await fixture.server().server.services.db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM events WHERE directory_id = $1', [directoryId]);
  return result.rows[0]?.count ?? 0;
}
