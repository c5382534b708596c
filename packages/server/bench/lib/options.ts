import type { StoreKind } from '../../src/store/database.js';

/** How big each scenario is: `--full` are docs/performance.md's sizes, `--quick` fits a laptop. */
export interface Sizes {
  mode: 'quick' | 'full';
  /** Client connections for every concurrent load (docs/performance.md: 4). */
  connections: number;
  /** 1: the simulated Entra population (memberships follow from it). */
  syncUsers: number;
  syncGroups: number;
  /** 2: seconds of POST /Users, and of raw INSERTs. */
  postSeconds: number;
  /** 4: members already in the groups a 1,000-member PATCH lands on. */
  growthSizes: number[];
  growthReps: number;
  bigPatchMembers: number;
  bigPatchReps: number;
  /** 5: the large group, and a small one to show the cost is flat. */
  singleMemberGroup: number;
  singleMemberSmallGroup: number;
  singleMemberOps: number;
  /** 6 and 7: users in the directory (they share one seeded store). */
  users: number;
  /** 7: seconds of load per filter, on the server and raw. */
  filterSeconds: number;
  /** 3: directories under load at once, for how long, and users seeded in each. */
  tenants: number;
  tenantSeconds: number;
  tenantUsers: number;
}

const QUICK: Sizes = {
  mode: 'quick',
  connections: 4,
  syncUsers: 2_000,
  syncGroups: 100,
  postSeconds: 6,
  growthSizes: [10, 1_000, 10_000],
  growthReps: 15,
  bigPatchMembers: 10_000,
  bigPatchReps: 3,
  singleMemberGroup: 10_000,
  singleMemberSmallGroup: 1_000,
  singleMemberOps: 1_000,
  users: 50_000,
  filterSeconds: 5,
  tenants: 10,
  tenantSeconds: 30,
  tenantUsers: 1_000,
};

const FULL: Sizes = {
  mode: 'full',
  connections: 4,
  syncUsers: 100_000,
  syncGroups: 5_000,
  postSeconds: 20,
  growthSizes: [10, 10_000, 100_000],
  growthReps: 20,
  bigPatchMembers: 10_000,
  bigPatchReps: 5,
  singleMemberGroup: 100_000,
  singleMemberSmallGroup: 1_000,
  singleMemberOps: 1_000,
  users: 1_000_000,
  filterSeconds: 15,
  tenants: 40,
  tenantSeconds: 600,
  tenantUsers: 10_000,
};

export const ALL_SCENARIOS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export interface Options {
  sizes: Sizes;
  stores: StoreKind[];
  scenarios: number[];
  /** Write V8 CPU profiles of the server (see profile-summary.ts). */
  cpuProfile: boolean;
}

const USAGE = 'usage: npm run bench -- [--quick | --full] [--store embedded|postgres|both] [--scenario 1,2,3,4,5,6,7,8,9] [--cpu-prof]';

/** Reads `--flag value` and `--flag=value` forms. */
export function parseOptions(argv: string[]): Options {
  let sizes = QUICK;
  let stores: StoreKind[] = ['embedded', 'postgres'];
  let scenarios = ALL_SCENARIOS;
  let cpuProfile = false;
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg]));
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = () => {
      const next = args[++index];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--quick') sizes = QUICK;
    else if (arg === '--full') sizes = FULL;
    else if (arg === '--cpu-prof') cpuProfile = true;
    else if (arg === '--store') {
      const store = value();
      if (store === 'both') stores = ['embedded', 'postgres'];
      else if (store === 'embedded' || store === 'postgres') stores = [store];
      else throw new Error(`--store must be embedded, postgres or both\n${USAGE}`);
    } else if (arg === '--scenario') {
      scenarios = value().split(',').map((item) => Number(item.trim()));
      const unknown = scenarios.filter((id) => !ALL_SCENARIOS.includes(id));
      if (unknown.length) throw new Error(`no scenario ${unknown.join(', ')}; this bench has ${ALL_SCENARIOS.join(', ')}\n${USAGE}`);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { sizes, stores, scenarios, cpuProfile };
}
