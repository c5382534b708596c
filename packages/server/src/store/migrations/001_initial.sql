-- Roster's initial schema. Every tenant-owned table leads with directory_id (or
-- organization_id) in its primary key and in every index, so the schema can be
-- distributed by that column when one PostgreSQL is outgrown.

CREATE TABLE environment (
  id          text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_clients (
  id           text PRIMARY KEY,               -- the client_id
  name         text NOT NULL,
  secret_hash  text NOT NULL,                  -- SHA-256 hex of the secret
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE access_tokens (
  token_hash   text PRIMARY KEY,               -- SHA-256 hex of the bearer token
  client_id    text NOT NULL REFERENCES api_clients(id) ON DELETE CASCADE,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX access_tokens_expiry ON access_tokens (expires_at);

CREATE TABLE organizations (
  id            text PRIMARY KEY,
  display_name  text NOT NULL,
  external_id   text,
  features      jsonb NOT NULL DEFAULT '[]',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_external_id ON organizations (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE directories (
  id                  text PRIMARY KEY,
  organization_id     text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name                text NOT NULL,
  directory_type      text NOT NULL,
  directory_provider  text NOT NULL,
  enabled             boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  -- Written at most every few seconds by a throttled writer, never in a SCIM
  -- write transaction: a per-request update here would serialize every write
  -- to the directory behind this row's lock (docs/performance.md, "a hot row").
  last_request_at     timestamptz
);
CREATE INDEX directories_organization ON directories (organization_id, id);

CREATE TABLE directory_secrets (
  id             text PRIMARY KEY,
  directory_id   text NOT NULL REFERENCES directories(id) ON DELETE CASCADE,
  secret_hash    text NOT NULL UNIQUE,          -- SHA-256 hex of the bearer token
  secret_suffix  text NOT NULL,
  status         text NOT NULL DEFAULT 'ACTIVE',  -- ACTIVE | REVOKED
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz,
  last_used_at   timestamptz
);
CREATE INDEX directory_secrets_directory ON directory_secrets (directory_id, created_at);

-- Users: normalized columns for filters and sorting, the full SCIM resource as jsonb.
CREATE TABLE directory_users (
  directory_id   text NOT NULL REFERENCES directories(id) ON DELETE CASCADE,
  id             text NOT NULL,
  user_name      text NOT NULL,
  external_id    text,
  display_name   text,
  given_name     text,
  family_name    text,
  primary_email  text,
  emails         text[] NOT NULL DEFAULT '{}',  -- every emails[].value, lower-cased
  active         boolean NOT NULL DEFAULT true,
  resource       jsonb NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (directory_id, id)
);
CREATE UNIQUE INDEX directory_users_user_name ON directory_users (directory_id, lower(user_name));
CREATE INDEX directory_users_external_id ON directory_users (directory_id, lower(external_id));
CREATE INDEX directory_users_display_name ON directory_users (directory_id, lower(display_name));
CREATE INDEX directory_users_primary_email ON directory_users (directory_id, lower(primary_email));
CREATE INDEX directory_users_emails ON directory_users USING gin (emails);
CREATE INDEX directory_users_updated ON directory_users (directory_id, updated_at, id);

CREATE TABLE directory_groups (
  directory_id   text NOT NULL REFERENCES directories(id) ON DELETE CASCADE,
  id             text NOT NULL,
  display_name   text NOT NULL,
  external_id    text,
  resource       jsonb NOT NULL,                -- never holds members: they are rows
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (directory_id, id)
);
CREATE INDEX directory_groups_display_name ON directory_groups (directory_id, lower(display_name));
CREATE INDEX directory_groups_external_id ON directory_groups (directory_id, lower(external_id));
CREATE INDEX directory_groups_updated ON directory_groups (directory_id, updated_at, id);

-- Memberships are rows: adding k members to a group of any size touches k rows.
CREATE TABLE group_members (
  directory_id  text NOT NULL,
  group_id      text NOT NULL,
  member_id     text NOT NULL,
  member_type   text NOT NULL,                  -- User | Group
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (directory_id, group_id, member_id),
  FOREIGN KEY (directory_id, group_id) REFERENCES directory_groups (directory_id, id) ON DELETE CASCADE
);
CREATE INDEX group_members_member ON group_members (directory_id, member_id);

-- Counts spread over shards, so concurrent writers to one directory never wait on
-- one counter row; a count is the sum of at most 16 rows.
CREATE TABLE directory_counters (
  directory_id  text NOT NULL REFERENCES directories(id) ON DELETE CASCADE,
  shard         smallint NOT NULL,
  users         bigint NOT NULL DEFAULT 0,
  groups        bigint NOT NULL DEFAULT 0,
  user_updated_at   timestamptz,
  group_updated_at  timestamptz,
  PRIMARY KEY (directory_id, shard)
);

-- The outbox: each change's events are written in the change's transaction.
CREATE TABLE events (
  id               text PRIMARY KEY,
  type             text NOT NULL,
  organization_id  text,
  directory_id     text,
  object           text NOT NULL,
  data             jsonb NOT NULL,
  occurred_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_directory ON events (directory_id, id);

CREATE TABLE scim_request_log (
  directory_id   text NOT NULL REFERENCES directories(id) ON DELETE CASCADE,
  id             text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  method         text NOT NULL,
  path           text NOT NULL,
  status         integer NOT NULL,
  duration_ms    real NOT NULL,
  user_agent     text,
  request_body   jsonb,
  response_body  jsonb,
  PRIMARY KEY (directory_id, id)
);
CREATE INDEX scim_request_log_created ON scim_request_log (created_at);
