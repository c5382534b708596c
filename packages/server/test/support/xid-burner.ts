import type { Queryable } from '../../src/store/database.js';

// Transaction ids on demand. Each PL/pgSQL block with an EXCEPTION clause is a subtransaction;
// one that writes gets a transaction id of its own from the same counter as top-level
// transactions, and rolling it back keeps nothing. So one statement moves the counter by
// `count` (tens of thousands a second on both stores), inside the caller's transaction or on
// its own, without leaving rows behind.

/** Consumes `count` transaction ids. */
export async function burnTransactionIds(db: Queryable, count: number): Promise<void> {
  if (!Number.isSafeInteger(count) || count <= 0) return;
  // One statement, so a pool runs it on one connection (the table is that session's).
  await db.query(
    `DO $$ BEGIN
       CREATE TEMP TABLE IF NOT EXISTS xid_burn (n int);
       FOR i IN 1..${count} LOOP
         BEGIN INSERT INTO xid_burn VALUES (i); RAISE EXCEPTION USING ERRCODE = 'P0001'; EXCEPTION WHEN raise_exception THEN NULL; END;
       END LOOP;
     END $$`,
  );
}

/** The next transaction id the database will hand out (it consumes one to ask). */
export async function nextTransactionId(db: Queryable): Promise<bigint> {
  const result = await db.query<{ id: string }>('SELECT pg_current_xact_id()::text AS id');
  return BigInt(result.rows[0]?.id ?? '0') + 1n;
}

/** The smallest power of ten above `id`: where the text of transaction ids gains a digit. */
export function nextPowerOfTen(id: bigint): bigint {
  let power = 10n;
  while (power <= id) power *= 10n;
  return power;
}

/**
 * Moves the counter to `below` ids short of the next power of ten when that costs at most
 * `budget` ids; returns the boundary it approached, or undefined when it was too far.
 */
export async function approachPowerOfTen(db: Queryable, below: number, budget: number): Promise<bigint | undefined> {
  const next = await nextTransactionId(db);
  const boundary = nextPowerOfTen(next);
  const distance = boundary - BigInt(below) - next;
  if (distance > BigInt(budget)) return undefined;
  if (distance > 0n) await burnTransactionIds(db, Number(distance));
  return boundary;
}
