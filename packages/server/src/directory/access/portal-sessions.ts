import { newId } from '../../ids.js';
import { hashSecret } from '../../secrets.js';
import { findPortalLinkState, findPortalSession, insertPortalSession } from '../../store/web-sessions.js';
import { getOrganization } from '../management/organizations.js';
import type { Services } from '../services.js';
import { csrfTokenFor, newSessionToken } from './web-session-tokens.js';

// The admin portal: a customer's IT admin opens a portal link (directory/access/portal-links.ts) and
// gets a cookie session scoped to that one organization. The session ends at the link's expiry
// at the latest, and at once when the link is revoked.

export interface PortalSession {
  id: string;
  organizationId: string;
  expiresAt: Date;
  csrfToken: string;
}

export type PortalLinkOpening =
  | { outcome: 'opened'; token: string; session: PortalSession }
  | { outcome: 'expired'; expiredAt: Date }
  | { outcome: 'invalid' };

/** A portal link token looks like this (`rpl_` and 43 base64url characters); anything else is not worth a lookup. */
const LINK_TOKEN = /^rpl_[A-Za-z0-9_-]{43}$/;

/** Exchanges a portal link's token for a session; says why when it cannot (expired, or unknown / revoked / altered). */
export async function openPortalLink(services: Services, linkToken: string, maxMinutes: number): Promise<PortalLinkOpening> {
  if (!LINK_TOKEN.test(linkToken)) return { outcome: 'invalid' };
  const link = await findPortalLinkState(services.db.pool, hashSecret(linkToken));
  if (!link) return { outcome: 'invalid' };
  if (link.expires_at.getTime() <= Date.now()) return { outcome: 'expired', expiredAt: link.expires_at };
  await getOrganization(services, link.organization_id);
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(Math.min(link.expires_at.getTime(), Date.now() + maxMinutes * 60_000));
  const id = newId('wses');
  await insertPortalSession(services.db.pool, { id, tokenHash, organizationId: link.organization_id, portalLinkId: link.id, expiresAt });
  return { outcome: 'opened', token, session: { id, organizationId: link.organization_id, expiresAt, csrfToken: csrfTokenFor(token) } };
}

/** The live session a portal cookie holds, or undefined (unknown, expired, or its link revoked). */
export async function resolvePortalSession(services: Services, token: string): Promise<PortalSession | undefined> {
  const row = await findPortalSession(services.db.pool, hashSecret(token));
  if (!row) return undefined;
  return { id: row.id, organizationId: row.organization_id, expiresAt: row.expires_at, csrfToken: csrfTokenFor(token) };
}
