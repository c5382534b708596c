import type { Queryable } from './database.js';
import { settledHorizon, type EventRow } from './events.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'dead';

export interface DeliveryRow {
  endpoint_id: string;
  event_id: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  window_started_at: Date;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

/**
 * Turns the next settled events into deliveries for the enabled endpoints that want them, and
 * moves the fan-out position past them: one statement, so both happen or neither. One process
 * at a time holds the position's row; the others skip. An endpoint only gets events that
 * occurred after it was created. Returns the events read (0 once caught up).
 */
export async function fanOutEvents(db: Queryable, batch: number): Promise<{ events: number; deliveries: number }> {
  const horizon = await settledHorizon(db);
  const result = await db.query<{ events: number; deliveries: number }>(
    `WITH state AS (SELECT txid, seq FROM event_log_state WHERE name = 'fanout' FOR UPDATE SKIP LOCKED),
          listening AS (SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) AS yes),
          -- The position and the endpoint check as scalar subqueries, not joins: so the position
          -- bounds the index scan, where a join filtered every event of the log below the
          -- horizon on each call (1.8 s at 900k events, benchmark scenario 1 at full size).
          batch AS (
            SELECT e.id, e.type, e.organization_id, e.occurred_at, e.txid, e.seq FROM events e
             WHERE (SELECT yes FROM listening) AND (e.txid, e.seq) > ((SELECT txid FROM state), (SELECT seq FROM state)) AND e.txid < $2::xid8
             ORDER BY e.txid, e.seq LIMIT $1),
          -- With no endpoint to deliver to, the position jumps to the settled end in one step.
          skip AS (
            SELECT e.txid, e.seq FROM events e
             WHERE NOT (SELECT yes FROM listening) AND (e.txid, e.seq) > ((SELECT txid FROM state), (SELECT seq FROM state)) AND e.txid < $2::xid8
             ORDER BY e.txid DESC, e.seq DESC LIMIT 1),
          created AS (
            INSERT INTO webhook_deliveries (endpoint_id, event_id)
            SELECT ep.id, b.id FROM batch b JOIN webhook_endpoints ep
                ON ep.enabled AND ep.created_at <= b.occurred_at
               AND (cardinality(ep.event_types) = 0 OR b.type = ANY(ep.event_types))
               AND (ep.organization_id IS NULL OR ep.organization_id = b.organization_id)
            ON CONFLICT DO NOTHING RETURNING 1),
          last AS ((SELECT txid, seq FROM batch ORDER BY txid DESC, seq DESC LIMIT 1) UNION ALL SELECT txid, seq FROM skip),
          moved AS (UPDATE event_log_state s SET txid = last.txid, seq = last.seq, updated_at = now() FROM last WHERE s.name = 'fanout' RETURNING 1)
     SELECT (SELECT count(*)::int FROM batch) AS events, (SELECT count(*)::int FROM created) AS deliveries, (SELECT count(*) FROM moved) AS moved`,
    [batch, horizon],
  );
  return result.rows[0] ?? { events: 0, deliveries: 0 };
}

export interface ClaimRequest {
  endpointId: string;
  count: number;
}

export interface ClaimedDelivery {
  endpoint_id: string;
  event_id: string;
  attempts: number;
  /** The claim's lease (next_attempt_at, exactly, as text): its result is recorded only while the lease stands. */
  lease: string;
  window_started_at: Date;
  /** Null when retention deleted the event before it could be delivered. */
  event: EventRow | null;
}

/**
 * Claims up to `count` due deliveries per endpoint: rows locked with SKIP LOCKED (another
 * process takes others), their attempt counted, and `next_attempt_at` pushed `leaseSeconds`
 * ahead so that, if this process dies mid-attempt, the delivery comes due again by itself.
 */
export async function claimDueDeliveries(db: Queryable, requests: ClaimRequest[], leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const wanted = requests.filter((request) => request.count > 0);
  if (wanted.length === 0) return [];
  const result = await db.query<ClaimedDelivery & { event_json: EventRow | null }>(
    `WITH want AS (SELECT w.* FROM unnest($1::text[], $2::int[]) AS w(endpoint_id, n) JOIN webhook_endpoints ep ON ep.id = w.endpoint_id AND ep.enabled),
          due AS (
            SELECT d.endpoint_id, d.event_id FROM want CROSS JOIN LATERAL (
              SELECT endpoint_id, event_id FROM webhook_deliveries
               WHERE endpoint_id = want.endpoint_id AND status = 'pending' AND next_attempt_at <= now()
               ORDER BY next_attempt_at, event_id LIMIT want.n
               FOR UPDATE SKIP LOCKED) d),
          claimed AS (
            UPDATE webhook_deliveries d
               SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $3), last_attempt_at = now()
              FROM due WHERE d.endpoint_id = due.endpoint_id AND d.event_id = due.event_id
            RETURNING d.endpoint_id, d.event_id, d.attempts, d.next_attempt_at::text AS lease, d.window_started_at)
     SELECT c.*, CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object(
              'id', e.id, 'type', e.type, 'organization_id', e.organization_id, 'directory_id', e.directory_id,
              'object', e.object, 'data', e.data, 'occurred_at', e.occurred_at, 'txid', e.txid::text, 'seq', e.seq) END AS event_json
       FROM claimed c LEFT JOIN events e ON e.id = c.event_id`,
    [wanted.map((request) => request.endpointId), wanted.map((request) => request.count), leaseSeconds],
  );
  return result.rows.map(({ event_json, ...row }) => ({
    ...row,
    event: event_json ? { ...event_json, occurred_at: new Date(event_json.occurred_at) } : null,
  }));
}

export interface AttemptResult {
  endpointId: string;
  eventId: string;
  attempt: number;
  /** The claim's lease (ClaimedDelivery.lease). */
  lease: string;
  attemptedAt: Date;
  /** The delivery's state after this attempt. */
  status: DeliveryStatus;
  /** When pending: when to try again. */
  nextAttemptAt: Date | null;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

/**
 * Records attempts and moves their deliveries on. A delivery is only updated while the claim's
 * lease stands: if the lease ran out and another worker claimed it, or it was replayed, since,
 * the newer claim's outcome is the one that counts (the attempt is logged either way).
 */
export async function recordAttempts(db: Queryable, results: AttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  const column = <T>(pick: (result: AttemptResult) => T) => results.map(pick);
  await db.query(
    `WITH r AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::timestamptz[], $7::int[], $8::int[], $9::text[], $10::text[], $11::timestamptz[])
                  AS r(endpoint_id, event_id, attempt, attempted_at, status, next_attempt_at, status_code, latency_ms, error, response_excerpt, lease)),
          -- An endpoint deleted while its attempt was out takes the attempt's log with it.
          logged AS (
            INSERT INTO webhook_attempts (endpoint_id, event_id, attempt, attempted_at, status_code, latency_ms, error, response_excerpt)
            SELECT r.endpoint_id, r.event_id, r.attempt, r.attempted_at, r.status_code, r.latency_ms, r.error, r.response_excerpt
              FROM r JOIN webhook_endpoints ep ON ep.id = r.endpoint_id
            ON CONFLICT DO NOTHING RETURNING 1),
          -- Each result's delivery found by its key, one probe per result, then updated by its
          -- row address. Joined on the key instead, the planner chose by its estimate of pending
          -- deliveries, which a burst leaves stale (10k events fan out in seconds, long before
          -- autovacuum analyzes): it read every pending delivery on each flush, 15 ms at 26k
          -- pending, and recording capped delivery near 1,200 events/s per endpoint.
          -- MATERIALIZED and LIMIT keep the probes from being folded back into a join. A row a
          -- newer claim or a replay changed since has another ctid, and PostgreSQL re-checks it
          -- (webhook-attempt-leases.test.ts holds a claim open to make sure); the lease is
          -- checked again all the same, but not as status = 'pending', which would invite the
          -- partial index back.
          found AS MATERIALIZED (
            SELECT d.tid, r.* FROM r CROSS JOIN LATERAL (
              SELECT ctid AS tid FROM webhook_deliveries
               WHERE endpoint_id = r.endpoint_id AND event_id = r.event_id AND attempts = r.attempt AND status = 'pending' AND next_attempt_at = r.lease
               LIMIT 1) d)
     UPDATE webhook_deliveries d
        SET status = r.status, next_attempt_at = coalesce(r.next_attempt_at, d.next_attempt_at),
            last_status = r.status_code, last_error = r.error,
            completed_at = CASE WHEN r.status = 'pending' THEN NULL ELSE now() END
       FROM found r
      WHERE d.ctid = r.tid AND d.attempts = r.attempt AND d.next_attempt_at = r.lease AND d.status NOT IN ('succeeded', 'dead')`,
    [
      column((result) => result.endpointId),
      column((result) => result.eventId),
      column((result) => result.attempt),
      column((result) => result.attemptedAt),
      column((result) => result.status),
      column((result) => result.nextAttemptAt),
      column((result) => result.statusCode),
      column((result) => Math.round(result.latencyMs)),
      column((result) => result.error),
      column((result) => result.responseExcerpt),
      column((result) => result.lease),
    ],
  );
}

/** Makes one event due again for an endpoint now, whatever its delivery's state; false if the event is gone. */
export async function replayEvent(db: Queryable, endpointId: string, eventId: string): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id)
     SELECT $1, id FROM events WHERE id = $2
     ON CONFLICT (endpoint_id, event_id) DO UPDATE
        SET status = 'pending', next_attempt_at = now(), window_started_at = now(), completed_at = NULL`,
    [endpointId, eventId],
  );
  return (result.rowCount ?? 0) > 0;
}

/**
 * Makes every event since `since` that the endpoint's filters want due again. Event ids sort by
 * time, so `since` is a key range on the events' primary key.
 */
export async function replayEventsSince(db: Queryable, endpointId: string, sinceId: string, since: Date): Promise<number> {
  const result = await db.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id)
     SELECT ep.id, e.id FROM webhook_endpoints ep JOIN events e
         ON e.id >= $2 AND e.occurred_at >= $3
        AND (cardinality(ep.event_types) = 0 OR e.type = ANY(ep.event_types))
        AND (ep.organization_id IS NULL OR ep.organization_id = e.organization_id)
      WHERE ep.id = $1
     ON CONFLICT (endpoint_id, event_id) DO UPDATE
        SET status = 'pending', next_attempt_at = now(), window_started_at = now(), completed_at = NULL`,
    [endpointId, sinceId, since],
  );
  return result.rowCount ?? 0;
}

export async function findDelivery(db: Queryable, endpointId: string, eventId: string): Promise<DeliveryRow | undefined> {
  const result = await db.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 AND event_id = $2', [endpointId, eventId]);
  return result.rows[0];
}

/** A page of an endpoint's deliveries, newest event first, optionally of one status. */
export async function listDeliveries(
  db: Queryable,
  endpointId: string,
  options: { status?: DeliveryStatus | undefined; beforeEventId?: string | undefined; limit: number },
): Promise<DeliveryRow[]> {
  const params: unknown[] = [endpointId, options.limit];
  let where = 'endpoint_id = $1';
  if (options.status) where += ` AND status = $${params.push(options.status)}`;
  if (options.beforeEventId) where += ` AND event_id < $${params.push(options.beforeEventId)}`;
  const result = await db.query<DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE ${where} ORDER BY event_id DESC LIMIT $2`, params);
  return result.rows;
}

export interface AttemptRow {
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export async function listAttempts(db: Queryable, endpointId: string, eventId: string): Promise<AttemptRow[]> {
  const result = await db.query<AttemptRow>(
    `SELECT attempt, attempted_at, status_code, latency_ms, error, response_excerpt FROM webhook_attempts
      WHERE endpoint_id = $1 AND event_id = $2 ORDER BY attempt`,
    [endpointId, eventId],
  );
  return result.rows;
}

/** Retention for deliveries and their attempt logs: each endpoint's key range of events older than the cutoff id. */
export async function pruneDeliveries(db: Queryable, cutoffEventId: string): Promise<void> {
  await db.query(
    `DELETE FROM webhook_attempts WHERE endpoint_id = ANY(ARRAY(SELECT id FROM webhook_endpoints)) AND event_id < $1`,
    [cutoffEventId],
  );
  await db.query(
    `DELETE FROM webhook_deliveries WHERE endpoint_id = ANY(ARRAY(SELECT id FROM webhook_endpoints)) AND event_id < $1`,
    [cutoffEventId],
  );
}
