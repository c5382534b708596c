import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from './support/each-store.js';
import { newId } from '../src/ids.js';
import { USER_SCHEMA, createResource, waitFor } from './support/scim-fixtures.js';
import { claimDueDeliveries, findDelivery, listAttempts, recordAttempts, replayEvent, type AttemptResult, type ClaimedDelivery } from '../src/store/webhook-deliveries.js';
import { insertWebhookEndpoint } from '../src/store/webhook-endpoints.js';

// An attempt's result moves its delivery on only while the attempt's claim still holds it: if
// the lease ran out and another claim took the delivery, or an admin replayed it, the late
// result is logged but changes nothing. recordAttempts finds each delivery by key and updates
// it by row address (see its comment): these cases check that a row changed since the probe's
// snapshot, or in the same batch as others, is still judged by its lease.
//
// The endpoints here have no signing secret, so the server's own delivery worker never claims
// their deliveries (it does not send unsigned); the test claims and records by hand.

describeEachStore('Webhook attempt results and leases', (fixture) => {
  const pool = () => fixture.server().server.services.db.pool;

  async function endpointWith(eventIds: string[]): Promise<string> {
    const endpoint = await insertWebhookEndpoint(pool(), newId('ep'), { url: 'http://127.0.0.1:9/hook', description: 'leases', enabled: true, eventTypes: [], organizationId: null });
    await pool().query('INSERT INTO webhook_deliveries (endpoint_id, event_id) SELECT $1, unnest($2::text[])', [endpoint.id, eventIds]);
    return endpoint.id;
  }

  const claim = (endpointId: string, count: number, leaseSeconds: number) => claimDueDeliveries(pool(), [{ endpointId, count }], leaseSeconds);

  function result(claimed: ClaimedDelivery, outcome: 'succeeded' | 'failed'): AttemptResult {
    const succeeded = outcome === 'succeeded';
    return {
      endpointId: claimed.endpoint_id,
      eventId: claimed.event_id,
      attempt: claimed.attempts,
      lease: claimed.lease,
      attemptedAt: new Date(),
      status: succeeded ? 'succeeded' : 'pending',
      nextAttemptAt: succeeded ? null : new Date(Date.now() + 60_000),
      statusCode: succeeded ? 204 : 503,
      latencyMs: 3,
      error: succeeded ? null : 'HTTP 503',
      responseExcerpt: null,
    };
  }

  test('a result under its lease moves the delivery on', async () => {
    const endpointId = await endpointWith(['evt_lease_a']);
    const [claimed] = await claim(endpointId, 1, 60);
    assert.ok(claimed);
    await recordAttempts(pool(), [result(claimed, 'succeeded')]);
    const delivery = await findDelivery(pool(), endpointId, 'evt_lease_a');
    assert.equal(delivery?.status, 'succeeded');
    assert.equal(delivery?.last_status, 204);
    assert.ok(delivery?.completed_at);
  });

  test('a result whose lease ran out and was claimed again is logged, and leaves the newer claim alone', async () => {
    const endpointId = await endpointWith(['evt_lease_b']);
    // A lease of 0 s: due again at once, as if the first claimer had died.
    const [first] = await claim(endpointId, 1, 0);
    const [second] = await claim(endpointId, 1, 60);
    assert.ok(first && second);
    assert.equal(second.attempts, 2);
    await recordAttempts(pool(), [result(first, 'succeeded')]);
    let delivery = await findDelivery(pool(), endpointId, 'evt_lease_b');
    assert.equal(delivery?.status, 'pending', 'the stale success must not complete a delivery another claim holds');
    assert.equal(delivery?.attempts, 2);
    assert.equal(delivery?.last_status, null);
    assert.deepEqual((await listAttempts(pool(), endpointId, 'evt_lease_b')).map((attempt) => attempt.attempt), [1]);
    await recordAttempts(pool(), [result(second, 'failed')]);
    delivery = await findDelivery(pool(), endpointId, 'evt_lease_b');
    assert.equal(delivery?.status, 'pending');
    assert.equal(delivery?.last_status, 503);
    assert.ok(delivery && delivery.next_attempt_at.getTime() > Date.now() + 30_000, 'the current claim schedules the retry');
  });

  test('a result that comes back after a replay leaves the replayed delivery due', async () => {
    // A real event of the log, so that the replay finds it.
    const user = await createResource(fixture.directory(), 'Users', { schemas: [USER_SCHEMA], userName: `lease.replay.${Date.now()}@example.com` });
    const eventId = await waitFor(async () => (await pool().query<{ id: string }>(`SELECT id FROM events WHERE data->>'id' = $1`, [String(user.id)])).rows[0]?.id, 10_000);
    assert.ok(eventId, 'the user_created event was composed');
    const endpointId = await endpointWith([eventId]);
    const [claimed] = await claim(endpointId, 1, 60);
    assert.ok(claimed);
    assert.equal(await replayEvent(pool(), endpointId, eventId), true);
    await recordAttempts(pool(), [result(claimed, 'succeeded')]);
    const delivery = await findDelivery(pool(), endpointId, eventId);
    assert.equal(delivery?.status, 'pending');
    assert.ok(delivery && delivery.next_attempt_at.getTime() <= Date.now(), 'still due');
  });

  test('in one batch, current and stale results each get what their lease allows', async () => {
    const ids = Array.from({ length: 120 }, (_, index) => `evt_lease_batch_${String(index).padStart(3, '0')}`);
    const endpointId = await endpointWith(ids);
    // Every other delivery is claimed twice (its first lease runs out at once): those first claims are stale.
    const staleIds = new Set(ids.filter((_, index) => index % 2 === 0));
    const firstClaims = await claim(endpointId, ids.length, 60);
    assert.equal(firstClaims.length, ids.length);
    await pool().query('UPDATE webhook_deliveries SET next_attempt_at = now() - interval \'1 second\' WHERE endpoint_id = $1 AND event_id = ANY($2)', [endpointId, [...staleIds]]);
    const secondClaims = await claim(endpointId, ids.length, 60);
    assert.deepEqual(secondClaims.map((claimed) => claimed.event_id).sort(), [...staleIds].sort());
    await recordAttempts(pool(), firstClaims.map((claimed) => result(claimed, 'succeeded')));
    const rows = (await pool().query<{ event_id: string; status: string; attempts: number }>('SELECT event_id, status, attempts FROM webhook_deliveries WHERE endpoint_id = $1', [endpointId])).rows;
    assert.equal(rows.length, ids.length);
    for (const row of rows) {
      if (staleIds.has(row.event_id)) assert.deepEqual([row.status, row.attempts], ['pending', 2], row.event_id);
      else assert.deepEqual([row.status, row.attempts], ['succeeded', 1], row.event_id);
    }
  });
  // The statement updates the row version its probe saw. On PostgreSQL, a claim that takes the
  // same delivery while the stale result is being recorded makes the update re-check the newer
  // version (or the claim skip the row the update holds): whichever wins, a delivery claimed again
  // is never completed by the older attempt's result.
  test('stale results recorded while the same deliveries are claimed again: never a completion by the older attempt', async () => {
    for (let round = 0; round < 15; round++) {
      const ids = Array.from({ length: 60 }, (_, index) => `evt_race_${round}_${String(index).padStart(2, '0')}`);
      const endpointId = await endpointWith(ids);
      const stale = await claim(endpointId, ids.length, 0);
      assert.equal(stale.length, ids.length);
      const record = () => recordAttempts(pool(), stale.map((claimed) => result(claimed, 'succeeded')));
      const reclaim = () => claim(endpointId, ids.length, 60);
      const [, again] = round % 2 === 0 ? await Promise.all([record(), reclaim()]) : await Promise.all([reclaim(), record()]).then(([claimedAgain]) => [undefined, claimedAgain] as const);
      const claimedAgain = new Set((again ?? []).map((claimed) => claimed.event_id));
      const rows = (await pool().query<{ event_id: string; status: string; attempts: number; last_status: number | null }>(
        'SELECT event_id, status, attempts, last_status FROM webhook_deliveries WHERE endpoint_id = $1', [endpointId])).rows;
      for (const row of rows) {
        if (claimedAgain.has(row.event_id)) assert.deepEqual([row.status, row.attempts, row.last_status], ['pending', 2, null], `round ${round}: ${row.event_id} was claimed again`);
        else assert.deepEqual([row.status, row.attempts, row.last_status], ['succeeded', 1, 204], `round ${round}: ${row.event_id} was not`);
      }
    }
  });
  // The interleaving the race above only sometimes hits, made certain: the newer claim holds its
  // rows uncommitted while the stale result is recorded, so the update waits on them and then
  // re-checks the versions the claim committed. Two sessions are needed: PostgreSQL only.
  test('a result recorded while a newer claim holds its delivery waits, then leaves that delivery alone', { skip: fixture.store === 'embedded' && 'the embedded store is one session' }, async () => {
    const ids = Array.from({ length: 40 }, (_, index) => `evt_held_${String(index).padStart(2, '0')}`);
    const endpointId = await endpointWith(ids);
    const stale = await claim(endpointId, ids.length, 0);
    const client = await pool().connect();
    let claimedAgain: Set<string>;
    try {
      await client.query('BEGIN');
      claimedAgain = new Set((await claimDueDeliveries(client, [{ endpointId, count: 20 }], 60)).map((claimed) => claimed.event_id));
      assert.equal(claimedAgain.size, 20);
      const recording = recordAttempts(pool(), stale.map((claimed) => result(claimed, 'succeeded')));
      const waiting = await waitFor(async () => {
        const blocked = await pool().query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO webhook_attempts%'`);
        return blocked.rowCount ? true : undefined;
      }, 5_000, 20);
      assert.equal(waiting, true, 'the recording waits for the claim');
      await client.query('COMMIT');
      await recording;
    } finally {
      client.release();
    }
    const rows = (await pool().query<{ event_id: string; status: string; attempts: number; last_status: number | null }>(
      'SELECT event_id, status, attempts, last_status FROM webhook_deliveries WHERE endpoint_id = $1', [endpointId])).rows;
    assert.equal(rows.length, ids.length);
    for (const row of rows) {
      if (claimedAgain.has(row.event_id)) assert.deepEqual([row.status, row.attempts, row.last_status], ['pending', 2, null], `${row.event_id} was claimed again`);
      else assert.deepEqual([row.status, row.attempts, row.last_status], ['succeeded', 1, 204], `${row.event_id} was not`);
    }
  });
});
