-- Pulled directories (issue 13): a directory whose users and groups Roster reads from a source
-- (Google Workspace, BambooHR) on a schedule instead of receiving SCIM pushes. Its
-- directory_type names the source; the rows below hold how to reach the source and how its
-- sync runs have gone. What a run applies goes through the same use cases as SCIM requests,
-- into the same tables, with the same events.

-- One row per pulled directory: its source's settings, sealed credentials, schedule, status
-- and the lease that keeps two nodes from syncing it at once.
CREATE TABLE directory_sources (
  directory_id              text PRIMARY KEY REFERENCES directories (id) ON DELETE CASCADE,
  source                    text NOT NULL,                -- GOOGLE_WORKSPACE | BAMBOOHR
  settings                  jsonb NOT NULL DEFAULT '{}',  -- what is not secret (domain, subdomain, scope limits)
  -- AES-256-GCM under ROSTER_ENCRYPTION_KEY (secret-box.ts), bound to the directory id; never
  -- returned by any API and never logged. NULL until the customer's admin connects the source.
  credentials               text,
  credentials_kind          text,                         -- oauth | service_account | api_key
  -- What may be shown about them (the service account's email, the admin it acts as): no secret.
  credentials_summary       jsonb,
  credentials_updated_at    timestamptz,
  sync_interval_seconds     integer NOT NULL,
  safety_threshold_percent  integer NOT NULL,
  status                    text NOT NULL DEFAULT 'not_connected',  -- not_connected | active | needs_review | invalid_credentials | error
  status_message            text,
  consecutive_failures      integer NOT NULL DEFAULT 0,
  -- When the next run is due; NULL while nothing should run (not connected, or a run is held
  -- for review). "Sync now" sets it to now().
  next_sync_at              timestamptz,
  -- When "Sync now" was last asked for and not yet taken up by a run. A run starting takes it
  -- (its trigger is then "manual"); one asked for during a run makes another due when it ends.
  manual_requested_at       timestamptz,
  last_success_at           timestamptz,
  -- A held run an administrator approved: the next run may apply up to that many removals.
  approved_run_id           text,
  -- The lease: the run holding it, the node running it, and when it lapses unless renewed. A
  -- node that dies leaves it to lapse; the next node to claim the directory marks that run
  -- interrupted and starts over (runs are idempotent: they apply a difference).
  lease_run_id              text,
  lease_owner               text,
  lease_expires_at          timestamptz,
  -- A pending Google OAuth consent: the SHA-256 of its state and the portal session that
  -- started it (the callback must come back in that session).
  oauth_state_hash          text,
  oauth_session_id          text,
  oauth_state_expires_at    timestamptz,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);
-- The scheduler's one cross-tenant read: which directories are due. Few rows, small index.
CREATE INDEX directory_sources_due ON directory_sources (next_sync_at) WHERE next_sync_at IS NOT NULL;

-- Every sync run: when, why, what it saw and did, and how it ended.
CREATE TABLE sync_runs (
  directory_id  text NOT NULL REFERENCES directories (id) ON DELETE CASCADE,
  id            text NOT NULL,
  trigger       text NOT NULL,                  -- schedule | manual | approval
  status        text NOT NULL,                  -- running | succeeded | held | failed | interrupted
  node          text,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  -- Objects seen, created, updated, deactivated, deleted; membership changes; source calls.
  counts        jsonb NOT NULL DEFAULT '{}',
  error_code    text,                           -- invalid_credentials | source_error | apply_error
  error         text,
  -- A run held by the safety threshold: how much it would have removed, and a sample of whom.
  held          jsonb,
  approved_at   timestamptz,
  -- Run ids sort by start time: the primary key also serves "newest runs first".
  PRIMARY KEY (directory_id, id)
);
