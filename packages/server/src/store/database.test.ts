import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from './database.js';
import { withTransaction } from './transaction.js';

// Regression: the embedded store's pool discards a client whose query failed outside a
// transaction; the next client must get a working connection, not the dead one.
test('embedded store: a failed statement outside a transaction leaves the store usable', async () => {
  const db = await openDatabase({ dataDir: 'memory://', poolSize: 1 });
  try {
    await db.pool.query('CREATE TABLE t (id text PRIMARY KEY)');
    await db.pool.query('INSERT INTO t VALUES ($1)', ['a']);
    await assert.rejects(db.pool.query('INSERT INTO t VALUES ($1)', ['a']), /duplicate key/);
    await assert.rejects(db.pool.query('INSERT INTO t VALUES ($1)', ['nul\u0000']), /0x00|invalid byte/);
    const count = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    assert.equal(count.rows[0]?.n, 1);
    await withTransaction(db, (client) => client.query('INSERT INTO t VALUES ($1)', ['b']));
    assert.equal((await db.pool.query('SELECT id FROM t ORDER BY id')).rows.length, 2);
  } finally {
    await db.close();
  }
});

// PGlite is one session under every client: a statement a discarded client prepared by name is
// still there when the next client prepares it (store/prepared.ts).
test('embedded store: a prepared statement works again after its client was discarded', async () => {
  const db = await openDatabase({ dataDir: 'memory://', poolSize: 1 });
  try {
    const statement = { name: 'roster_test_prepared', text: 'SELECT $1::int + 1 AS n' };
    assert.equal((await db.pool.query<{ n: number }>({ ...statement, values: [1] })).rows[0]?.n, 2);
    await assert.rejects(db.pool.query('SELECT 1/0'), /division by zero/);
    assert.equal((await db.pool.query<{ n: number }>({ ...statement, values: [2] })).rows[0]?.n, 3);
  } finally {
    await db.close();
  }
});
