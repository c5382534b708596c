-- One token bucket per directory shared by every Roster process on this database: processes
-- lease slices of it in the background (directory/shared-rate-limit.ts), so N processes admit
-- ROSTER_SCIM_RATE_LIMIT together, not N times it. UNLOGGED: a bucket is worth nothing after a
-- crash (PostgreSQL empties the table then, and every bucket starts full again), so its frequent
-- updates skip the write-ahead log.
CREATE UNLOGGED TABLE scim_rate_budgets (
  directory_id  text PRIMARY KEY REFERENCES directories(id) ON DELETE CASCADE,
  tokens        double precision NOT NULL,
  refilled_at   timestamptz NOT NULL,
  -- What the last lease took, returned to the process that took it.
  granted       integer NOT NULL
);
