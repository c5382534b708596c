import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Database, StoreKind } from '../../src/store/database.js';
import { createBenchStore, type BenchStore } from './bench-store.js';
import type { Figure, FigureInput } from './figures.js';
import { HttpClient } from './http-client.js';
import type { Sizes } from './options.js';
import { provisionSecret } from './provision.js';
import type { Bench, Scenario, ServerUnderTest } from './scenario.js';
import { finishSeeding, seedDirectory, type SeededDirectory } from './seed.js';
import { startServerProcess } from './server-process.js';
import { round } from './stats.js';

export interface RunOutput {
  figures: Figure[];
  details: Record<string, unknown>;
  /** The machine's 1-minute load average at the end of each server run: others' work skews every figure. */
  loadAverages: number[];
}

interface OpenStore {
  key: string | undefined;
  store: BenchStore;
  directory: SeededDirectory;
  fixtures: Map<string, unknown>;
}

// The server under test gets its own API client, and no rate limit to speak of.
const CLIENT = { clientId: `bench_${randomBytes(4).toString('hex')}`, clientSecret: randomBytes(24).toString('base64url') };

async function openStore(kind: StoreKind, key: string | undefined): Promise<OpenStore> {
  const store = await createBenchStore(kind);
  const db = await store.open();
  try {
    const directory = await seedDirectory(db.pool);
    await finishSeeding(db, directory.directoryId);
    return { key, store, directory, fixtures: new Map() };
  } finally {
    await db.close();
  }
}

export interface StoreRun {
  kind: StoreKind;
  sizes: Sizes;
  /** The server's stdout and stderr, appended over every start. */
  logFile: string;
  /** When set, each server start writes a CPU profile under here. */
  profileDirectory?: string | undefined;
}

/** Runs the scenarios on one store kind, each on a fresh store unless they share a storeKey. */
export async function runOnStore(run: StoreRun, scenarios: Scenario[], output: RunOutput): Promise<void> {
  const { kind, sizes } = run;
  let open: OpenStore | undefined;
  try {
    for (const scenario of scenarios) {
      const key = scenario.storeKey?.(sizes);
      if (!open || key === undefined || open.key !== key) {
        const previous = open;
        open = undefined;
        await previous?.store.destroy();
        open = await openStore(kind, key);
      }
      const started = Date.now();
      const log = (message: string) => process.stderr.write(`[${kind} ${scenario.id}] ${message}\n`);
      log(`${scenario.title}`);
      const memory: Figure[] = [];
      try {
        await scenario.run(benchFor(run, scenario.id, open, output, memory, log));
      } catch (error) {
        log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        output.figures.push({ scenario: scenario.id, store: kind, figure: 'scenario run', value: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, target: 'completes', ratio: '', met: false });
      }
      // Memory last: it covers the whole scenario.
      output.figures.push(...memory);
      log(`done in ${round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await open?.store.destroy();
  }
}

function benchFor(run: StoreRun, scenarioId: number, open: OpenStore, output: RunOutput, memory: Figure[], log: (message: string) => void): Bench {
  const { kind, sizes } = run;
  const figure = (input: FigureInput): Figure => ({ scenario: scenarioId, store: kind, target: '-', ratio: '', met: undefined, ...input });
  const record = (input: FigureInput) => {
    output.figures.push(figure(input));
  };
  const offline = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await open.store.open();
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };
  return {
    store: kind,
    sizes,
    directory: open.directory,
    record,
    detail: (name, value) => {
      output.details[`${scenarioId}/${kind}/${name}`] = value;
    },
    log,
    offline,
    async fixture<F>(key: string, seed: (db: Database) => Promise<F>): Promise<F> {
      // Keys are unique per seeding function, so the cached value is that function's F.
      if (open.fixtures.has(key)) return open.fixtures.get(key) as F;
      const started = Date.now();
      const value = await offline(async (db) => {
        const seeded = await seed(db);
        await finishSeeding(db, open.directory.directoryId);
        return seeded;
      });
      output.details[`${scenarioId}/${kind}/seed ${key} seconds`] = round((Date.now() - started) / 1000);
      log(`seeded ${key} in ${round((Date.now() - started) / 1000)} s`);
      open.fixtures.set(key, value);
      return value;
    },
    async online<T>(work: (server: ServerUnderTest) => Promise<T>, options: { env?: Record<string, string> } = {}): Promise<T> {
      const started = Date.now();
      const server = await startServerProcess({
        logFile: run.logFile,
        profileDirectory: run.profileDirectory && `${run.profileDirectory}/${kind}-scenario-${scenarioId}`,
        env: {
          ...open.store.env,
          LOG_LEVEL: 'warn',
          ROSTER_CLIENT_ID: CLIENT.clientId,
          ROSTER_CLIENT_SECRET: CLIENT.clientSecret,
          ROSTER_SCIM_RATE_LIMIT: '1000000',
          ROSTER_SCIM_RATE_BURST: '1000000',
          ...options.env,
        },
      });
      output.details[`${scenarioId}/${kind}/server start seconds`] = round((Date.now() - started) / 1000);
      let client: HttpClient | undefined;
      try {
        const { scimUrl, token } = await provisionSecret(server.baseUrl, CLIENT, open.directory);
        const headers = { authorization: `Bearer ${token}`, accept: 'application/scim+json' };
        client = new HttpClient(scimUrl, headers, 2 * sizes.connections);
        const began = { at: Date.now(), cpu: server.cpuSeconds() };
        const result = await work({ baseUrl: server.baseUrl, scimUrl, headers, client });
        const peak = server.peakRssMb();
        const load = loadavg().map(round);
        output.loadAverages.push(load[0] ?? 0);
        // Whether the server was busy or waiting for the store.
        output.details[`${scenarioId}/${kind}/server cpu`] = { cpuSeconds: round(server.cpuSeconds() - began.cpu), wallSeconds: round((Date.now() - began.at) / 1000), loadAverage: load };
        const rss: FigureInput = { figure: 'peak server RSS', value: `${Math.round(peak)} MB`, data: { peakRssMb: peak } };
        // docs/performance.md bounds it on PostgreSQL only: the embedded store carries PGlite's own 300-800 MB.
        memory.push(figure(kind === 'postgres' ? { ...rss, target: '<= 300 MB', met: peak <= 300 } : { ...rss, target: '- (PGlite adds 300-800 MB)' }));
        return result;
      } finally {
        client?.close();
        await server.stop();
      }
    },
  };
}
