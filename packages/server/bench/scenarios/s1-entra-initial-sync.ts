// Scenario 1: an Entra-style initial sync through the simulator (filtered GET then POST per
// object, 4 connections), first with memberships as 100-member PATCHes, then, on the same
// store wiped clean, with Entra's default of one member per PATCH. The simulator's verify
// reads the directory back: a member it pushed but the server lacks is a lost membership.
// After each sync, how long the expansion worker took to compose the sync's events (the Events
// API's lag behind the sync). ROSTER_BENCH_S1_RUNS=batched (or single) runs one half only: at
// full size the single-member half is millions of requests.

import { runSimulation, type SimulationSummary } from '../../src/simulator/index.js';
import { check, count } from '../lib/figures.js';
import type { Scenario } from '../lib/scenario.js';
import { finishSeeding } from '../lib/seed.js';
import { round } from '../lib/stats.js';

/** docs/performance.md's limits for 100k users and 300k memberships; smaller syncs get their share. */
const LIMITS = { batched: 240, single: 600 };
const FULL_USERS = 100_000;
const FULL_MEMBERSHIPS = 300_000;
const P99_LIMIT = 25;

function lostMemberships(summary: SimulationSummary): number {
  // verify.ts reports a group short of members as `lacks N member(s): ...`.
  return (summary.verify?.differences ?? []).reduce((sum, difference) => sum + Number(/^lacks (\d+) member/.exec(difference.problem)?.[1] ?? 0), 0);
}

function serverErrors(summary: SimulationSummary): number {
  return Object.entries(summary.errorsByStatus).reduce((sum, [status, times]) => sum + (status.startsWith('5') ? times : 0), 0);
}

/** Seconds until the server has no change record left to expand (its /metrics), after the sync (the verify's reads included). */
async function secondsToDrain(baseUrl: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    if (/^roster_event_changes_pending 0$/m.test(text)) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const entraInitialSync: Scenario = {
  id: 1,
  title: 'Entra-style initial sync: 100-member PATCHes, then single-member PATCHes',
  async run(bench) {
    const { syncUsers, syncGroups, connections } = bench.sizes;
    const { directoryId } = bench.directory;
    const only = process.env.ROSTER_BENCH_S1_RUNS?.split(',');
    const runs = [
      { name: 'batched', label: 'batched (100 members/PATCH)', batch: 100, limit: LIMITS.batched },
      { name: 'single', label: 'single-member PATCHes', batch: 1, limit: LIMITS.single },
    ].filter((run) => only === undefined || only.includes(run.name));
    for (const [index, run] of runs.entries()) {
      if (index > 0) {
        // The same population again on an empty directory: groups cascade their members. The
        // first half's change records not yet expanded go too, so the second half's worker starts
        // without the first half's backlog.
        await bench.offline(async (db) => {
          await db.pool.query('DELETE FROM directory_groups WHERE directory_id = $1', [directoryId]);
          await db.pool.query('DELETE FROM directory_users WHERE directory_id = $1', [directoryId]);
          await db.pool.query('DELETE FROM event_changes WHERE directory_id = $1', [directoryId]);
          await db.pool.query('DELETE FROM event_change_users WHERE directory_id = $1', [directoryId]);
          await finishSeeding(db, directoryId);
        });
      }
      const { summary, drainSeconds } = await bench.online(async ({ baseUrl, scimUrl, headers }) => {
        const simulated = await runSimulation({
          url: scimUrl,
          token: (headers.authorization ?? '').replace(/^Bearer /, ''),
          provider: 'entra',
          scenarios: 'initial-sync',
          users: syncUsers,
          groups: syncGroups,
          seed: 'roster-bench',
          concurrency: connections,
          memberBatchSize: run.batch,
          verify: true,
        });
        return { summary: simulated, drainSeconds: await secondsToDrain(baseUrl) };
      });
      const memberships = summary.state.groups.reduce((sum, group) => sum + group.members.length, 0);
      const share = Math.max(syncUsers / FULL_USERS, memberships / FULL_MEMBERSHIPS);
      const limit = round(run.limit * share);
      const seconds = summary.durationMillis / 1000;
      const { state: _state, ...kept } = summary;
      bench.detail(`${run.label} summary`, { ...kept, memberships, verify: summary.verify && { ...summary.verify, differences: summary.verify.differences.slice(0, 20) } });
      bench.record(
        check(
          `${run.label}: wall time, ${syncUsers.toLocaleString('en-US')} users / ${syncGroups} groups / ${memberships.toLocaleString('en-US')} memberships`,
          `${round(seconds)} s (${Math.round(summary.requestsPerSecond)} req/s)`,
          `<= ${limit} s`,
          seconds <= limit,
          { seconds, requests: summary.requests, memberships },
        ),
      );
      const latency = summary.latencyMillis;
      bench.record({
        figure: `${run.label}: request latency`,
        value: `p99 ${round(latency.p99)} ms (p50 ${round(latency.p50)}, n=${summary.requests})`,
        target: `p99 <= ${P99_LIMIT} ms`,
        met: latency.p99 <= P99_LIMIT,
        data: { ...latency },
      });
      bench.record({
        figure: `${run.label}: events composed, after the sync's last request`,
        value: `${round(drainSeconds)} s`,
        target: '-',
        met: undefined,
        data: { drainSeconds },
      });
      bench.record(count(`${run.label}: 5xx responses`, serverErrors(summary), 0, 'exactly', { errorsByStatus: summary.errorsByStatus, failedRequests: summary.failedRequests.slice(0, 5) }));
      bench.record(count(`${run.label}: failed objects`, summary.failedObjects.length, 0, 'exactly', { failedObjects: summary.failedObjects.slice(0, 5) }));
      bench.record(count(`${run.label}: lost memberships (verify)`, lostMemberships(summary), 0, 'exactly', { verifyOk: summary.verify?.ok, verifyError: summary.verify?.error, differences: summary.verify?.differences.length }));
    }
  },
};
