import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

// The app's own database: PostgreSQL when APP_DATABASE_URL is set, otherwise an embedded
// PGlite in a data directory. Both sit behind one pg.Pool, so the SQL is written once.

export type Queryable = pg.Pool | pg.PoolClient;

export interface Database {
  readonly pool: pg.Pool;
  /** Runs `work` in one transaction (BEGIN ... COMMIT, ROLLBACK on error). */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Versions compare as text, byte by byte: event ids sort by creation time in the C collation,
// whatever the database's default collation is.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id              text PRIMARY KEY,
  organization_id text NOT NULL,
  directory_id    text NOT NULL,
  email           text,
  username        text NOT NULL,
  name            text,
  active          boolean NOT NULL,
  roles           jsonb NOT NULL DEFAULT '[]',
  groups          jsonb NOT NULL DEFAULT '[]',
  -- A deleted user stays as a tombstone, so an older event that arrives late cannot bring it back.
  deleted_at      timestamptz,
  -- The id of the last event applied: events apply only over older ones (webhooks may arrive out of order).
  last_event_id   text COLLATE "C" NOT NULL,
  synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS users_by_directory ON users (organization_id, directory_id, email);

CREATE TABLE IF NOT EXISTS groups (
  id              text PRIMARY KEY,
  organization_id text NOT NULL,
  directory_id    text NOT NULL,
  display_name    text NOT NULL,
  deleted_at      timestamptz,
  last_event_id   text COLLATE "C" NOT NULL
);

-- A deleted directory, with its deletion's event id: an older event of it that arrives later
-- (webhooks may arrive out of order) cannot bring back a user the table never held.
CREATE TABLE IF NOT EXISTS deleted_directories (
  directory_id    text PRIMARY KEY,
  event_id        text COLLATE "C" NOT NULL
);

-- Every event applied, by id (= the webhook-id header of its deliveries): the dedupe record.
CREATE TABLE IF NOT EXISTS processed_events (
  id           text PRIMARY KEY,
  type         text NOT NULL,
  source       text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sync_state (
  name  text PRIMARY KEY,
  value text NOT NULL
);
`;

export async function openDatabase(options: { url?: string | undefined; dataDir: string }): Promise<Database> {
  let pool: pg.Pool;
  let pglite: PGlite | undefined;
  if (options.url) {
    pool = new pg.Pool({ connectionString: options.url, max: 5 });
    pool.on('error', () => {
      // An idle connection dropped; the pool replaces it on next use.
    });
  } else {
    const directory = options.dataDir === 'memory://' ? 'memory://' : resolve(options.dataDir);
    if (directory !== 'memory://') mkdirSync(directory, { recursive: true });
    pglite = new PGlite(directory);
    await pglite.waitReady;
    // PGlite is one connection: statements take turns.
    pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  }
  await pool.query(SCHEMA);
  return {
    pool,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
      await pglite?.close();
    },
  };
}
