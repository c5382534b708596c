import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type pg from 'pg';
import { newId } from '../src/ids.js';
import { insertEvents, type NewEvent } from '../src/store/events.js';
import { describeEachStore, type StoreFixture } from './support/each-store.js';
import { eventsPage, readEvents } from './support/events-client.js';
import { approachPowerOfTen, burnTransactionIds, nextPowerOfTen } from './support/xid-burner.js';

// The Events API's promise, checked against a model: whatever order writers begin, write,
// commit or roll back in, and whatever the transaction ids are (across the points where their
// decimal text gains a digit: 999 -> 1,000, 99,999 -> 100,000), a follower paging with the
// cursor, any page size, any filter, reads exactly what committed: each event once, none
// missing, in log order (the writing transaction's id, then the order within it).
//
// fast-check generates a program (writers' steps interleaved with the follower's page reads);
// the model runs it in memory. On PostgreSQL several connections hold transactions open while
// later ones commit; the embedded store runs one transaction at a time, so there the writers
// interleave by whole transactions between the follower's pages.

const RUNS = Number(process.env.ROSTER_EVENTS_MODEL_RUNS ?? 12);
/** How many ids a run may burn to approach the next power of ten (at ~50k ids/s). */
const BURN_BUDGET: Record<StoreFixture['store'], number> = { embedded: 120_000, postgres: Number(process.env.ROSTER_EVENTS_MODEL_BURN ?? 1_500_000) };
const CONNECTIONS = 3;
const TYPES = [
  'organization.directory.user_created',
  'organization.directory.user_updated',
  'organization.directory.group_created',
  'organization.directory.group_deleted',
] as const;

interface EventSpec {
  type: (typeof TYPES)[number];
  /** Index into the run's organizations and directories; 2 is none. */
  organization: number;
  directory: number;
}
interface Filter {
  types: (typeof TYPES)[number][] | null;
  organization: number | null;
  directory: number | null;
}
type Step =
  | { kind: 'write'; connection: number; events: EventSpec[]; burn: number }
  | { kind: 'commit' | 'rollback'; connection: number }
  | { kind: 'transaction'; events: EventSpec[]; burn: number; commit: boolean }
  | { kind: 'read'; limit: number }
  | { kind: 'burn'; count: number };
interface Program {
  steps: Step[];
  filter: Filter;
  /** Between which of the run's transactions the next power of ten falls (0: the first two, 1: the last two). */
  crossAt: number;
  /** The order open transactions end in once the steps are done, and whether each commits. */
  finish: { connection: number; commit: boolean }[];
}

const eventSpec = fc.record({ type: fc.constantFrom(...TYPES), organization: fc.nat(2), directory: fc.nat(2) });
const events = fc.array(eventSpec, { minLength: 1, maxLength: 6 });
const burn = fc.oneof(fc.constant(0), fc.nat(30), fc.nat(600));
const read = fc.record({ kind: fc.constant('read' as const), limit: fc.integer({ min: 1, max: 25 }) });
const burnStep = fc.record({ kind: fc.constant('burn' as const), count: fc.integer({ min: 1, max: 1_500 }) });
const connection = fc.nat(CONNECTIONS - 1);
const filter: fc.Arbitrary<Filter> = fc.record({
  types: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.subarray([...TYPES], { minLength: 2 }) }),
  organization: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.nat(1) }),
  directory: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.nat(1) }),
});

/** PostgreSQL: transactions on several connections, open at once, ending in any order. */
const concurrentProgram: fc.Arbitrary<Program> = fc.record({
  steps: fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('write' as const), connection, events, burn }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('commit' as const), connection }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('rollback' as const), connection }) },
      { weight: 4, arbitrary: read },
      { weight: 1, arbitrary: burnStep },
    ),
    { minLength: 10, maxLength: 60 },
  ),
  filter,
  crossAt: fc.double({ min: 0, max: 0.999, noNaN: true }),
  finish: fc.shuffledSubarray([0, 1, 2], { minLength: CONNECTIONS }).chain((order) =>
    fc.tuple(...order.map((index) => fc.record({ connection: fc.constant(index), commit: fc.boolean() }))),
  ),
});

/** The embedded store: one transaction at a time, between the follower's pages. */
const batchedProgram: fc.Arbitrary<Program> = fc.record({
  steps: fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('transaction' as const), events, burn, commit: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }) },
      { weight: 4, arbitrary: read },
      { weight: 1, arbitrary: burnStep },
    ),
    { minLength: 10, maxLength: 50 },
  ),
  filter,
  crossAt: fc.double({ min: 0, max: 0.999, noNaN: true }),
  finish: fc.constant([]),
});

/**
 * How far below the next power of ten the run should start so that the boundary falls between
 * two of its transactions (the `crossAt` fraction of the way through them). A transaction takes
 * its id when it first writes; before that the program consumed the ids of every earlier
 * transaction and burn, which this counts (other sessions take a few more meanwhile).
 */
function idsBeforeBoundary(steps: Step[], crossAt: number): number {
  const starts: number[] = [];
  const open = new Set<number>();
  let used = 0;
  for (const step of steps) {
    if (step.kind === 'burn') used += step.count + 1;
    else if (step.kind === 'commit' || step.kind === 'rollback') open.delete(step.connection);
    else if (step.kind === 'write' && open.has(step.connection)) used += step.burn;
    else if (step.kind === 'write' || step.kind === 'transaction') {
      if (step.kind === 'write') open.add(step.connection);
      starts.push(used);
      used += 1 + step.burn;
    }
  }
  if (starts.length < 2) return 1;
  const next = Math.min(starts.length - 1, 1 + Math.floor(crossAt * (starts.length - 1)));
  const [before, after] = [starts[next - 1] ?? 0, starts[next] ?? 0];
  return Math.max(1, after + 1 - Math.floor((after - before) / 2));
}

interface Committed {
  xid: bigint;
  events: NewEvent[];
}

/** What the follower must read: committed transactions by id, each one's events in order, filtered. */
function expectedIds(committed: Committed[], filter: Filter, organizations: string[], directories: (string | null)[]): string[] {
  const wanted = (event: NewEvent) =>
    (filter.types === null || (filter.types as string[]).includes(event.type)) &&
    (filter.organization === null || event.organizationId === organizations[filter.organization]) &&
    (filter.directory === null || event.directoryId === directories[filter.directory]);
  return [...committed]
    .sort((a, b) => (a.xid < b.xid ? -1 : a.xid > b.xid ? 1 : 0))
    .flatMap((transaction) => transaction.events.filter(wanted).map((event) => event.id));
}

describeEachStore('Events API against a model: concurrent writers, ids across powers of ten, random pages and filters', (fixture) => {
  test('the follower reads exactly what committed, in log order, without gaps or repeats', { timeout: 300_000 }, async (t) => {
    const base = fixture.server().baseUrl;
    const token = fixture.directory().accessToken;
    const pool = fixture.server().server.services.db.pool;
    let run = 0;
    let straddled = 0;
    let eventsChecked = 0;
    let eventsCommitted = 0;
    const program = fixture.store === 'postgres' ? concurrentProgram : batchedProgram;

    await fc.assert(
      fc.asyncProperty(program, async ({ steps, filter: chosen, crossAt, finish }) => {
        run++;
        const organizations = [newId('org'), newId('org')];
        const organizationsOrNone = [...organizations, null];
        const directories = [newId('dir'), newId('dir'), null];
        const toEvent = (spec: EventSpec): NewEvent => ({
          id: newId('evt'),
          type: spec.type,
          organizationId: organizationsOrNone[spec.organization] ?? null,
          directoryId: directories[spec.directory] ?? null,
          object: 'ModelTest',
          data: { run },
        });
        const query: Record<string, string> = {};
        if (chosen.types) query.types = chosen.types.join(',');
        if (chosen.organization !== null) query.organization_id = organizations[chosen.organization] ?? '';
        if (chosen.directory !== null) query.directory_id = directories[chosen.directory] ?? '';

        // The follower starts at the end of what is there; this run's transactions come after it.
        let cursor = (await readEvents(base, token, query)).cursor;
        const boundary = await approachPowerOfTen(pool, idsBeforeBoundary(steps, crossAt), BURN_BUDGET[fixture.store]);
        const seen: string[] = [];
        const readPage = async (limit: number) => {
          const page = await eventsPage(base, token, { ...query, after: cursor, limit });
          assert.equal(page.status, 200, page.text);
          assert.ok(page.body.events.length <= limit);
          seen.push(...page.body.events.map((event) => event.id));
          cursor = page.body.next_cursor;
          return page.body.has_more;
        };

        const committed: Committed[] = [];
        const open = new Map<number, { client: pg.PoolClient; xid: bigint | undefined; events: NewEvent[] }>();
        const xidOf = async (client: pg.PoolClient) => BigInt((await client.query<{ id: string }>('SELECT pg_current_xact_id()::text AS id')).rows[0]?.id ?? '0');
        const end = async (index: number, commit: boolean) => {
          const transaction = open.get(index);
          if (!transaction) return;
          open.delete(index);
          try {
            await transaction.client.query(commit ? 'COMMIT' : 'ROLLBACK');
          } finally {
            transaction.client.release();
          }
          if (commit && transaction.xid !== undefined) committed.push({ xid: transaction.xid, events: transaction.events });
        };
        let lowest: bigint | undefined;
        let highest: bigint | undefined;
        const note = (xid: bigint) => {
          if (lowest === undefined || xid < lowest) lowest = xid;
          if (highest === undefined || xid > highest) highest = xid;
        };

        try {
          for (const step of steps) {
            switch (step.kind) {
              case 'read':
                await readPage(step.limit);
                break;
              case 'burn':
                await burnTransactionIds(pool, step.count);
                break;
              case 'write': {
                let transaction = open.get(step.connection);
                if (!transaction) {
                  const client = await pool.connect();
                  await client.query('BEGIN');
                  transaction = { client, xid: undefined, events: [] };
                  open.set(step.connection, transaction);
                }
                await burnTransactionIds(transaction.client, step.burn);
                const written = step.events.map(toEvent);
                await insertEvents(transaction.client, written);
                transaction.events.push(...written);
                transaction.xid ??= await xidOf(transaction.client);
                note(transaction.xid);
                break;
              }
              case 'commit':
              case 'rollback':
                await end(step.connection, step.kind === 'commit');
                break;
              case 'transaction': {
                // One connection: the whole transaction runs before the follower's next page.
                const client = await pool.connect();
                try {
                  await client.query('BEGIN');
                  await burnTransactionIds(client, step.burn);
                  const written = step.events.map(toEvent);
                  await insertEvents(client, written);
                  const xid = await xidOf(client);
                  note(xid);
                  await client.query(step.commit ? 'COMMIT' : 'ROLLBACK');
                  if (step.commit) committed.push({ xid, events: written });
                } finally {
                  await client.query('ROLLBACK').catch(() => undefined);
                  client.release();
                }
                break;
              }
            }
          }
          for (const { connection: index, commit } of finish) await end(index, commit);
        } finally {
          for (const index of [...open.keys()]) await end(index, false);
        }

        const expected = expectedIds(committed, chosen, organizations, directories);
        // Drain: an event is served once every transaction that began before it has ended.
        const deadline = Date.now() + 20_000;
        let limit = 1;
        for (;;) {
          const more = await readPage(limit);
          limit = (limit % 25) + 7;
          if (!more && seen.length >= expected.length) break;
          if (Date.now() > deadline) break;
          if (!more) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        if (boundary !== undefined && lowest !== undefined && highest !== undefined && lowest < boundary && highest >= boundary) straddled++;
        else if (lowest !== undefined && highest !== undefined && nextPowerOfTen(lowest) <= highest) straddled++;
        eventsChecked += expected.length;
        eventsCommitted += committed.reduce((sum, transaction) => sum + transaction.events.length, 0);
        assert.deepEqual(seen, expected, `run ${run}: filter ${JSON.stringify(chosen)}, ids ${String(lowest)}..${String(highest)}, read ${seen.length} of ${expected.length}`);
      }),
      { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true, ...(process.env.ROSTER_EVENTS_MODEL_SEED ? { seed: Number(process.env.ROSTER_EVENTS_MODEL_SEED) } : {}) },
    );
    t.diagnostic(`${run} runs, ${eventsCommitted} events committed, ${eventsChecked} read through filters and compared, ${straddled} runs straddled a power of ten`);
    // The embedded store starts near id 1,000, so its first runs cross 1,000, 10,000 and 100,000.
    if (fixture.store === 'embedded') assert.ok(straddled >= Math.min(RUNS, 2), `only ${straddled} runs crossed a power of ten`);
  });
});
