// Scenario 5: 1,000 single-member PATCHes (half adds, half removes, shuffled) on one large
// group from 4 connections at once, then the same on a small group: latency must be flat in
// the group's size, no concurrent change may be lost, and repeating a remove is a no-op 204.

import { check, count, latency } from '../lib/figures.js';
import type { HttpClient } from '../lib/http-client.js';
import { runBounded, throughput } from '../lib/load.js';
import { PATCH_OP, type Scenario } from '../lib/scenario.js';
import { seedGroups, seedMembers, seedUsers } from '../lib/seed.js';
import { round, summarize } from '../lib/stats.js';

interface Operation {
  kind: 'add' | 'remove';
  userId: string;
}

interface Target {
  groupId: string;
  size: number;
  operations: Operation[];
}

function body(operation: Operation) {
  // Removes as Okta and Entra send them: a value filter on the path.
  const change =
    operation.kind === 'add'
      ? { op: 'add', path: 'members', value: [{ value: operation.userId }] }
      : { op: 'remove', path: `members[value eq "${operation.userId}"]` };
  return { schemas: [PATCH_OP], Operations: [change] };
}

/** Deterministic shuffle, so every run sends the same sequence. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let index = out.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

/** Half the operations remove distinct current members, half add distinct non-members. */
function operationsFor(users: string[], size: number, addFrom: number, total: number): Operation[] {
  const half = total / 2;
  const stride = Math.floor(size / half);
  const removes = Array.from({ length: half }, (_, index): Operation => ({ kind: 'remove', userId: users[index * stride] ?? '' }));
  const adds = Array.from({ length: half }, (_, index): Operation => ({ kind: 'add', userId: users[addFrom + index] ?? '' }));
  return shuffled([...removes, ...adds], size);
}

async function versionOf(client: HttpClient, groupId: string): Promise<string> {
  const result = await client.expect(200, 'GET', `/Groups/${groupId}?excludedAttributes=members`);
  const meta = (JSON.parse(result.text) as { meta?: { version?: string } }).meta;
  return meta?.version ?? '?';
}

export const singleMemberPatches: Scenario = {
  id: 5,
  title: 'single-member add/remove PATCHes, 4 concurrent, large vs small group',
  async run(bench) {
    const { singleMemberGroup, singleMemberSmallGroup, singleMemberOps, connections } = bench.sizes;
    const { directoryId } = bench.directory;

    const targets = await bench.fixture('single-member groups', async (db) => {
      const users = await seedUsers(db.pool, directoryId, 0, singleMemberGroup + singleMemberOps / 2);
      const [large = '', small = ''] = await seedGroups(db.pool, directoryId, ['Large', 'Small']);
      await seedMembers(db.pool, directoryId, large, users.slice(0, singleMemberGroup));
      await seedMembers(db.pool, directoryId, small, users.slice(0, singleMemberSmallGroup));
      // Both groups gain the same non-members: users[singleMemberGroup, ...).
      return [
        { groupId: large, size: singleMemberGroup, operations: operationsFor(users, singleMemberGroup, singleMemberGroup, singleMemberOps) },
        { groupId: small, size: singleMemberSmallGroup, operations: operationsFor(users, singleMemberSmallGroup, singleMemberGroup, singleMemberOps) },
      ] satisfies Target[];
    });

    const online = await bench.online(async ({ client }) => {
      const runs = [];
      for (const target of targets) {
        const load = await runBounded({
          concurrency: connections,
          total: target.operations.length,
          task: async (index) => {
            const operation = target.operations[index];
            if (operation) await client.expect(204, 'PATCH', `/Groups/${target.groupId}`, body(operation));
          },
        });
        const version = await versionOf(client, target.groupId);
        // Repeat a few removes (and adds) that already happened: each must be a 204 no-op.
        const repeats = target.operations.slice(0, 10);
        let repeatFailures = 0;
        for (const operation of repeats) {
          const result = await client.request('PATCH', `/Groups/${target.groupId}`, body(operation));
          if (result.status !== 204) repeatFailures++;
        }
        const versionAfterRepeats = await versionOf(client, target.groupId);
        runs.push({ target, load, version, versionAfterRepeats, repeats: repeats.length, repeatFailures });
      }
      return runs;
    });

    const [large, small] = online.map((run) => ({ ...run, summary: summarize(run.load.latencies) }));
    for (const run of [large, small]) {
      if (!run) continue;
      // Throughput shows whether the 4 connections overlapped or queued behind one another.
      bench.record(latency(`single-member PATCH, group of ${run.target.size.toLocaleString('en-US')}`, run.summary, 10, { perSecond: throughput(run.load) }));
    }
    if (large && small) {
      const ratio = large.summary.p99 / small.summary.p99;
      bench.record({ figure: 'flat in group size (p99 large/small)', value: `${round(ratio)}x`, target: 'flat', data: { ratio } });
    }

    const verified = await bench.offline(async (db) =>
      Promise.all(
        online.map(async (run) => {
          const members = await db.pool.query<{ member_id: string }>('SELECT member_id FROM group_members WHERE directory_id = $1 AND group_id = $2', [directoryId, run.target.groupId]);
          const present = new Set(members.rows.map((row) => row.member_id));
          // A change whose effect is missing, or any member the operations cannot explain.
          const missing = run.target.operations.filter((operation) => present.has(operation.userId) !== (operation.kind === 'add')).length;
          return { run, members: present.size, lost: missing + Math.abs(present.size - run.target.size) };
        }),
      ),
    );
    for (const { run, members, lost } of verified) {
      const label = `group of ${run.target.size.toLocaleString('en-US')}`;
      bench.record(count(`PATCH errors, ${label}`, run.load.errors, 0, 'exactly', { firstError: run.load.firstError }));
      bench.record(count(`lost updates, ${label}`, lost, 0, 'exactly', { membersAfter: members, expectedMembers: run.target.size, version: run.version }));
      const expectedVersion = `W/"${1 + run.target.operations.length}"`;
      bench.record(
        check(
          `repeated add/remove, ${label}`,
          `${run.repeats - run.repeatFailures}/${run.repeats} 204, version ${run.version} -> ${run.versionAfterRepeats}`,
          `all 204, version ${expectedVersion} kept`,
          run.repeatFailures === 0 && run.version === expectedVersion && run.versionAfterRepeats === run.version,
        ),
      );
    }
  },
};
