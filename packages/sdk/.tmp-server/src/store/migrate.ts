import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';
import { withTransaction } from './transaction.js';

const migrationsDirectory = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDirectory)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(migrationsDirectory, name), 'utf8') }));
}

// Any fixed 64-bit key: processes sharing one PostgreSQL migrate one at a time.
const MIGRATION_LOCK_KEY = 72_417_310_045;

/** Applies every migration not yet applied, each in its own transaction. Safe to run at every start. */
export async function migrate(db: Database): Promise<string[]> {
  const applied: string[] = [];
  await db.pool.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const migration of listMigrations()) {
    const ran = await withTransaction(db, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
      if (done.rowCount) return false;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}

/** True when every migration this build knows has been applied. */
export async function migrationsComplete(db: Database): Promise<boolean> {
  const result = await db.pool.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(result.rows.map((row) => row.name));
  return listMigrations().every((migration) => done.has(migration.name));
}
