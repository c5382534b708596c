import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import lockfile from 'proper-lockfile';

export type StoreKind = 'embedded' | 'postgres';

/** Queries run through one `pg.Pool` whichever store is behind it. */
export interface Database {
  readonly kind: StoreKind;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export type Queryable = pg.Pool | pg.PoolClient;

export interface DatabaseOptions {
  /** A postgres:// URL; without one the embedded store is used. */
  url?: string | undefined;
  /** The embedded store's data directory, or `memory://` for a throwaway one. */
  dataDir: string;
  poolSize: number;
}

// node-postgres returns bigint (int8) as a string; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize);
  return openEmbedded(options.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client's connection dropped; the pool replaces it on next use.
  });
  await pool.query('SELECT 1');
  return { kind: 'postgres', pool, close: () => pool.end() };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let pglite: PGlite;
  if (dataDir === 'memory://') {
    pglite = new PGlite('memory://');
  } else {
    const directory = resolve(dataDir);
    mkdirSync(directory, { recursive: true });
    // PGlite is one process's database: a second Roster on the same directory would
    // corrupt it, so the directory is locked for as long as this process holds it.
    try {
      release = await lockfile.lock(directory, { lockfilePath: `${directory}.lock`, stale: 30_000, update: 5_000 });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The embedded store at ${directory} is in use by another Roster process (${reason}).`);
    }
    pglite = new PGlite(directory);
  }
  await pglite.waitReady;
  // One connection at a time: the embedded store runs one statement at a time. Each client gets
  // a fresh adapter connection: the pool discards a client whose query failed outside a
  // transaction, and a shared connection would go down with it.
  class EmbeddedClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, ...createPgConfig(pglite) });
    }
  }
  const pool = new pg.Pool({ Client: EmbeddedClient, max: 1 });
  return {
    kind: 'embedded',
    pool,
    async close() {
      await pool.end();
      await pglite.close();
      if (release) await release();
    },
  };
}
