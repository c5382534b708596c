import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminAccount } from '../../../server/src/directory/access/admin-accounts.js';
import { ensureWebBuild } from '../../../server/src/web-build.js';
import { http } from '../../../server/test/support/api-client.js';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';

// A real Roster for the browser tests: the web UI built if needed, an administrator, and a
// management API client with a token.

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'correct-horse-battery-staple';

export interface Roster {
  server: TestServer;
  baseUrl: string;
  token: string;
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A real Roster; with `admin: false` it has no administrator yet (first-run setup). */
export async function startRoster(env: Record<string, string> = {}, options: { admin?: boolean } = {}): Promise<Roster> {
  const built = await ensureWebBuild({ info: () => undefined, warn: (message) => process.stderr.write(`${message}\n`) });
  if (built !== 'fresh') throw new Error(`the web UI could not be built (${built})`);
  const store = process.env.ROSTER_TEST_STORE === 'postgres' ? 'postgres' : 'embedded';
  const server = await startTestServer({ store, env });
  if (options.admin !== false) await createAdminAccount(server.server.services, ADMIN_EMAIL, ADMIN_PASSWORD);
  const tokenResponse = await http<{ access_token: string }>('POST', `${server.baseUrl}/oauth/token`, {
    body: { grant_type: 'client_credentials', client_id: server.clientId, client_secret: server.clientSecret },
    headers: { 'content-type': 'application/json' },
  });
  const token = tokenResponse.body.access_token;
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await http<T>(method, `${server.baseUrl}${path}`, { token, ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  return { server, baseUrl: server.baseUrl, token, api, close: () => server.close() };
}

/**
 * Fails with instructions when the management API does not yet accept dashboard session cookies
 * (the hook of http/web-session-auth.ts, called from http/management-auth.ts).
 */
export async function requireDashboardHook(roster: Roster): Promise<void> {
  const login = await fetch(`${roster.baseUrl}/api/v1/dashboard/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const probe = await fetch(`${roster.baseUrl}/api/v1/organizations?page_size=1`, { headers: { cookie } });
  await fetch(`${roster.baseUrl}/api/v1/dashboard/session`, { method: 'DELETE', headers: { cookie } });
  if (probe.status === 401) {
    throw new Error(
      'The management API refuses dashboard sessions: requireAccessToken (packages/server/src/http/management-auth.ts) must start with ' +
        '`if (await dashboardSessionAccepted(services, request)) return;` (from ./web-session-auth.js)',
    );
  }
}

/** An organization with SCIM on, and a portal link for it. */
export async function organizationWithPortalLink(roster: Roster, name = 'Acme Corp', expireTime?: string) {
  const { organization } = await roster.api<{ organization: { id: string } }>('POST', '/api/v1/organizations', { display_name: name });
  await roster.api('PATCH', `/api/v1/organizations/${organization.id}/settings`, { features: [{ name: 'scim', enabled: true }] });
  const { link } = await roster.api<{ link: { id: string; location: string } }>('PUT', `/api/v1/organizations/${organization.id}/portal_links`, expireTime ? { expire_time: expireTime } : {});
  return { organizationId: organization.id, link };
}

/** A page of the app that embeds the portal: serves `html` on localhost (another site than 127.0.0.1). */
export async function startParentSite(html: (path: string) => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(html(request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
