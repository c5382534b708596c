import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';

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
  /** Told in one line when the embedded store's lock is taken over from a process that died. */
  onLockTakeover?: (message: string) => void;
}

// node-postgres returns bigint (int8) as a string; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize);
  return openEmbedded(options.dataDir, options.onLockTakeover);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client's connection dropped; the pool replaces it on next use.
  });
  await pool.query('SELECT 1');
  return { kind: 'postgres', pool, close: () => pool.end() };
}

async function openEmbedded(dataDir: string, onLockTakeover: ((message: string) => void) | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (dataDir === 'memory://') {
    pglite = new PGlite('memory://');
  } else {
    const directory = resolve(dataDir);
    mkdirSync(directory, { recursive: true });
    // PGlite is one process's database: a second Roster on the same directory would
    // corrupt it, so the directory is locked for as long as this process holds it.
    lock = await lockDataDir(directory, onLockTakeover ? { onTakeover: onLockTakeover } : {});
    pglite = new PGlite(directory);
  }
  try {
    await pglite.waitReady;
  } catch (error) {
    await lock?.release();
    throw error;
  }
  // One connection at a time: the embedded store runs one statement at a time. Each client gets
  // a fresh adapter connection: the pool discards a client whose query failed outside a
  // transaction, and a shared connection would go down with it.
  class EmbeddedClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, ...createPgConfig(pglite) });
    }
  }
  // PGlite is one session under every client the pool makes: statements a discarded client
  // prepared by name (prepared.ts) are still there, and a new client, which knows of none, would
  // fail to prepare them again. Each client starts with none, as on a new connection (the pool
  // waits for this before it hands the client out).
  const pool = new pg.Pool({ Client: EmbeddedClient, max: 1, onConnect: async (client) => void (await client.query('DEALLOCATE ALL')) });
  return {
    kind: 'embedded',
    pool,
    async close() {
      await pool.end();
      await pglite.close();
      await lock?.release();
    },
  };
}
