// `npm run bench`: the scenarios 1-9 of docs/performance.md on both stores, against the
// server running as its own process. Prints one table and writes the results as JSON.
//
//   npm run bench -- [--quick | --full] [--store embedded|postgres|both] [--scenario 1,2,3,4,5,6,7,8,9] [--cpu-prof]
//
// --quick (the default) fits a 2-core laptop in a few minutes; --full uses docs/performance.md's sizes
// (1M users, 100k-member groups). PostgreSQL databases are created on ROSTER_BENCH_POSTGRES_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres) and dropped afterwards. Targets are
// for a quiet machine: the table header shows the load average seen during the runs.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { postgresVersion } from './lib/bench-store.js';
import { parseOptions } from './lib/options.js';
import { runOnStore, type RunOutput } from './lib/runner.js';
import type { Scenario } from './lib/scenario.js';
import { formatTable } from './lib/table.js';
import { entraInitialSync } from './scenarios/s1-entra-initial-sync.js';
import { postUsers } from './scenarios/s2-post-users.js';
import { tenants } from './scenarios/s3-tenants.js';
import { groupGrowth } from './scenarios/s4-group-growth.js';
import { singleMemberPatches } from './scenarios/s5-single-member-patches.js';
import { enumeration } from './scenarios/s6-enumeration.js';
import { equalityFilters } from './scenarios/s7-equality-filters.js';
import { webhooks } from './scenarios/s8-webhooks.js';
import { coldStart } from './scenarios/s9-cold-start.js';

const SCENARIOS: Scenario[] = [entraInitialSync, postUsers, tenants, groupGrowth, singleMemberPatches, enumeration, equalityFilters, webhooks, coldStart];

const options = parseOptions(process.argv.slice(2));
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const resultsDirectory = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });

const selected = SCENARIOS.filter((scenario) => options.scenarios.includes(scenario.id));
const output: RunOutput = { figures: [], details: {}, loadAverages: [] };
for (const store of options.stores) {
  const logFile = `${resultsDirectory}${stamp}-${store}-server.log`;
  const profileDirectory = options.cpuProfile ? `${resultsDirectory}${stamp}-profiles` : undefined;
  await runOnStore({ kind: store, sizes: options.sizes, logFile, profileDirectory }, selected, output);
}

const finishedAt = new Date();
const table = formatTable(output.figures);
const loads = output.loadAverages;
const machineLoad = loads.length ? `, load average ${Math.min(...loads)}-${Math.max(...loads)} during the runs` : '';
process.stdout.write(`\nRoster bench (${options.sizes.mode}), ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}${machineLoad}\n\n${table}\n\n`);
const file = `${resultsDirectory}${stamp}.json`;
writeFileSync(
  file,
  `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      seconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: options.stores.includes('postgres') ? await postgresVersion() : undefined },
      options,
      loadAverages: output.loadAverages,
      figures: output.figures,
      details: output.details,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`results: ${file}\n`);
