import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../directory/api-error.js';
import { startDashboardSession } from '../../directory/access/dashboard-sessions.js';
import { createFirstAdmin } from '../../directory/access/first-run-setup.js';
import type { Services } from '../../directory/services.js';
import { loadWebConfig, type WebConfig } from '../../directory/access/web-config.js';
import { parseInput } from '../parse-body.js';
import { RateLimiter } from '../rate-limiter.js';
import { setCookie } from '../web-cookies.js';
import { DASHBOARD_COOKIE } from '../web-session-auth.js';
import { cookieOptions, hostOf, limited, sessionBody } from './dashboard-auth.js';

// First-run setup (directory/access/first-run-setup.ts): POST /api/v1/dashboard/setup with the setup
// code Roster printed at start, an email and a password creates the first administrator and
// signs them in. Guesses are rate-limited per client address and in total (addresses can be
// forged where proxies are trusted), although a 100-bit code is not guessed anyway.
// A web UI route, not part of the management API's OpenAPI document.

const setupBody = z.object({
  setup_code: z.string().trim().min(1, 'is required').max(100),
  email: z.string().trim().min(1, 'is required').max(320),
  password: z.string().max(1024),
});

/** 5 attempts at once from one address, then one every 12 seconds. */
const perAddress = () => new RateLimiter(5 / 60, 5);
/** 20 attempts at once from everyone together, then one every 3 seconds. */
const overall = () => new RateLimiter(1 / 3, 20);

export function dashboardSetupRoutes(app: FastifyInstance, services: Services, config: WebConfig = loadWebConfig()): void {
  const addresses = perAddress();
  const everyone = overall();

  app.post('/api/v1/dashboard/setup', async (request, reply) => {
    // As for sign-in: another site may not make a browser create an administrator.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null' && hostOf(origin) !== request.host) throw new ApiError(403, 'csrf_failed', 'Set Roster up from its dashboard itself');
    const wait = Math.max(addresses.take(request.ip), everyone.take('all'));
    if (wait > 0) limited(reply, wait, 'setup attempts');
    const body = parseInput(setupBody, request.body);
    const admin = await createFirstAdmin(services.db, body.setup_code, body.email, body.password);
    request.log.info({ admin_id: admin.id, email: admin.email }, 'created the first dashboard administrator with the setup code');
    const { token, session } = await startDashboardSession(services, admin, config.ROSTER_DASHBOARD_SESSION_HOURS);
    setCookie(reply, DASHBOARD_COOKIE, token, { ...cookieOptions(request), maxAgeSeconds: config.ROSTER_DASHBOARD_SESSION_HOURS * 3600 });
    reply.header('cache-control', 'no-store');
    reply.status(201);
    return sessionBody(session);
  });
}
