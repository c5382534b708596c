import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../src/ids.js';
import { insertEvents } from '../src/store/events.js';
import { describeEachStore } from './support/each-store.js';
import { eventsPage, readEvents, readEventsUntil, type EventJson } from './support/events-client.js';
import { USER_SCHEMA, createResource, sleep } from './support/scim-fixtures.js';

// The Events API's promise: a reader that follows the cursor never skips an event, also when
// transactions commit in a different order than they began.

describeEachStore('Events API ordering under concurrent writers', (fixture) => {
  const base = () => fixture.server().baseUrl;
  const token = () => fixture.directory().accessToken;
  const pool = () => fixture.server().server.services.db.pool;
  const marker = (label: string) => ({ id: newId('evt'), type: 'organization.directory.user_updated', organizationId: null, directoryId: null, object: 'Test', data: { label } });

  test('a transaction that wrote an event earlier and commits later is read after the cursor, not skipped', { skip: fixture.store === 'embedded' && 'the embedded store runs one transaction at a time' }, async () => {
    const start = (await readEvents(base(), token())).cursor;
    // T1 writes its event first and stays open.
    const slow = await pool().connect();
    try {
      await slow.query('BEGIN');
      const early = marker('early, committed last');
      await insertEvents(slow, [early]);
      // Others commit meanwhile, through the API and directly.
      const user = await createResource(fixture.directory(), 'Users', { schemas: [USER_SCHEMA], userName: 'committed-first@example.com' });
      const direct = marker('committed second');
      await insertEvents(pool(), [direct]);

      // While T1 is open nothing after it is served: its event would land before them.
      const during = await readEvents(base(), token(), {}, start);
      assert.deepEqual(during.events, []);
      assert.equal((await eventsPage(base(), token(), { after: during.cursor })).body.events.length, 0);

      await slow.query('COMMIT');
      const after = await readEventsUntil(base(), token(), {}, during.cursor, 3);
      assert.deepEqual(
        after.events.map((event) => event.id),
        [early.id, after.events[1]?.id, direct.id],
        'T1 first (its transaction began first), then the API write, then the direct one',
      );
      assert.equal(after.events[1]?.data.id, user.id);
    } finally {
      await slow.query('ROLLBACK').catch(() => undefined);
      slow.release();
    }
  });

  test('a transaction that began earlier but wrote later is ordered after what committed before its write', { skip: fixture.store === 'embedded' && 'the embedded store runs one transaction at a time' }, async () => {
    const start = (await readEvents(base(), token())).cursor;
    const late = await pool().connect();
    try {
      await late.query('BEGIN');
      await late.query('SELECT 1');
      const first = marker('committed first');
      await insertEvents(pool(), [first]);
      const seen = await readEventsUntil(base(), token(), {}, start, 1);
      assert.deepEqual(seen.events.map((event) => event.id), [first.id]);
      const second = marker('began first, wrote later');
      await insertEvents(late, [second]);
      await late.query('COMMIT');
      const next = await readEventsUntil(base(), token(), {}, seen.cursor, 1);
      assert.deepEqual(next.events.map((event) => event.id), [second.id]);
    } finally {
      await late.query('ROLLBACK').catch(() => undefined);
      late.release();
    }
  });

  test('a reader polling with the cursor while many writers commit out of order sees every event once, in the final order', async () => {
    const start = (await readEvents(base(), token())).cursor;
    const written = new Set<string>();
    let writing = true;
    const writers = Array.from({ length: 6 }, async (_, writer) => {
      for (let round = 0; round < 15; round++) {
        if (fixture.store === 'postgres' && round % 3 === writer % 3) {
          // A transaction that holds its event open for a while, so later ones commit first.
          const client = await pool().connect();
          try {
            await client.query('BEGIN');
            const events = [marker(`w${writer} r${round} a`), marker(`w${writer} r${round} b`)];
            await insertEvents(client, events);
            await sleep(20 + Math.random() * 100);
            await client.query('COMMIT');
            for (const event of events) written.add(event.id);
          } finally {
            client.release();
          }
        } else {
          const user = await createResource(fixture.directory(), 'Users', { schemas: [USER_SCHEMA], userName: `ordering-${writer}-${round}@example.com` });
          written.add(`user:${String(user.id)}`);
        }
      }
    });
    const seen: EventJson[] = [];
    const reader = (async () => {
      let cursor = start;
      for (;;) {
        const finished = !writing;
        const page = await eventsPage(base(), token(), { after: cursor, limit: 5 });
        assert.equal(page.status, 200, page.text);
        seen.push(...page.body.events);
        cursor = page.body.next_cursor;
        if (finished && !page.body.has_more && seen.length >= written.size) return;
        if (!page.body.has_more) await sleep(5);
      }
    })();
    await Promise.all(writers);
    writing = false;
    await Promise.race([reader, sleep(30_000).then(() => assert.fail(`reader saw ${seen.length} of ${written.size}`))]);

    const ids = seen.map((event) => event.id);
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    const keys = new Set(seen.map((event) => (event.object === 'Test' ? event.id : `user:${String(event.data.id)}`)));
    assert.deepEqual([...written].filter((key) => !keys.has(key)), [], 'no event skipped');
    const final = await readEvents(base(), token(), {}, start);
    assert.deepEqual(ids, final.events.map((event) => event.id), 'the order the poller saw is the log order');
  });
});
