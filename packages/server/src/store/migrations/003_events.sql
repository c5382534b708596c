-- Events in commit order, webhook endpoints, and their deliveries.

-- Ordering. Concurrent transactions commit out of order, so neither `id` nor a sequence is a
-- commit order: a reader paging past an event could later miss one that a transaction which
-- started earlier commits afterwards. Each event records the id of the transaction that
-- wrote it; readers only serve events whose transaction is older than the oldest one of this
-- database still running (store/events.ts, settledHorizon), so every later commit lands after
-- the reader's cursor. Position = (txid, seq): transaction, then order within it.
ALTER TABLE events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE events ADD COLUMN seq bigserial;
DROP INDEX events_directory;
CREATE INDEX events_position ON events (txid, seq);
CREATE INDEX events_directory_position ON events (directory_id, txid, seq);

-- Positions the log keeps: how far webhook fan-out has read ('fanout') and the last event
-- retention deleted ('pruned'; a cursor before it gets 410). One row each, locked by the
-- one process that advances it (FOR UPDATE SKIP LOCKED).
CREATE TABLE event_log_state (
  name        text PRIMARY KEY,
  txid        xid8 NOT NULL,
  seq         bigint NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO event_log_state (name, txid, seq) VALUES ('fanout', '0', 0), ('pruned', '0', 0);

-- A directory may treat deactivation (active: false) as deletion: its users' events then say
-- user_deleted when they are deactivated and user_created when they come back.
ALTER TABLE directories ADD COLUMN deactivation_as_deletion boolean NOT NULL DEFAULT false;

CREATE TABLE webhook_endpoints (
  id               text PRIMARY KEY,
  url              text NOT NULL,
  description      text NOT NULL DEFAULT '',
  enabled          boolean NOT NULL DEFAULT true,
  disabled_reason  text,                         -- manual | failing
  event_types      text[] NOT NULL DEFAULT '{}', -- empty: every type
  organization_id  text REFERENCES organizations(id) ON DELETE CASCADE,
  failing_since    timestamptz,                  -- first failure since the last success
  last_success_at  timestamptz,
  last_failure_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Signing secrets are kept as they are (HMAC needs the key). After a rotation the previous
-- one stays valid until expires_at, and deliveries are signed with both.
CREATE TABLE webhook_endpoint_secrets (
  endpoint_id  text NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  id           text NOT NULL,
  secret       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  PRIMARY KEY (endpoint_id, id)
);

-- One row per (endpoint, event). `next_attempt_at` doubles as the lease: a claim pushes it
-- past the attempt's timeout, so a crashed worker's deliveries come due again by themselves.
-- Event ids sort by time, so retention deletes a key range of each endpoint.
CREATE TABLE webhook_deliveries (
  endpoint_id        text NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id           text NOT NULL,
  status             text NOT NULL DEFAULT 'pending',  -- pending | succeeded | dead
  attempts           integer NOT NULL DEFAULT 0,
  next_attempt_at    timestamptz NOT NULL DEFAULT now(),
  window_started_at  timestamptz NOT NULL DEFAULT now(),  -- retries stop a retry window after this
  last_attempt_at    timestamptz,
  last_status        integer,
  last_error         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  completed_at       timestamptz,
  PRIMARY KEY (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, next_attempt_at, event_id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (endpoint_id, event_id) WHERE status = 'dead';

CREATE TABLE webhook_attempts (
  endpoint_id       text NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id          text NOT NULL,
  attempt           integer NOT NULL,
  attempted_at      timestamptz NOT NULL,
  status_code       integer,
  latency_ms        integer NOT NULL,
  error             text,
  response_excerpt  text,
  PRIMARY KEY (endpoint_id, event_id, attempt)
);
