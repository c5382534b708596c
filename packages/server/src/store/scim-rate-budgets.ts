import type { Queryable } from './database.js';

export interface RateLease {
  /** Tokens taken from the directory's shared bucket (0 when it had less than one). */
  granted: number;
  /** Tokens left in the shared bucket after this lease. */
  left: number;
}

// The bucket's level now: what it held, plus what it refilled since, up to the burst. The
// database's clock, so every process agrees; statement_timestamp() is one instant for the whole
// statement, and a statement that waited for the row lock may start before the last refill, so
// elapsed time never counts negative and refilled_at never goes back.
const LEVEL = 'LEAST($4::float8, budget.tokens + GREATEST(0, EXTRACT(EPOCH FROM statement_timestamp() - budget.refilled_at)) * $3::float8)';
const GRANTED = `LEAST($2::float8, FLOOR(${LEVEL}))::int`;

/**
 * Takes up to `want` whole tokens from the directory's shared bucket (`rate` a second, `burst`
 * at most; created full on first use) in one statement: the row lock makes concurrent leases
 * from several processes take turns, and no token is handed out twice.
 */
export async function leaseRateTokens(db: Queryable, directoryId: string, want: number, rate: number, burst: number): Promise<RateLease> {
  const result = await db.query<{ granted: number; tokens: number }>(
    `INSERT INTO scim_rate_budgets AS budget (directory_id, tokens, refilled_at, granted)
     VALUES ($1, $4::float8 - LEAST($2::float8, $4::float8), statement_timestamp(), LEAST($2::float8, $4::float8)::int)
     ON CONFLICT (directory_id) DO UPDATE
       SET tokens = ${LEVEL} - ${GRANTED}, granted = ${GRANTED}, refilled_at = GREATEST(budget.refilled_at, statement_timestamp())
     RETURNING granted, tokens`,
    [directoryId, want, rate, burst],
  );
  const row = result.rows[0];
  if (!row) throw new Error('the rate budget lease returned no row');
  return { granted: row.granted, left: row.tokens };
}
