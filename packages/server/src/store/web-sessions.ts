import type { Queryable } from './database.js';

// Cookie sessions of the dashboard and the admin portal (migration 004_web.sql).

export interface DashboardSessionRow {
  id: string;
  admin_id: string;
  email: string;
  created_at: Date;
  expires_at: Date;
}

export interface PortalSessionRow {
  id: string;
  organization_id: string;
  portal_link_id: string;
  created_at: Date;
  expires_at: Date;
}

export async function insertDashboardSession(db: Queryable, session: { id: string; tokenHash: string; adminId: string; expiresAt: Date }): Promise<void> {
  // Expired sessions are swept as new ones are made: the table holds only live sessions and a few dead ones.
  await db.query('DELETE FROM web_sessions WHERE expires_at <= now()');
  await db.query("INSERT INTO web_sessions (token_hash, id, kind, admin_id, expires_at) VALUES ($1, $2, 'dashboard', $3, $4)", [
    session.tokenHash,
    session.id,
    session.adminId,
    session.expiresAt,
  ]);
}

export async function insertPortalSession(
  db: Queryable,
  session: { id: string; tokenHash: string; organizationId: string; portalLinkId: string; expiresAt: Date },
): Promise<void> {
  await db.query('DELETE FROM web_sessions WHERE expires_at <= now()');
  await db.query(
    "INSERT INTO web_sessions (token_hash, id, kind, organization_id, portal_link_id, expires_at) VALUES ($1, $2, 'portal', $3, $4, $5)",
    [session.tokenHash, session.id, session.organizationId, session.portalLinkId, session.expiresAt],
  );
}

/** The live dashboard session with this token hash, with its administrator's email. */
export async function findDashboardSession(db: Queryable, tokenHash: string): Promise<DashboardSessionRow | undefined> {
  const result = await db.query<DashboardSessionRow>(
    `SELECT s.id, s.admin_id, a.email, s.created_at, s.expires_at
       FROM web_sessions s JOIN admin_accounts a ON a.id = s.admin_id
      WHERE s.token_hash = $1 AND s.kind = 'dashboard' AND s.expires_at > now()`,
    [tokenHash],
  );
  return result.rows[0];
}

/** The live portal session with this token hash, while the link it came from is still there (not revoked). */
export async function findPortalSession(db: Queryable, tokenHash: string): Promise<PortalSessionRow | undefined> {
  const result = await db.query<PortalSessionRow>(
    `SELECT s.id, s.organization_id, s.portal_link_id, s.created_at, s.expires_at
       FROM web_sessions s JOIN portal_links l ON l.organization_id = s.organization_id AND l.id = s.portal_link_id
      WHERE s.token_hash = $1 AND s.kind = 'portal' AND s.expires_at > now()`,
    [tokenHash],
  );
  return result.rows[0];
}

export async function deleteWebSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM web_sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteAdminSessions(db: Queryable, adminId: string): Promise<void> {
  await db.query("DELETE FROM web_sessions WHERE kind = 'dashboard' AND admin_id = $1", [adminId]);
}

export interface PortalLinkState {
  organization_id: string;
  id: string;
  expires_at: Date;
}

/** The portal link with this token hash whether or not it expired, to tell "expired" from "unknown or revoked". */
export async function findPortalLinkState(db: Queryable, tokenHash: string): Promise<PortalLinkState | undefined> {
  const result = await db.query<PortalLinkState>('SELECT organization_id, id, expires_at FROM portal_links WHERE token_hash = $1', [tokenHash]);
  return result.rows[0];
}
