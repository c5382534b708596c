import type { Bench } from './scenario.js';
import type { Sizes } from './options.js';
import { seedUsers } from './seed.js';

/** Scenarios 6 and 7 read the same directory of `sizes.users` users, seeded once per store. */
export const usersStoreKey = (sizes: Sizes) => `users:${sizes.users}`;

export function usersFixture(bench: Bench): Promise<{ users: number }> {
  const total = bench.sizes.users;
  return bench.fixture(`${total} users`, async (db) => {
    const step = Math.max(100_000, total / 10);
    let reported = 0;
    await seedUsers(db.pool, bench.directory.directoryId, 0, total, (done) => {
      if (done - reported >= step) {
        reported = done;
        bench.log(`seeded ${done.toLocaleString('en-US')} users`);
      }
    });
    return { users: total };
  });
}
