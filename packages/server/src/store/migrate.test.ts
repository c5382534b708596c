import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from './database.js';
import { listMigrations, migrate, migrationsComplete } from './migrate.js';

const ADMIN_URL = process.env.ROSTER_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

test('migrate: the embedded store migrates once, then has nothing to do', async () => {
  const db = await openDatabase({ dataDir: 'memory://', poolSize: 1 });
  try {
    assert.deepEqual(await migrate(db), listMigrations().map((migration) => migration.name));
    assert.deepEqual(await migrate(db), []);
    assert.equal(await migrationsComplete(db), true);
  } finally {
    await db.close();
  }
});

// Regression: two Roster processes starting on a fresh PostgreSQL database raced to create the
// bookkeeping table and one failed on pg_type's unique index.
test('migrate: processes starting at once on one fresh PostgreSQL database take turns', { skip: process.env.ROSTER_TEST_STORE === 'embedded' }, async () => {
  const name = `roster_migrate_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbs = await Promise.all([1, 2, 3].map(() => openDatabase({ url: url.toString(), dataDir: '', poolSize: 2 })));
  try {
    const results = await Promise.all(dbs.map((db) => migrate(db)));
    assert.equal(results.flat().length, listMigrations().length);
  } finally {
    for (const db of dbs) await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
