import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type StoreKind } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';

/** The PostgreSQL server the bench creates its throwaway databases on. */
const ADMIN_URL = process.env.ROSTER_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated store: a new PostgreSQL database or a new PGlite data directory. */
export interface BenchStore {
  kind: StoreKind;
  /** What the server process needs to find it. */
  env: Record<string, string>;
  /** Opens it in this process; the server must not be running on an embedded store. */
  open(): Promise<Database>;
  destroy(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresVersion(): Promise<string> {
  return admin(async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?');
}

async function createPostgres(): Promise<BenchStore> {
  const name = `roster_bench_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString(), dataDir: 'unused', poolSize: 8 }),
    destroy: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

function createEmbedded(): BenchStore {
  const parent = mkdtempSync(join(tmpdir(), 'roster-bench-'));
  const dataDir = join(parent, 'data');
  return {
    kind: 'embedded',
    env: { ROSTER_DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir, poolSize: 1 }),
    destroy: async () => rmSync(parent, { recursive: true, force: true }),
  };
}

export async function createBenchStore(kind: StoreKind): Promise<BenchStore> {
  const store = kind === 'postgres' ? await createPostgres() : createEmbedded();
  const db = await store.open();
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return store;
}
