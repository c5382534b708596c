import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createAdminAccount, deleteAdminAccount, ensureBootstrapAdmin, hasAdminAccounts, listAdminAccounts, verifyAdminLogin } from '../../directory/access/admin-accounts.js';
import { ApiError } from '../../directory/api-error.js';
import { endWebSession, startDashboardSession, type DashboardSession } from '../../directory/access/dashboard-sessions.js';
import type { Services } from '../../directory/services.js';
import { loadWebConfig, type WebConfig } from '../../directory/access/web-config.js';
import { parseInput } from '../parse-body.js';
import type { Metrics } from '../metrics.js';
import { SignInThrottle } from '../sign-in-throttle.js';
import { clearCookie, isSecureContext, readCookie, setCookie } from '../web-cookies.js';
import { DASHBOARD_COOKIE, dashboardSessionOf, requireDashboardSession } from '../web-session-auth.js';

// Dashboard sign-in: administrator accounts with scrypt passwords, an HttpOnly SameSite=Strict
// session cookie that expires, and sign-in attempts limited per client address, per email,
// overall and in password hashes at once (sign-in-throttle.ts). The client address is the
// socket's peer unless that peer is one of ROSTER_TRUSTED_PROXIES.
// These routes are the web UI's, not the management API's: they stay out of the OpenAPI document.

const loginBody = z.object({ email: z.string().trim().min(1, 'is required').max(320), password: z.string().min(1, 'is required').max(1024) });
const adminBody = z.object({ email: z.string().trim().min(1, 'is required').max(320), password: z.string().max(1024) });

export function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export function sessionBody(session: DashboardSession) {
  return { admin: { id: session.adminId, email: session.email }, csrf_token: session.csrfToken, expire_time: session.expiresAt.toISOString() };
}

export function cookieOptions(request: FastifyRequest) {
  return { sameSite: 'Strict' as const, secure: isSecureContext(request) };
}

export function limited(reply: FastifyReply, seconds: number, what = 'sign-in attempts'): never {
  reply.header('retry-after', String(seconds));
  throw new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${seconds} seconds`, { retry_after_seconds: seconds });
}

export function dashboardAuthRoutes(app: FastifyInstance, services: Services, metrics: Metrics, config: WebConfig = loadWebConfig()): void {
  const throttle = new SignInThrottle();

  app.addHook('onReady', async () => {
    const created = await ensureBootstrapAdmin(services, config);
    if (created) app.log.info({ email: created.email }, 'created the dashboard administrator from ROSTER_ADMIN_EMAIL');
  });

  app.get('/api/v1/dashboard/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const ok = await requireDashboardSession(services)(request).then(
      () => true,
      () => false,
    );
    if (!ok) throw new ApiError(401, 'unauthenticated', 'Not signed in', { admins_exist: await hasAdminAccounts(services) });
    return sessionBody(dashboardSessionOf(request));
  });

  app.post('/api/v1/dashboard/session', async (request, reply) => {
    // Login CSRF: a browser says where a form or fetch came from; another site may not sign anyone in.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null' && hostOf(origin) !== request.host) throw new ApiError(403, 'csrf_failed', 'Sign in from the dashboard itself');
    const body = parseInput(loginBody, request.body);
    const admission = await throttle.admit(request.ip, body.email.toLowerCase());
    if (!admission.admitted) {
      metrics.signIns.inc({ outcome: admission.reason });
      limited(reply, admission.retryAfterSeconds);
    }
    const admin = await verifyAdminLogin(services, body.email, body.password).finally(admission.release);
    metrics.signIns.inc({ outcome: admin ? 'signed_in' : 'invalid_credentials' });
    if (!admin) throw new ApiError(401, 'invalid_credentials', 'The email or password is not right');
    const { token, session } = await startDashboardSession(services, admin, config.ROSTER_DASHBOARD_SESSION_HOURS);
    setCookie(reply, DASHBOARD_COOKIE, token, { ...cookieOptions(request), maxAgeSeconds: config.ROSTER_DASHBOARD_SESSION_HOURS * 3600 });
    reply.header('cache-control', 'no-store');
    return sessionBody(session);
  });

  app.delete('/api/v1/dashboard/session', async (request, reply) => {
    const token = readCookie(request, DASHBOARD_COOKIE);
    if (token) await endWebSession(services, token);
    clearCookie(reply, DASHBOARD_COOKIE, cookieOptions(request));
    return reply.status(204).send();
  });

  app.register(async (authenticated) => {
    authenticated.addHook('preHandler', requireDashboardSession(services));

    authenticated.get('/api/v1/dashboard/admins', async () => ({
      admins: (await listAdminAccounts(services)).map((admin) => ({
        id: admin.id,
        email: admin.email,
        create_time: admin.created_at.toISOString(),
        last_login_time: admin.last_login_at?.toISOString() ?? null,
      })),
    }));

    authenticated.post('/api/v1/dashboard/admins', async (request, reply) => {
      const body = parseInput(adminBody, request.body);
      const admin = await createAdminAccount(services, body.email, body.password);
      request.log.info({ admin_id: admin.id, email: admin.email, by: dashboardSessionOf(request).adminId }, 'created a dashboard administrator');
      reply.status(201);
      return { admin: { id: admin.id, email: admin.email, create_time: admin.created_at.toISOString(), last_login_time: null } };
    });

    authenticated.delete('/api/v1/dashboard/admins/:admin_id', async (request, reply) => {
      const { admin_id: adminId } = parseInput(z.object({ admin_id: z.string().min(1).max(200) }), request.params);
      if (adminId === dashboardSessionOf(request).adminId) throw new ApiError(409, 'failed_precondition', 'You cannot remove your own account while signed in with it');
      await deleteAdminAccount(services, adminId);
      return reply.status(204).send();
    });
  });
}
