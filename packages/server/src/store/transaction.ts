import type pg from 'pg';
import type { Database } from './database.js';

const EVENT_LOOP_SLICE_MILLIS = 5;
let lastTurn = performance.now();

/**
 * PGlite answers in microtasks, so a run of transactions on the embedded store (a 1,000-operation
 * Bulk) would never let the event loop accept a connection, answer /healthz or see SIGTERM. A
 * transaction first yields a turn when the loop has not had one for a few milliseconds.
 */
async function yieldIfEmbedded(db: Database): Promise<void> {
  if (db.kind !== 'embedded' || performance.now() - lastTurn <= EVENT_LOOP_SLICE_MILLIS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

/** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(db: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  await yieldIfEmbedded(db);
  const client = await db.pool.connect();
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
}

/**
 * Runs a write that is one statement (its own implicit transaction) on the pool. On the embedded
 * store it first yields a turn, as withTransaction does, so a run of them (a Bulk) cannot starve
 * the event loop.
 */
export async function withStatement<T>(db: Database, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  await yieldIfEmbedded(db);
  return work(db.pool);
}
