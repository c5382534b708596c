import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { openPortalLink } from '../../directory/access/portal-sessions.js';
import type { Services } from '../../directory/services.js';
import { loadWebConfig, type WebConfig } from '../../directory/access/web-config.js';
import { isSecureContext, setCookie } from '../web-cookies.js';
import { PORTAL_COOKIE } from '../web-session-auth.js';
import { sendAppPage, sendMessagePage } from './web-app.js';

// Opening a portal link: GET /portal?token=rpl_... exchanges the link's token for a portal
// session cookie scoped to the link's organization and redirects to /portal/ (so the token
// leaves the address bar and the history). The cookie is SameSite=None and Partitioned where
// the browser allows Secure cookies, so the portal also works inside the app's iframe.
// A link that is expired, revoked or altered gets a page that says so, with a 4xx status.

export function portalSessionRoutes(app: FastifyInstance, services: Services, config: WebConfig = loadWebConfig()): void {
  app.get('/portal', async (request, reply) => {
    // Anything but one token (none, or a repeated parameter) shows the portal itself.
    const token = z.object({ token: z.string() }).safeParse(request.query).data?.token;
    if (token === undefined) return sendAppPage(reply, services, config, 'portal');

    const opening = await openPortalLink(services, token, config.ROSTER_PORTAL_SESSION_MINUTES);
    if (opening.outcome === 'expired') {
      return sendMessagePage(reply, services, config, 410, 'This link has expired', [
        `Admin portal links work for a limited time; this one expired on ${opening.expiredAt.toUTCString()}.`,
        'Ask the application’s team (or open the portal again from the application) for a new link.',
      ]);
    }
    if (opening.outcome === 'invalid') {
      return sendMessagePage(reply, services, config, 404, 'This link is not valid', [
        'The link may have been revoked, replaced by a newer one, or copied incompletely.',
        'Ask the application’s team (or open the portal again from the application) for a new link.',
      ]);
    }
    const secure = isSecureContext(request);
    setCookie(reply, PORTAL_COOKIE, opening.token, {
      maxAgeSeconds: (opening.session.expiresAt.getTime() - Date.now()) / 1000,
      sameSite: secure ? 'None' : 'Lax',
      secure,
      partitioned: true,
    });
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return reply.redirect('/portal/', 303);
  });
}
