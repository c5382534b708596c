import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEncryptionKey } from './secret-box.js';

/**
 * The embedded store's directory when ROSTER_DATA_DIR is not set: packages/server/data, whichever
 * directory a command runs in (the same from src/ and from the compiled dist/), so `npm start`,
 * `npx roster admin create` and `npx roster migrate` all use one store. A relative
 * ROSTER_DATA_DIR is taken from the directory the command runs in.
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * ROSTER_TRUSTED_PROXIES: comma-separated IPs or CIDRs (10.0.0.0/8, ::1) of the reverse proxies
 * whose X-Forwarded-For, -Proto and -Host are believed. Anyone else's are ignored: trusting every
 * peer lets a client pick its own address and walk past per-address limits.
 */
const trustedProxies = z
  .string()
  .default('')
  .transform((value, context) => {
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    for (const entry of entries) {
      const [address = '', prefix, extra] = entry.split('/');
      const family = isIP(address);
      const bits = family === 4 ? 32 : 128;
      const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
      if (family === 0 || !prefixOk || extra !== undefined) {
        context.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} is not an IP address or CIDR (e.g. 10.0.0.0/8)` });
      }
    }
    return entries;
  });

export const configSchema = z.object({
  PORT: integer(8080, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  ROSTER_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR).transform((path) => resolve(path)),
  ROSTER_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_.-]{8,128}$/, 'must be 8-128 characters of letters, digits, _ . -').optional(),
  ROSTER_CLIENT_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROSTER_ACCESS_TOKEN_TTL_SECONDS: integer(3600, 60, 86400),
  ROSTER_REQUEST_LOG_RETENTION_DAYS: integer(14, 1, 3650),
  ROSTER_SCIM_RATE_LIMIT: integer(200, 1, 1_000_000),
  ROSTER_SCIM_RATE_BURST: integer(400, 1, 1_000_000),
  ROSTER_SCIM_MAX_PAYLOAD_BYTES: integer(4_194_304, 1024, 104_857_600),
  ROSTER_DB_POOL_SIZE: integer(10, 1, 200),
  ROSTER_SHUTDOWN_GRACE_SECONDS: integer(20, 0, 600),
  ROSTER_TRUSTED_PROXIES: trustedProxies,
  /** Bearer token for GET /metrics; without one, only loopback peers may read it. */
  ROSTER_METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,512}$/, 'must be 16-512 printable characters without spaces').optional(),
  // 32 bytes, base64: seals webhook signing secrets at rest (secret-box.ts). Empty is unset.
  ROSTER_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .superRefine((value, context) => {
      if (value === undefined) return;
      try {
        parseEncryptionKey(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      }
    }),
  // RFC 9865 cursor paging always works; advertising it in /ServiceProviderConfig is opt-in, since
  // clients written before RFC 9865 may refuse the `pagination` member.
  ROSTER_SCIM_ADVERTISE_CURSORS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  // Pulled directories (connectors/): the sources' base URLs and the schedule (credentials are
  // sealed with ROSTER_ENCRYPTION_KEY above).
  ROSTER_GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  ROSTER_GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  ROSTER_GOOGLE_API_URL: z.url().default('https://admin.googleapis.com'),
  ROSTER_GOOGLE_OAUTH_URL: z.url().optional(),
  ROSTER_BAMBOOHR_API_URL: z.url().default('https://api.bamboohr.com'),
  ROSTER_SYNC_INTERVAL_MINUTES: integer(30, 1, 10_080),
  ROSTER_SYNC_SAFETY_THRESHOLD_PERCENT: integer(20, 0, 100),
  ROSTER_SYNC_LEASE_SECONDS: integer(60, 2, 3600),
  ROSTER_SYNC_POLL_SECONDS: integer(5, 1, 3600),
  ROSTER_SYNC_CONCURRENCY: integer(2, 1, 64),
}).refine((c) => (c.ROSTER_CLIENT_ID === undefined) === (c.ROSTER_CLIENT_SECRET === undefined), {
  message: 'ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET must be set together',
  path: ['ROSTER_CLIENT_SECRET'],
}).refine((c) => (c.ROSTER_GOOGLE_CLIENT_ID === undefined) === (c.ROSTER_GOOGLE_CLIENT_SECRET === undefined), {
  message: 'ROSTER_GOOGLE_CLIENT_ID and ROSTER_GOOGLE_CLIENT_SECRET must be set together',
  path: ['ROSTER_GOOGLE_CLIENT_SECRET'],
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads configuration from the environment, naming every variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
