import type { z } from 'zod';
import { configSchema } from '../config.js';
import { webConfigSchema } from '../directory/access/web-config.js';
import { eventsConfigSchema } from '../events/events-config.js';

// `roster start --help` lists every environment variable Roster reads, with its default (taken
// from the schemas that validate them at start) and its meaning. The meanings are typed by the
// schemas' keys: a variable added to a schema without one here does not compile, so the help
// cannot fall behind the configuration.

type Variables<Schema extends z.ZodObject> = keyof Schema['shape'] & string;

const SERVER: Record<Variables<typeof configSchema>, string> = {
  PORT: 'the HTTP port Roster listens on',
  HOST: 'interface to listen on',
  PUBLIC_URL: "base URL clients reach Roster at (the SCIM endpoints' and links' addresses); default: each request's own host",
  DATABASE_URL: 'postgres:// URL of a PostgreSQL database; when unset, the embedded store is used',
  ROSTER_DATA_DIR: "the embedded store's directory (locked: one process at a time); a relative path is taken from the current directory",
  ROSTER_CLIENT_ID: 'bootstrap API client created at start, with ROSTER_CLIENT_SECRET; when unset and no client exists, one is generated and printed once',
  ROSTER_CLIENT_SECRET: "the bootstrap API client's secret (24 characters or more)",
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent (JSON lines, human-readable on a terminal; credentials redacted)',
  ROSTER_ACCESS_TOKEN_TTL_SECONDS: 'lifetime of management API access tokens',
  ROSTER_REQUEST_LOG_RETENTION_DAYS: 'how long the SCIM request log is kept',
  ROSTER_SCIM_RATE_LIMIT: "per-directory SCIM rate limit, requests a second, shared by all processes on one PostgreSQL (over it: 429 with Retry-After)",
  ROSTER_SCIM_RATE_BURST: 'per-directory SCIM burst',
  ROSTER_SCIM_MAX_PAYLOAD_BYTES: 'largest SCIM request body (larger: 413)',
  ROSTER_DB_POOL_SIZE: 'PostgreSQL connections per process',
  ROSTER_SHUTDOWN_GRACE_SECONDS: 'how long SIGTERM waits for requests in flight before cutting them off',
  ROSTER_TRUSTED_PROXIES: 'comma-separated IPs or CIDRs of the reverse proxies whose X-Forwarded-For, -Proto and -Host are believed (from anyone else they are ignored)',
  ROSTER_METRICS_TOKEN: 'bearer token for GET /metrics (16-512 printable characters); when unset, /metrics answers only local requests',
  ROSTER_SCIM_ADVERTISE_CURSORS: 'advertise RFC 9865 cursor paging in /ServiceProviderConfig (cursors always work; off by default for strict RFC 7643 readers)',
  ROSTER_ENCRYPTION_KEY:
    '32 bytes in base64: webhook signing secrets and pulled directories\' source credentials are stored encrypted with it (AES-256-GCM); unset, webhook secrets are stored in plain text and pulled directories cannot be created',
  ROSTER_GOOGLE_CLIENT_ID: 'OAuth client id for "Sign in with Google" in the admin portal\'s Google Workspace guide, with ROSTER_GOOGLE_CLIENT_SECRET (redirect: PUBLIC_URL/api/v1/google/oauth/callback); unset, Google connects with a service account only',
  ROSTER_GOOGLE_CLIENT_SECRET: 'that OAuth client\'s secret',
  ROSTER_GOOGLE_API_URL: 'base URL of the Google Admin SDK Directory API (for tests and air-gapped installs)',
  ROSTER_GOOGLE_OAUTH_URL: "base URL of Google's OAuth server (consent screen and token endpoint); default: Google's own",
  ROSTER_BAMBOOHR_API_URL: 'base URL of the BambooHR API (for tests and air-gapped installs)',
  ROSTER_SYNC_INTERVAL_MINUTES: 'how often a pulled directory syncs unless its own interval says otherwise',
  ROSTER_SYNC_SAFETY_THRESHOLD_PERCENT: 'a sync that would deactivate or delete more than this share of a directory is held for approval (per-directory override)',
  ROSTER_SYNC_LEASE_SECONDS: "how long a node's claim on a directory's sync lasts without renewal (another node takes over a dead node's run after it)",
  ROSTER_SYNC_POLL_SECONDS: 'how often each node looks for pulled directories that are due',
  ROSTER_SYNC_CONCURRENCY: 'pulled directories one node syncs at a time',
};

const EVENTS: Record<Variables<typeof eventsConfigSchema>, string> = {
  ROSTER_EVENT_RETENTION_DAYS: 'how long events and delivery logs are kept; an older Events API cursor gets 410',
  ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'allow webhook URLs on private, loopback or link-local addresses (refused by default against SSRF)',
  ROSTER_WEBHOOK_TIMEOUT_SECONDS: "one delivery attempt's time limit",
  ROSTER_WEBHOOK_CONCURRENCY: 'requests in flight per webhook endpoint, per process',
  ROSTER_WEBHOOK_RETRY_WINDOW_SECONDS: 'how long a failing delivery is retried (exponential backoff with jitter) before it is dead',
  ROSTER_WEBHOOK_RETRY_BASE_MS: "the first retry's delay",
  ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS: 'an endpoint failing without a success this long is disabled',
};

const WEB: Record<Variables<typeof webConfigSchema>, string> = {
  ROSTER_ADMIN_EMAIL: 'creates this dashboard administrator at start, with ROSTER_ADMIN_PASSWORD (or use the setup code Roster prints, or `roster admin create`)',
  ROSTER_ADMIN_PASSWORD: "that administrator's password (12 characters or more)",
  ROSTER_PORTAL_ALLOWED_ORIGINS: 'comma- or space-separated origins allowed to embed the admin portal in an iframe (besides those set in the dashboard)',
  ROSTER_DASHBOARD_SESSION_HOURS: 'lifetime of a dashboard session',
  ROSTER_PORTAL_SESSION_MINUTES: 'lifetime of an admin portal session',
};

export interface EnvironmentVariable {
  name: string;
  /** The default as the schema fills it in; 'unset' when none, 'empty' for '' (or a list of nothing), 'required' when there must be a value. */
  defaultValue: string;
  meaning: string;
}

function describeGroup<Schema extends z.ZodObject>(schema: Schema, meanings: Record<Variables<Schema>, string>): EnvironmentVariable[] {
  return (Object.keys(schema.shape) as Variables<Schema>[]).map((name) => {
    // The variable's own schema, given no value: its default, nothing, or a complaint.
    const field = schema.shape[name] as z.ZodType;
    const parsed = field.safeParse(undefined);
    // An empty list (ROSTER_TRUSTED_PROXIES) is empty too, not '' after String().
    const empty = parsed.success && (parsed.data === '' || (Array.isArray(parsed.data) && parsed.data.length === 0));
    const defaultValue = !parsed.success ? 'required' : parsed.data === undefined ? 'unset' : empty ? 'empty' : String(parsed.data);
    return { name, defaultValue, meaning: meanings[name] };
  });
}

export const ENVIRONMENT_GROUPS: { title: string; variables: () => EnvironmentVariable[] }[] = [
  { title: 'Server', variables: () => describeGroup(configSchema, SERVER) },
  { title: 'Events and webhooks', variables: () => describeGroup(eventsConfigSchema, EVENTS) },
  { title: 'Dashboard and admin portal', variables: () => describeGroup(webConfigSchema, WEB) },
];

/** The environment variables section of `roster start --help`. */
export function environmentHelp(): string {
  const lines = ['', 'Environment variables (checked at start: a bad value stops Roster with a message naming it):'];
  for (const group of ENVIRONMENT_GROUPS) {
    lines.push('', `  ${group.title}`);
    for (const variable of group.variables()) {
      lines.push(`    ${variable.name}  (default: ${variable.defaultValue})`, `        ${variable.meaning}`);
    }
  }
  return lines.join('\n');
}
