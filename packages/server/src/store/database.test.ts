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
