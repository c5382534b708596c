import { z } from 'zod';

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

// ROSTER_ENCRYPTION_KEY: 32 random bytes, base64 (`openssl rand -base64 32`), sealing source credentials at rest.
const encryptionKey = z.string().transform((text, context) => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== text.trim()) {
    context.addIssue({ code: 'custom', message: 'must be 32 bytes in base64 (generate one with: openssl rand -base64 32)' });
    return z.NEVER;
  }
  return key;
});

const configSchema = z.object({
  PORT: integer(8080, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  ROSTER_DATA_DIR: z.string().min(1).default('./data'),
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
  // Pulled directories (connectors/): credentials at rest, the sources' base URLs, the schedule.
  ROSTER_ENCRYPTION_KEY: encryptionKey.optional(),
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
