import type { FastifyRequest } from 'fastify';
import { ApiError } from '../directory/api-error.js';
import { resolveDashboardSession, type DashboardSession } from '../directory/access/dashboard-sessions.js';
import { resolvePortalSession, type PortalSession } from '../directory/access/portal-sessions.js';
import type { Services } from '../directory/services.js';
import { constantTimeEqual } from '../secrets.js';
import { readCookie } from './web-cookies.js';

// Cookie authentication of the web UI. The dashboard's cookie opens the management API (through
// the hook `dashboardSessionAccepted`, called from management-auth.ts) and the dashboard's own
// routes; the portal's cookie opens only /api/v1/portal/..., scoped to its organization.
// Writes made with a cookie must carry the session's CSRF token in the X-Roster-CSRF header.

export const DASHBOARD_COOKIE = 'roster_dashboard';
export const PORTAL_COOKIE = 'roster_portal';
export const CSRF_HEADER = 'x-roster-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const dashboardSessions = new WeakMap<FastifyRequest, DashboardSession>();
const portalSessions = new WeakMap<FastifyRequest, PortalSession>();

function checkCsrf(request: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !constantTimeEqual(sent, expected)) {
    throw new ApiError(403, 'csrf_failed', `Writes made with a session cookie need the session's CSRF token in the ${CSRF_HEADER} header`);
  }
}

/**
 * For the management API's auth hook: true when the request has no Authorization header and
 * carries a live dashboard session cookie (and, for a write, its CSRF token). A request with a
 * bearer token is left to the bearer check.
 */
export async function dashboardSessionAccepted(services: Services, request: FastifyRequest): Promise<boolean> {
  if (request.headers.authorization !== undefined) return false;
  const token = readCookie(request, DASHBOARD_COOKIE);
  if (!token) return false;
  const session = await resolveDashboardSession(services, token);
  if (!session) return false;
  checkCsrf(request, session.csrfToken);
  dashboardSessions.set(request, session);
  return true;
}

/** A preHandler for the dashboard's own routes. */
export function requireDashboardSession(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = readCookie(request, DASHBOARD_COOKIE);
    const session = token ? await resolveDashboardSession(services, token) : undefined;
    if (!session) throw new ApiError(401, 'unauthenticated', 'Sign in to the dashboard first');
    checkCsrf(request, session.csrfToken);
    dashboardSessions.set(request, session);
  };
}

/** A preHandler for /api/v1/portal/...: a live portal session, its link not revoked. */
export function requirePortalSession(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = readCookie(request, PORTAL_COOKIE);
    const session = token ? await resolvePortalSession(services, token) : undefined;
    if (!session) throw new ApiError(401, 'session_expired', 'The portal session has ended; open the portal link again or ask for a new one');
    checkCsrf(request, session.csrfToken);
    portalSessions.set(request, session);
  };
}

export function dashboardSessionOf(request: FastifyRequest): DashboardSession {
  const session = dashboardSessions.get(request);
  if (!session) throw new ApiError(401, 'unauthenticated', 'Sign in to the dashboard first');
  return session;
}

export function portalSessionOf(request: FastifyRequest): PortalSession {
  const session = portalSessions.get(request);
  if (!session) throw new ApiError(401, 'session_expired', 'The portal session has ended');
  return session;
}
