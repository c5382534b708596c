import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

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

/**
 * Applies every migration not yet applied, each in its own transaction. Safe to run at every
 * start and from several processes at once: they take turns under one advisory lock, held from
 * before the bookkeeping table is created (concurrent CREATE TABLE IF NOT EXISTS can collide).
 */
export async function migrate(db: Database): Promise<string[]> {
  const applied: string[] = [];
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((row) => row.name));
    for (const migration of listMigrations()) {
      if (done.has(migration.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/** True when every migration this build knows has been applied. */
export async function migrationsComplete(db: Database): Promise<boolean> {
  const result = await db.pool.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(result.rows.map((row) => row.name));
  return listMigrations().every((migration) => done.has(migration.name));
}
