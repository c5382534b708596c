import { z } from 'zod';

const integer = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

// Settings of the dashboard and the admin portal, read from the environment at start like the
// rest of the configuration (see the README, "Web UI").
export const webConfigSchema = z
  .object({
    /** The first dashboard administrator, created at start when no account has this email. */
    ROSTER_ADMIN_EMAIL: z.email('must be an email address').optional(),
    ROSTER_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(1024).optional(),
    /** Space- or comma-separated origins (https://app.example.com) that may embed the portal, besides those set in the dashboard. */
    ROSTER_PORTAL_ALLOWED_ORIGINS: z.string().max(10_000).default(''),
    /** A dashboard sign-in lasts this long. */
    ROSTER_DASHBOARD_SESSION_HOURS: integer(12, 1, 24 * 30),
    /** A portal session lasts this long at most, and never past its link's expiry. */
    ROSTER_PORTAL_SESSION_MINUTES: integer(240, 1, 7 * 24 * 60),
  })
  .refine((c) => (c.ROSTER_ADMIN_EMAIL === undefined) === (c.ROSTER_ADMIN_PASSWORD === undefined), {
    message: 'ROSTER_ADMIN_EMAIL and ROSTER_ADMIN_PASSWORD must be set together',
    path: ['ROSTER_ADMIN_PASSWORD'],
  });

export type WebConfig = z.infer<typeof webConfigSchema>;

export class WebConfigError extends Error {}

export function loadWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  const result = webConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new WebConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
