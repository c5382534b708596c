import { newId } from '../../ids.js';
import { hashSecret } from '../../secrets.js';
import { deleteWebSession, findDashboardSession, insertDashboardSession } from '../../store/web-sessions.js';
import type { Services } from '../services.js';
import { csrfTokenFor, newSessionToken } from './web-session-tokens.js';

export interface DashboardSession {
  id: string;
  adminId: string;
  email: string;
  expiresAt: Date;
  csrfToken: string;
}

export interface StartedSession {
  token: string;
  session: DashboardSession;
}

export async function startDashboardSession(services: Services, admin: { id: string; email: string }, hours: number): Promise<StartedSession> {
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  const id = newId('wses');
  await insertDashboardSession(services.db.pool, { id, tokenHash, adminId: admin.id, expiresAt });
  return { token, session: { id, adminId: admin.id, email: admin.email, expiresAt, csrfToken: csrfTokenFor(token) } };
}

/** The live session a dashboard cookie holds, or undefined (unknown, expired, signed out, or its administrator removed). */
export async function resolveDashboardSession(services: Services, token: string): Promise<DashboardSession | undefined> {
  const row = await findDashboardSession(services.db.pool, hashSecret(token));
  if (!row) return undefined;
  return { id: row.id, adminId: row.admin_id, email: row.email, expiresAt: row.expires_at, csrfToken: csrfTokenFor(token) };
}

export async function endWebSession(services: Services, token: string): Promise<void> {
  await deleteWebSession(services.db.pool, hashSecret(token));
}
