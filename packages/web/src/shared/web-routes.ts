// The dashboard's and the admin portal's own routes, which the management API's OpenAPI document
// does not describe (that API is called through `api.management`, typed by the document). Each
// route is declared here once: its method, how its path and body are made from the call's
// arguments, the type of its answer, and the members that answer must have. `api.call(route,
// ...args)` is then typed at every call site, and checks at run time that the answer is an
// object with those members; that check is shallow (it does not validate every field: the
// server's tests own the shapes), but an answer of another shape fails there, with the route's
// name, instead of as an undefined deep in a screen.

import { query } from './api.js';
import type { AttributeMapping, Directory, DirectoryGroup, DirectorySecret, DirectoryUser, Page, RequestLogPage, Role, RoleAssignment, RosterEvent, SampleDataCounts, SamplePushResult, SourceUpdate, SyncRun } from './types.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route<Response, Args extends unknown[]> {
  method: Method;
  /** The path (with its query string) and the JSON body, from the call's arguments. */
  request: (...args: Args) => { path: string; body?: unknown };
  /** The members the answer must have (checked at run time); none for one that answers 204 No Content. */
  members: readonly (keyof Response & string)[];
}

function route<Response, Args extends unknown[] = []>(method: Method, request: (...args: Args) => { path: string; body?: unknown }, members: readonly (keyof Response & string)[]): Route<Response, Args> {
  return { method, request, members };
}

const segment = encodeURIComponent;

// --- The dashboard's routes (a dashboard session) ---

export interface DashboardSession {
  admin: { id: string; email: string };
  csrf_token: string;
  expire_time: string;
}

export interface DashboardAdmin {
  id: string;
  email: string;
  create_time: string;
  last_login_time: string | null;
}

/** The stored origins the portal may be framed by, and those ROSTER_PORTAL_ALLOWED_ORIGINS adds. */
export interface AllowedOrigins {
  stored: string[];
  environment: string[];
}

/** What a test send to a webhook endpoint answered. */
export interface WebhookTestResult {
  event_id: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export const dashboardRoutes = {
  session: route<DashboardSession>('GET', () => ({ path: '/api/v1/dashboard/session' }), ['admin', 'csrf_token', 'expire_time']),
  signIn: route<DashboardSession, [credentials: { email: string; password: string }]>('POST', (body) => ({ path: '/api/v1/dashboard/session', body }), ['admin', 'csrf_token', 'expire_time']),
  signOut: route<void>('DELETE', () => ({ path: '/api/v1/dashboard/session' }), []),
  setup: route<DashboardSession, [body: { setup_code: string; email: string; password: string }]>('POST', (body) => ({ path: '/api/v1/dashboard/setup', body }), ['admin', 'csrf_token', 'expire_time']),
  admins: route<{ admins: DashboardAdmin[] }>('GET', () => ({ path: '/api/v1/dashboard/admins' }), ['admins']),
  addAdmin: route<{ admin: DashboardAdmin }, [body: { email: string; password: string }]>('POST', (body) => ({ path: '/api/v1/dashboard/admins', body }), ['admin']),
  removeAdmin: route<void, [adminId: string]>('DELETE', (adminId) => ({ path: `/api/v1/dashboard/admins/${segment(adminId)}` }), []),
  allowedOrigins: route<AllowedOrigins>('GET', () => ({ path: '/api/v1/dashboard/allowed_origins' }), ['stored', 'environment']),
  setAllowedOrigins: route<AllowedOrigins, [origins: string[]]>('PUT', (origins) => ({ path: '/api/v1/dashboard/allowed_origins', body: { origins } }), ['stored', 'environment']),
  events: route<{ events: RosterEvent[]; next_page_token: string }, [options: { limit: number; type: string; pageToken?: string }]>(
    'GET',
    ({ limit, type, pageToken }) => ({ path: `/api/v1/dashboard/events${query({ limit, type, page_token: pageToken })}` }),
    ['events', 'next_page_token'],
  ),
  testWebhook: route<{ result: WebhookTestResult }, [webhookId: string]>('POST', (webhookId) => ({ path: `/api/v1/dashboard/webhooks/${segment(webhookId)}:test` }), ['result']),
};

// --- The reads both surfaces serve below a directory (the portal's base, or the dashboard's
// /api/v1/dashboard/organizations/{organization_id}/directories/{directory_id}) ---

export const directoryReadRoutes = {
  searchUsers: route<{ users: DirectoryUser[] }, [base: string, text: string]>('GET', (base, text) => ({ path: `${base}/users:search${query({ q: text })}` }), ['users']),
  searchGroups: route<{ groups: DirectoryGroup[] }, [base: string, text: string]>('GET', (base, text) => ({ path: `${base}/groups:search${query({ q: text })}` }), ['groups']),
  requestLog: route<RequestLogPage, [base: string, options: { failedOnly: boolean; pageToken?: string }]>(
    'GET',
    (base, { failedOnly, pageToken }) => ({ path: `${base}/request_log${query({ failed: failedOnly ? 'true' : undefined, page_token: pageToken, limit: 25 })}` }),
    ['requests', 'next_page_token'],
  ),
  pushSample: route<{ result: SamplePushResult }, [base: string]>('POST', (base) => ({ path: `${base}:simulate` }), ['result']),
  sampleData: route<{ sample_data: SampleDataCounts }, [base: string]>('GET', (base) => ({ path: `${base}/sample_data` }), ['sample_data']),
  removeSampleData: route<{ removed: SampleDataCounts }, [base: string]>('DELETE', (base) => ({ path: `${base}/sample_data` }), ['removed']),
};

// --- The admin portal's routes (a portal session, one organization) ---

export interface PortalSessionInfo {
  organization: { id: string; display_name: string; scim_enabled: boolean };
  expire_time: string;
  csrf_token: string;
  allowed_origins: string[];
  /** Whether Google Workspace and BambooHR can be connected (ROSTER_ENCRYPTION_KEY), and Google by consent. */
  pulled_directories?: { available: boolean; google_consent: boolean };
}

/** A new directory: a SCIM one (by its provider) or a pulled one (by its type, BambooHR with its credentials). */
export type NewPortalDirectory = { directory_provider: string; name: string } | { directory_type: 'GOOGLE_WORKSPACE' | 'BAMBOOHR'; name: string; [credential: string]: unknown };

/** The base of the portal's routes for one directory. */
export const portalDirectoryBase = (directoryId: string) => `/api/v1/portal/directories/${segment(directoryId)}`;

type SecretCreated = { plain_secret: string; secret: DirectorySecret };

export const portalRoutes = {
  session: route<PortalSessionInfo>('GET', () => ({ path: '/api/v1/portal/session' }), ['organization', 'expire_time', 'csrf_token', 'allowed_origins']),
  directories: route<{ directories: Directory[] }>('GET', () => ({ path: '/api/v1/portal/directories' }), ['directories']),
  createDirectory: route<{ directory: Directory; plain_secret?: string }, [body: NewPortalDirectory]>('POST', (body) => ({ path: '/api/v1/portal/directories', body }), ['directory']),
  roles: route<{ roles: Role[] }>('GET', () => ({ path: '/api/v1/portal/roles' }), ['roles']),
  directory: route<{ directory: Directory }, [directoryId: string]>('GET', (directoryId) => ({ path: portalDirectoryBase(directoryId) }), ['directory']),
  updateDirectory: route<{ directory: Directory }, [directoryId: string, body: { directory_provider: string; name: string }]>(
    'PATCH',
    (directoryId, body) => ({ path: portalDirectoryBase(directoryId), body }),
    ['directory'],
  ),
  setEnabled: route<{ enabled: boolean; error_message?: string }, [directoryId: string, enabled: boolean]>(
    'POST',
    (directoryId, enabled) => ({ path: `${portalDirectoryBase(directoryId)}:${enabled ? 'enable' : 'disable'}` }),
    [],
  ),
  users: route<{ users: DirectoryUser[] } & Page, [directoryId: string, pageToken?: string, groupId?: string]>(
    'GET',
    (directoryId, pageToken, groupId) => ({ path: `${portalDirectoryBase(directoryId)}/users${query({ page_size: 25, page_token: pageToken, directory_group_id: groupId })}` }),
    ['users', 'next_page_token'],
  ),
  user: route<{ user: DirectoryUser }, [directoryId: string, userId: string]>('GET', (directoryId, userId) => ({ path: `${portalDirectoryBase(directoryId)}/users/${segment(userId)}` }), ['user']),
  groups: route<{ groups: DirectoryGroup[] } & Page, [directoryId: string, pageToken?: string]>(
    'GET',
    (directoryId, pageToken) => ({ path: `${portalDirectoryBase(directoryId)}/groups${query({ page_size: 25, page_token: pageToken })}` }),
    ['groups', 'next_page_token'],
  ),
  assignRoles: route<{ role_assignments: { assignments: RoleAssignment[] } }, [directoryId: string, assignments: RoleAssignment[]]>(
    'PUT',
    (directoryId, assignments) => ({ path: `${portalDirectoryBase(directoryId)}/groups/-/roles:assign`, body: { assignments } }),
    ['role_assignments'],
  ),
  setAttributeMappings: route<{ attribute_mappings: { attributes: AttributeMapping[] } }, [directoryId: string, attributes: AttributeMapping[]]>(
    'PUT',
    (directoryId, attributes) => ({ path: `${portalDirectoryBase(directoryId)}/attributes`, body: { attributes } }),
    ['attribute_mappings'],
  ),
  createSecret: route<SecretCreated, [directoryId: string]>('POST', (directoryId) => ({ path: `${portalDirectoryBase(directoryId)}/secrets` }), ['plain_secret', 'secret']),
  regenerateSecret: route<SecretCreated, [directoryId: string, graceSeconds: number]>(
    'POST',
    (directoryId, graceSeconds) => ({ path: `${portalDirectoryBase(directoryId)}/secrets:regenerate`, body: { grace_period_seconds: graceSeconds } }),
    ['plain_secret', 'secret'],
  ),
  revokeSecret: route<{ secret: DirectorySecret }, [directoryId: string, secretId: string]>(
    'POST',
    (directoryId, secretId) => ({ path: `${portalDirectoryBase(directoryId)}/secrets/${segment(secretId)}:revoke` }),
    ['secret'],
  ),
  syncNow: route<{ directory: Directory }, [directoryId: string]>('POST', (directoryId) => ({ path: `${portalDirectoryBase(directoryId)}:sync` }), ['directory']),
  syncRuns: route<{ sync_runs: SyncRun[] } & Page, [directoryId: string, pageToken?: string]>(
    'GET',
    (directoryId, pageToken) => ({ path: `${portalDirectoryBase(directoryId)}/sync_runs${query({ page_size: 10, page_token: pageToken })}` }),
    ['sync_runs', 'next_page_token'],
  ),
  updateSource: route<{ directory: Directory }, [directoryId: string, body: SourceUpdate]>('PATCH', (directoryId, body) => ({ path: `${portalDirectoryBase(directoryId)}/source`, body }), ['directory']),
  startGoogleConsent: route<{ authorization_url: string }, [directoryId: string]>(
    'POST',
    (directoryId) => ({ path: `${portalDirectoryBase(directoryId)}/google/oauth:start` }),
    ['authorization_url'],
  ),
};
