-- The management API: roles, group-to-role assignments per directory, attribute mappings,
-- portal links. A user's roles are never stored: they are derived at read time from the
-- user's groups (nested ones included), so they follow every membership change.

-- The environment's roles. Permissions are plain names ("users:read").
CREATE TABLE roles (
  name          text PRIMARY KEY,
  id            text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  description   text,
  permissions   text[] NOT NULL DEFAULT '{}',
  -- The role of users who are in no group mapped to a role.
  is_default    boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX roles_one_default ON roles (is_default) WHERE is_default;

-- Which directory groups grant which roles. A group deleted by the IdP takes its assignments
-- with it; a role still assigned somewhere cannot be deleted.
CREATE TABLE directory_role_assignments (
  directory_id  text NOT NULL,
  group_id      text NOT NULL,
  role_name     text NOT NULL REFERENCES roles (name),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (directory_id, group_id, role_name),
  FOREIGN KEY (directory_id, group_id) REFERENCES directory_groups (directory_id, id) ON DELETE CASCADE
);

-- [{key, map_to}]: a SCIM attribute path mapped to a field of the management user. Applied
-- when users are read, so a new mapping applies to users already stored.
ALTER TABLE directories ADD COLUMN attribute_mappings jsonb NOT NULL DEFAULT '[]';

-- Links that open the admin portal for one organization. The token is shown once, in the
-- link's location, and stored only as SHA-256.
CREATE TABLE portal_links (
  organization_id  text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id               text NOT NULL,
  token_hash       text NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id)
);
CREATE INDEX portal_links_expiry ON portal_links (organization_id, expires_at);

-- The request log is written in batches a second after its requests (activity-recorder.ts),
-- outside any change's transaction: a directory deleted in between must not make the batch
-- fail (and on the embedded store a foreign-key violation drops the connection). Deleting a
-- directory deletes its log lines itself (directories.ts); any that arrive later are orphans
-- the retention sweep removes with the rest.
ALTER TABLE scim_request_log DROP CONSTRAINT scim_request_log_directory_id_fkey;
