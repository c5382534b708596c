import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { openDatabase, type Database, type Queryable } from '../../store/database.js';
import { migrate } from '../../store/migrate.js';
import { ProcessRateLimit, RetrySchedule } from './scim-rate-limit.js';
import { SharedRateLimit } from './shared-rate-limit.js';

// The shared SCIM budget against a real (embedded) database: two limiters stand for two
// processes. The database's clock refills the shared bucket, so bounds allow for elapsed time.

let db: Database;
let directoryCount = 0;

before(async () => {
  db = await openDatabase({ dataDir: 'memory://', poolSize: 1 });
  await migrate(db);
  await db.pool.query("INSERT INTO organizations (id, display_name) VALUES ('org_rate', 'Rate')");
});
after(() => db.close());

async function newDirectory(): Promise<string> {
  const id = `dir_rate_${++directoryCount}`;
  await db.pool.query("INSERT INTO directories (id, organization_id, name, directory_type, directory_provider) VALUES ($1, 'org_rate', 'Rate', 'SCIM', 'OKTA')", [id]);
  return id;
}

/** The pool, counting the statements sent through it. */
function counting(pool: pg.Pool): { db: Queryable; queries(): number } {
  let queries = 0;
  const query = ((...args: Parameters<pg.Pool['query']>) => {
    queries++;
    return (pool.query as (...args: unknown[]) => unknown)(...args);
  }) as pg.Pool['query'];
  return { db: Object.assign(Object.create(pool) as pg.Pool, { query }), queries: () => queries };
}

const failOnError = (error: unknown) => assert.fail(String(error));

test('two processes sharing a directory admit its burst together, not each', async () => {
  const directoryId = await newDirectory();
  const [first, second] = [new SharedRateLimit(db.pool, 5, 40, failOnError), new SharedRateLimit(db.pool, 5, 40, failOnError)];
  const started = performance.now();
  let admitted = 0;
  for (let index = 0; index < 120; index++) {
    const decision = await (index % 2 ? first : second).admit(directoryId);
    if (decision.allowed) admitted++;
    else assert.ok(decision.retryAfterSeconds >= 1);
  }
  const refilled = ((performance.now() - started) / 1000) * 5;
  assert.ok(admitted <= 40 + refilled + 1, `${admitted} admitted; the shared bucket holds 40 plus ${refilled.toFixed(1)} refilled`);
  // A slice (here 1 token) per process may sit leased and unspent.
  assert.ok(admitted >= 40 - 2, `${admitted} admitted of a burst of 40`);
});

test('no database round trip per request: a slice of a tenth of a second is leased at a time', async () => {
  const directoryId = await newDirectory();
  const pool = counting(db.pool);
  const limit = new SharedRateLimit(pool.db, 1000, 1000, failOnError);
  for (let index = 0; index < 500; index++) assert.ok((await limit.admit(directoryId)).allowed);
  assert.ok(pool.queries() <= 500 / 100 + 2, `${pool.queries()} statements for 500 requests`);
});

test('a dry shared bucket is refused locally until a slice has refilled, with Retry-After', async () => {
  const directoryId = await newDirectory();
  const pool = counting(db.pool);
  const limit = new SharedRateLimit(pool.db, 1, 3, failOnError);
  const decisions = [];
  for (let index = 0; index < 50; index++) decisions.push(await limit.admit(directoryId));
  assert.deepEqual(decisions.slice(0, 3).map((decision) => decision.allowed), [true, true, true]);
  assert.ok(decisions.slice(3).every((decision) => !decision.allowed), 'the burst of 3 is spent');
  assert.ok(pool.queries() <= 5, `${pool.queries()} statements for 50 requests against a dry bucket`);
  // Each refusal is given the next free slot: the retries come back one a second, not all at once.
  const waits = decisions.slice(3, 8).map((decision) => decision.retryAfterSeconds);
  assert.deepEqual(waits, [...waits].sort((a, b) => a - b));
  assert.ok(waits[0] === 1 && (waits[4] ?? 0) >= 4, JSON.stringify(waits));
});

test('an unreachable database falls back to a per-process bucket and says so', async () => {
  const errors: unknown[] = [];
  const broken = { query: () => Promise.reject(new Error('connection refused')) } as unknown as Queryable;
  const limit = new SharedRateLimit(broken, 10, 2, (error) => errors.push(error));
  const decisions = [await limit.admit('dir_x'), await limit.admit('dir_x'), await limit.admit('dir_x')];
  assert.deepEqual(decisions.map((decision) => decision.allowed), [true, true, false]);
  assert.equal(errors.length, 1, 'one failed lease, then the fallback bucket for a while');
});

test('process rate limit: burst, refill and Retry-After from the bucket', async () => {
  let now = 0;
  const limit = new ProcessRateLimit(2, 3, () => now);
  const taken = [0, 1, 2, 3].map(() => limit.decide('d'));
  assert.deepEqual(taken.map((decision) => decision.allowed), [true, true, true, false]);
  assert.deepEqual(taken.map((decision) => decision.remaining), [2, 1, 0, 0]);
  now += 500; // one token at 2 a second
  assert.ok(limit.decide('d').allowed);
  assert.ok(limit.decide('other').allowed, 'another directory has its own bucket');
});

test('retry schedule: refusals are spread at the sustained rate, and the spread ends when the slots pass', () => {
  const schedule = new RetrySchedule(2);
  assert.deepEqual([0, 0, 0, 0, 0].map(() => schedule.retryAfter('d', 0, 100)), [1, 1, 2, 2, 3]);
  assert.equal(schedule.retryAfter('other', 0, 100), 1, 'per directory');
  assert.equal(schedule.retryAfter('d', 10_000, 100), 1, 'a later refusal starts afresh');
  assert.equal(schedule.retryAfter('d', 0, 10_000_000), 60, 'at most a minute');
});
