// Scenario 4: a PATCH adding 1,000 members costs the same whatever the group already holds
// (10 / 10k / 100k; quick: 10 / 1k / 10k), and 10,000 members fit in one PATCH. PATCHes are
// sequential, sizes interleaved per repetition so drift hits every size alike.

import { check, count, latency } from '../lib/figures.js';
import type { HttpClient } from '../lib/http-client.js';
import { PATCH_OP, type Scenario } from '../lib/scenario.js';
import { seedGroups, seedMembers, seedUsers } from '../lib/seed.js';
import { round, summarize, type LatencySummary } from '../lib/stats.js';

const BATCH = 1_000;
const WARM_UPS = 2;

function addMembers(ids: string[]) {
  return { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }] };
}

/** Sends the PATCH; it must answer 204 with no body (no member list unless asked). */
async function patch(client: HttpClient, groupId: string, ids: string[], bodies: { nonEmpty: number }): Promise<number> {
  const result = await client.expect(204, 'PATCH', `/Groups/${groupId}`, addMembers(ids));
  if (result.text !== '') bodies.nonEmpty++;
  return result.ms;
}

export const groupGrowth: Scenario = {
  id: 4,
  title: 'PATCH +1,000 members at growing group sizes; +10,000 in one PATCH',
  async run(bench) {
    const { growthSizes, growthReps, bigPatchMembers, bigPatchReps } = bench.sizes;
    const largest = Math.max(...growthSizes);
    const { directoryId } = bench.directory;

    // users[0, largest) are the existing members; each repetition adds the next 1,000.
    const fixture = await bench.fixture('group growth', async (db) => {
      const users = await seedUsers(db.pool, directoryId, 0, Math.max(largest + (growthReps + WARM_UPS) * BATCH, bigPatchMembers));
      const groups = await seedGroups(db.pool, directoryId, growthSizes.map((size) => `Grows from ${size}`));
      for (const [index, size] of growthSizes.entries()) await seedMembers(db.pool, directoryId, groups[index] ?? '', users.slice(0, size));
      const [warmUp = '', ...big] = await seedGroups(db.pool, directoryId, ['Warm-up', ...Array.from({ length: bigPatchReps }, (_, index) => `Big PATCH ${index + 1}`)]);
      return { users, groups, warmUp, big };
    });

    const batch = (rep: number) => fixture.users.slice(largest + rep * BATCH, largest + (rep + 1) * BATCH);
    const bodies = { nonEmpty: 0 };
    const { bySize, big } = await bench.online(async ({ client }) => {
      for (let rep = 0; rep < WARM_UPS; rep++) await patch(client, fixture.warmUp, batch(growthReps + rep), bodies);
      const samples = growthSizes.map(() => [] as number[]);
      for (let rep = 0; rep < growthReps; rep++) {
        for (let step = 0; step < growthSizes.length; step++) {
          const index = (rep + step) % growthSizes.length;
          samples[index]?.push(await patch(client, fixture.groups[index] ?? '', batch(rep), bodies));
        }
      }
      const bigSamples: number[] = [];
      for (const groupId of fixture.big) bigSamples.push(await patch(client, groupId, fixture.users.slice(0, bigPatchMembers), bodies));
      return { bySize: samples.map(summarize), big: summarize(bigSamples) };
    });

    for (const [index, size] of growthSizes.entries()) {
      const summary = bySize[index];
      if (summary) bench.record(latency(`PATCH +1,000 members, group of ${size.toLocaleString('en-US')}`, summary, 60));
    }
    bench.record(growth(bySize[growthSizes.indexOf(largest)], bySize[growthSizes.indexOf(Math.min(...growthSizes))], largest, Math.min(...growthSizes)));
    bench.record(latency(`PATCH +${bigPatchMembers.toLocaleString('en-US')} members in one`, big, 500));
    bench.record(check('PATCH response body', bodies.nonEmpty === 0 ? '204, empty' : `${bodies.nonEmpty} with a body`, 'no member list', bodies.nonEmpty === 0));

    const expected = new Map<string, number>([
      ...growthSizes.map((size, index): [string, number] => [fixture.groups[index] ?? '', size + growthReps * BATCH]),
      ...fixture.big.map((id): [string, number] => [id, bigPatchMembers]),
    ]);
    const wrong = await bench.offline(async (db) => {
      const result = await db.pool.query<{ group_id: string; members: number }>(
        'SELECT group_id, count(*)::bigint AS members FROM group_members WHERE directory_id = $1 AND group_id = ANY($2::text[]) GROUP BY group_id',
        [directoryId, [...expected.keys()]],
      );
      const actual = new Map(result.rows.map((row) => [row.group_id, row.members]));
      return [...expected].filter(([id, members]) => actual.get(id) !== members).length;
    });
    bench.record(count('groups with a wrong member count after', wrong, 0));
  },
};

function growth(largest: LatencySummary | undefined, smallest: LatencySummary | undefined, largeSize: number, smallSize: number) {
  const p99 = largest && smallest ? largest.p99 / smallest.p99 : Number.NaN;
  const p50 = largest && smallest ? largest.p50 / smallest.p50 : Number.NaN;
  return check(
    `growth ${smallSize.toLocaleString('en-US')} -> ${largeSize.toLocaleString('en-US')} members`,
    `p99 ${round(p99)}x (p50 ${round(p50)}x)`,
    '<= 1.2x',
    p99 <= 1.2,
    { p99Ratio: p99, p50Ratio: p50 },
  );
}
