import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allAllowedOrigins, originsFromEnvironment } from '../../directory/access/allowed-origins.js';
import type { Services } from '../../directory/services.js';
import { loadWebConfig, type WebConfig } from '../../directory/access/web-config.js';
import { WEB_DIST_DIRECTORY } from '../../web-build.js';
import { messagePage } from '../web-pages.js';

// Serves the web UI built by Vite (packages/web/dist): the dashboard at /dashboard/*, the admin
// portal at /portal/* (each a single-page app: unknown paths get its page), their assets at
// /web/* (those under /web/assets/ are content-hashed, so cached for a year). The portal may be framed by the
// environment's allowed origins (CSP frame-ancestors); every other page refuses to be framed.

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export type WebPage = 'dashboard' | 'portal';

/** The origins that may frame the portal, for its CSP and its postMessage targets. */
export async function portalFrameAncestors(services: Services, config: WebConfig): Promise<string[]> {
  return allAllowedOrigins(services, originsFromEnvironment(config.ROSTER_PORTAL_ALLOWED_ORIGINS));
}

function contentSecurityPolicy(frameAncestors: string, options: { inlineStyles?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Security headers of an HTML page; `page` decides who may frame it. */
export async function setPageHeaders(reply: FastifyReply, services: Services, config: WebConfig, page: WebPage | 'message', inlineStyles = false): Promise<void> {
  let ancestors = "'none'";
  if (page === 'portal' || page === 'message') {
    const origins = await portalFrameAncestors(services, config);
    ancestors = ["'self'", ...origins].join(' ');
  } else {
    // Older browsers know only X-Frame-Options; it cannot list origins, so the portal does without it.
    reply.header('x-frame-options', 'DENY');
  }
  reply.header('content-security-policy', contentSecurityPolicy(ancestors, { inlineStyles }));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cache-control', 'no-store');
}

export async function sendMessagePage(reply: FastifyReply, services: Services, config: WebConfig, status: number, title: string, paragraphs: string[]): Promise<FastifyReply> {
  await setPageHeaders(reply, services, config, 'message', true);
  return reply.status(status).type('text/html; charset=utf-8').send(messagePage(title, paragraphs));
}

export async function sendAppPage(reply: FastifyReply, services: Services, config: WebConfig, page: WebPage): Promise<FastifyReply> {
  let html: string;
  try {
    html = await readFile(join(WEB_DIST_DIRECTORY, `${page}.html`), 'utf8');
  } catch {
    return sendMessagePage(reply, services, config, 503, 'The web UI is not built', [
      'Roster serves its APIs, but the dashboard and portal have not been built on this server.',
      'Run `npm run build -w @roster/web` (or start Roster with `npm start`, which builds it) and reload.',
    ]);
  }
  await setPageHeaders(reply, services, config, page);
  return reply.type('text/html; charset=utf-8').send(html);
}

async function sendAsset(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const requested = (request.params as { '*': string })['*'] ?? '';
  const path = normalize(join(WEB_DIST_DIRECTORY, requested));
  // Only files of the build, never the pages themselves (they need their headers) nor dotfiles.
  if (!path.startsWith(WEB_DIST_DIRECTORY + sep) || path.endsWith('.html') || /(^|[\\/])\./.test(requested)) {
    return reply.status(404).type('text/plain').send('Not found');
  }
  try {
    const body = await readFile(path);
    const hashed = path.startsWith(join(WEB_DIST_DIRECTORY, 'assets') + sep);
    reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    reply.header('x-content-type-options', 'nosniff');
    return reply.type(TYPES[extname(path)] ?? 'application/octet-stream').send(body);
  } catch {
    return reply.status(404).type('text/plain').send('Not found');
  }
}

export function webAppRoutes(app: FastifyInstance, services: Services, config: WebConfig = loadWebConfig()): void {
  app.get('/', async (_request, reply) => reply.redirect('/dashboard/', 302));
  app.get('/web/*', sendAsset);
  app.get('/dashboard', async (_request, reply) => sendAppPage(reply, services, config, 'dashboard'));
  app.get('/dashboard/*', async (_request, reply) => sendAppPage(reply, services, config, 'dashboard'));
  // GET /portal itself (opening a link) is portal-session.ts.
  app.get('/portal/*', async (_request, reply) => sendAppPage(reply, services, config, 'portal'));
}
