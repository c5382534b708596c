-- The web UI: administrator accounts of the dashboard, cookie sessions of the dashboard and of
-- the admin portal, and the origins allowed to embed the portal in an iframe.

-- People of the app's team who sign in to the dashboard. Passwords are scrypt hashes
-- (directory/password-hash.ts), never the password.
CREATE TABLE admin_accounts (
  id             text PRIMARY KEY,
  email          text NOT NULL,
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz
);
CREATE UNIQUE INDEX admin_accounts_email ON admin_accounts (lower(email));

-- Cookie sessions. The cookie holds a 256-bit token; the table holds its SHA-256. A dashboard
-- session belongs to an administrator; a portal session to one organization and the portal
-- link it was opened with, so revoking the link (deleting its row) ends its sessions at once.
CREATE TABLE web_sessions (
  token_hash       text PRIMARY KEY,
  id               text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('dashboard', 'portal')),
  admin_id         text REFERENCES admin_accounts (id) ON DELETE CASCADE,
  organization_id  text REFERENCES organizations (id) ON DELETE CASCADE,
  portal_link_id   text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  CHECK ((kind = 'dashboard' AND admin_id IS NOT NULL) OR (kind = 'portal' AND organization_id IS NOT NULL AND portal_link_id IS NOT NULL))
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
CREATE INDEX web_sessions_organization ON web_sessions (organization_id) WHERE organization_id IS NOT NULL;

-- Origins (scheme://host[:port]) of the app's pages that may frame the admin portal; they make
-- its Content-Security-Policy frame-ancestors and the targets of its postMessage events.
-- ROSTER_PORTAL_ALLOWED_ORIGINS adds origins from the environment on top of these.
CREATE TABLE portal_allowed_origins (
  origin      text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);
