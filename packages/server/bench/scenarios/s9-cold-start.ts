// Scenario 9, cold start: the server spawned on an existing data directory holding the
// seeded users, timed until /readyz answers 200. On the embedded store this is PGlite
// opening (and recovering) its data directory; PostgreSQL is shown for comparison. The rest
// of scenario 9 is scenarios 4 and 6 (and 1) on the embedded store.

import { check } from '../lib/figures.js';
import type { Scenario } from '../lib/scenario.js';
import { round } from '../lib/stats.js';
import { usersFixture, usersStoreKey } from '../lib/users-fixture.js';

/** docs/performance.md: cold start with 1M users in 10 s. */
const LIMIT_SECONDS = 10;
const STARTS = 3;

async function waitReady(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      await response.text();
      if (response.status === 200) return;
    } catch {
      // Not ready yet.
    }
    if (Date.now() > deadline) throw new Error('/readyz did not answer 200 in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const coldStart: Scenario = {
  id: 9,
  title: 'cold start on a seeded store, until /readyz',
  storeKey: usersStoreKey,
  async run(bench) {
    const { users } = await usersFixture(bench);
    const seconds: number[] = [];
    for (let start = 0; start < STARTS; start++) {
      // From spawn to /readyz; includes the bench's secret provisioning (a few ms) after /healthz.
      const spawned = performance.now();
      // Read inside `work`: bench.online returns only after stopping the server.
      const ready = await bench.online(async ({ baseUrl }) => {
        await waitReady(baseUrl);
        return performance.now();
      });
      seconds.push((ready - spawned) / 1000);
    }
    // The first start may find a data directory seeding left unclean; the worst start counts.
    const worst = Math.max(...seconds);
    const label = `cold start to /readyz, ${users.toLocaleString('en-US')} users`;
    const values = `${round(worst)} s worst of ${STARTS} (${seconds.map(round).join(', ')})`;
    bench.record(
      bench.store === 'embedded'
        ? check(label, values, `<= ${LIMIT_SECONDS} s at 1M users`, worst <= LIMIT_SECONDS, { seconds })
        : { figure: label, value: values, target: '- (embedded target only)', data: { seconds } },
    );
  },
};
