// Probe: what one membership PATCH statement costs in PostgreSQL, against the raw INSERT of the
// same membership rows, on a fresh database, one after another (no concurrent load from this
// process): `node --import tsx bench/probes/patch-statement.ts [members] [repetitions]`.

import { performance } from 'node:perf_hooks';
import { writeGroupRecorded } from '../../src/store/group-writes.js';
import { createBenchStore } from '../lib/bench-store.js';
import { seedDirectory, seedGroups, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

const BATCH = Number(process.argv[2] ?? 1_000);
const REPS = Number(process.argv[3] ?? 15);
const store = await createBenchStore('postgres');
const db = await store.open();
try {
  const { directoryId, organizationId } = await seedDirectory(db.pool);
  const users = await seedUsers(db.pool, directoryId, 0, BATCH * (2 * REPS + 1));
  const groups = await seedGroups(db.pool, directoryId, ['Roster', 'Raw']);
  await db.pool.query('VACUUM ANALYZE');
  const slice = (rep: number) => users.slice(rep * BATCH, (rep + 1) * BATCH);
  const roster: number[] = [];
  const raw: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    let started = performance.now();
    const written = await writeGroupRecorded(db.pool, {
      directoryId, organizationId, id: groups[0] ?? '', version: null, attributes: null, clear: false,
      present: slice(rep), absent: [], previous: {}, idLimit: 1_000,
    });
    roster.push(performance.now() - started);
    if (written.outcome !== 'written') throw new Error(written.outcome);
    started = performance.now();
    await db.pool.query(
      `INSERT INTO group_members (directory_id, group_id, member_id, member_type) SELECT $1, $2, m, 'User' FROM unnest($3::text[]) m ON CONFLICT DO NOTHING`,
      [directoryId, groups[1], slice(REPS + rep)],
    );
    raw.push(performance.now() - started);
  }
  const r = summarize(roster);
  const w = summarize(raw);
  process.stdout.write(`+${BATCH} members: statement p50 ${r.p50.toFixed(1)} ms p99 ${r.p99.toFixed(1)} ms; raw insert p50 ${w.p50.toFixed(1)} ms p99 ${w.p99.toFixed(1)} ms\n`);
} finally {
  await db.close();
  await store.destroy();
}
