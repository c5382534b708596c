import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http } from './api-client.js';
import { readEvents, type EventJson } from './events-client.js';
import type { Json } from './scim-fixtures.js';

// Helpers for the pulled-directory suites: the settings a Roster needs to reach the fake
// sources, and a management-API client for pulled directories, their runs and their events.

export const TEST_ENCRYPTION_KEY = randomBytes(32).toString('base64');

export function pulledEnv(sources: { google?: string; bamboohr?: string; googleClientId?: string; googleClientSecret?: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ROSTER_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ROSTER_SYNC_POLL_SECONDS: '1',
    ...(sources.google ? { ROSTER_GOOGLE_API_URL: sources.google, ROSTER_GOOGLE_OAUTH_URL: sources.google } : {}),
    ...(sources.googleClientId && sources.googleClientSecret ? { ROSTER_GOOGLE_CLIENT_ID: sources.googleClientId, ROSTER_GOOGLE_CLIENT_SECRET: sources.googleClientSecret } : {}),
    ...(sources.bamboohr ? { ROSTER_BAMBOOHR_API_URL: sources.bamboohr } : {}),
    ...extra,
  };
}

export interface SyncRunJson {
  id: string;
  status: string;
  start_time: string;
  finish_time: string | null;
  trigger: string;
  counts: Record<string, number>;
  error_code: string | null;
  error: string | null;
  held: (Json & { sample: Json[] }) | null;
  approve_time: string | null;
}

export interface DirectoryJson extends Json {
  id: string;
  status: string;
  source:
    | (Json & {
        status: string;
        status_message: string | null;
        last_run: SyncRunJson | null;
        syncing: boolean;
        next_sync_time: string | null;
        connection: { kind: string; service_account?: string; admin_email?: string } | null;
      })
    | null;
}

export interface UserJson {
  id: string;
  email: string | null;
  preferred_username: string;
  given_name: string | null;
  family_name: string | null;
  active: boolean;
  groups: { id: string; display_name: string }[];
  custom_attributes: Json;
}

export class PulledApi {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async connect(baseUrl: string, clientId: string, clientSecret: string): Promise<PulledApi> {
    const response = await http<{ access_token: string }>('POST', `${baseUrl}/oauth/token`, {
      body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.status, 200, response.text);
    return new PulledApi(baseUrl, response.body.access_token);
  }

  call<Body = Json>(method: string, path: string, body?: unknown) {
    return http<Body>(method, `${this.baseUrl}${path}`, { token: this.token, ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
  }

  async ok<Body = Json>(method: string, path: string, body?: unknown): Promise<Body> {
    const response = await this.call<Body>(method, path, body);
    assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${response.text}`);
    return response.body;
  }

  /** A new organization with directory sync on. */
  async organization(name = 'Acme'): Promise<string> {
    const { organization } = await this.ok<{ organization: { id: string } }>('POST', '/api/v1/organizations', { display_name: name });
    await this.ok('PATCH', `/api/v1/organizations/${organization.id}/settings`, { features: [{ name: 'scim', enabled: true }] });
    return organization.id;
  }

  async createDirectory(organizationId: string, body: Json): Promise<DirectoryJson> {
    return (await this.ok<{ directory: DirectoryJson }>('POST', `/api/v1/organizations/${organizationId}/directories`, body)).directory;
  }

  async directory(organizationId: string, directoryId: string): Promise<DirectoryJson> {
    return (await this.ok<{ directory: DirectoryJson }>('GET', `/api/v1/organizations/${organizationId}/directories/${directoryId}`)).directory;
  }

  async runs(organizationId: string, directoryId: string): Promise<SyncRunJson[]> {
    return (await this.ok<{ sync_runs: SyncRunJson[] }>('GET', `/api/v1/organizations/${organizationId}/directories/${directoryId}/sync_runs?page_size=100`)).sync_runs;
  }

  async runIds(organizationId: string, directoryId: string): Promise<string[]> {
    return (await this.runs(organizationId, directoryId)).map((run) => run.id);
  }

  syncNow(organizationId: string, directoryId: string) {
    return this.ok<{ directory: DirectoryJson }>('POST', `/api/v1/organizations/${organizationId}/directories/${directoryId}:sync`);
  }

  /** Waits for a finished run that is not one of `seen` (run ids), and returns it. */
  async nextRun(organizationId: string, directoryId: string, seen: readonly string[] = [], timeoutMs = 60_000): Promise<SyncRunJson> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const runs = await this.runs(organizationId, directoryId);
      const done = runs.find((run) => run.status !== 'running' && !seen.includes(run.id));
      if (done) return done;
      if (Date.now() > deadline) throw new Error(`no run finished in ${timeoutMs} ms: ${JSON.stringify(runs)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** "Sync now", then the run it started. */
  async syncAndWait(organizationId: string, directoryId: string, timeoutMs = 60_000): Promise<SyncRunJson> {
    const seen = (await this.runs(organizationId, directoryId)).map((run) => run.id);
    await this.syncNow(organizationId, directoryId);
    return this.nextRun(organizationId, directoryId, seen, timeoutMs);
  }

  async users(organizationId: string, directoryId: string): Promise<UserJson[]> {
    const users: UserJson[] = [];
    for (let token = ''; ; ) {
      const page = await this.ok<{ users: UserJson[]; next_page_token: string }>('GET', `/api/v1/organizations/${organizationId}/directories/${directoryId}/users?page_size=100${token ? `&page_token=${token}` : ''}`);
      users.push(...page.users);
      if (!page.next_page_token) return users;
      token = page.next_page_token;
    }
  }

  async groups(organizationId: string, directoryId: string): Promise<(Json & { id: string; display_name: string; total_users?: number })[]> {
    const groups: (Json & { id: string; display_name: string })[] = [];
    for (let token = ''; ; ) {
      const page = await this.ok<{ groups: (Json & { id: string; display_name: string })[]; next_page_token: string }>(
        'GET',
        `/api/v1/organizations/${organizationId}/directories/${directoryId}/groups?page_size=100${token ? `&page_token=${token}` : ''}`,
      );
      groups.push(...page.groups);
      if (!page.next_page_token) return groups;
      token = page.next_page_token;
    }
  }

  /** The directory's events after `cursor`, and where to read on. */
  async events(directoryId: string, cursor = ''): Promise<{ events: EventJson[]; cursor: string }> {
    const read = await readEvents(this.baseUrl, this.token, {}, cursor);
    return { events: read.events.filter((event) => event.directory_id === directoryId), cursor: read.cursor };
  }

  /** Waits until the event log has caught up (events settle a moment after their commit). */
  async eventsSettled(directoryId: string, cursor: string, minimum = 1, timeoutMs = 20_000): Promise<{ events: EventJson[]; cursor: string }> {
    const deadline = Date.now() + timeoutMs;
    const events: EventJson[] = [];
    let position = cursor;
    let quietSince = Date.now();
    for (;;) {
      const read = await this.events(directoryId, position);
      if (read.events.length > 0) quietSince = Date.now();
      events.push(...read.events);
      position = read.cursor;
      if (events.length >= minimum && Date.now() - quietSince > 600) return { events, cursor: position };
      if (Date.now() > deadline) return { events, cursor: position };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A browser's view of the admin portal: its session cookie and CSRF token. */
export class PortalBrowser {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  /** Opens a new portal link of the organization, as an admin clicking it. */
  static async open(api: PulledApi, organizationId: string): Promise<PortalBrowser> {
    const { link } = await api.ok<{ link: { location: string } }>('PUT', `/api/v1/organizations/${organizationId}/portal_links`, {});
    const opened = await fetch(link.location, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^roster_portal=/);
    const session = await fetch(`${api.baseUrl}/api/v1/portal/session`, { headers: { cookie } });
    const body = (await session.json()) as { csrf_token: string };
    return new PortalBrowser(api.baseUrl, cookie, body.csrf_token);
  }

  async call<Body = Json>(method: string, path: string, body?: unknown): Promise<{ status: number; body: Body; text: string; headers: Headers }> {
    const response = await fetch(path.startsWith('http') ? path : `${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { cookie: this.cookie, 'x-roster-csrf': this.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed as Body, text, headers: response.headers };
  }
}

/** The event types in order, as `type:subject` where the subject helps tell them apart. */
export function eventSummary(events: EventJson[]): string[] {
  return events.map((event) => event.type.replace('organization.directory.', ''));
}
