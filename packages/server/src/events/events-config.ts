import { z } from 'zod';

const integer = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

// The events/webhooks settings, read from the environment at start like the rest of Config
// (see README, "Configuration").
export const eventsConfigSchema = z.object({
  /** Events (and their delivery logs) are kept this long; an older cursor gets 410. */
  ROSTER_EVENT_RETENTION_DAYS: integer(30, 1, 3650),
  /** Off by default: webhook URLs that are, or resolve to, private, loopback or link-local addresses are refused (SSRF). */
  ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS: flag,
  /** One attempt's time limit, connection to last byte. */
  ROSTER_WEBHOOK_TIMEOUT_SECONDS: integer(15, 1, 120),
  /** Requests in flight per endpoint, per Roster process. */
  ROSTER_WEBHOOK_CONCURRENCY: integer(16, 1, 256),
  /** A delivery is retried with exponential backoff for this long, then it is dead. */
  ROSTER_WEBHOOK_RETRY_WINDOW_SECONDS: integer(3 * 86_400, 1, 30 * 86_400),
  /** The first retry's delay; each later one doubles, with jitter, up to 12 hours. */
  ROSTER_WEBHOOK_RETRY_BASE_MS: integer(5_000, 10, 3_600_000),
  /** An endpoint that has failed without a success this long is disabled when one of its deliveries dies. */
  ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS: integer(5 * 86_400, 0, 365 * 86_400),
});

export type EventsConfig = z.infer<typeof eventsConfigSchema>;

export class EventsConfigError extends Error {}

export function loadEventsConfig(env: Record<string, string | undefined> = process.env): EventsConfig {
  const result = eventsConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new EventsConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
