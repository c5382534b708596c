import { z } from 'zod';
import { bamboohrSettingsSchema } from '../connectors/bamboohr.js';
import { googleSettingsSchema } from '../connectors/google-workspace.js';
import { isPulledDirectoryType, type PulledDirectoryType } from '../connectors/source.js';
import { sourceFor } from '../connectors/source-registry.js';
import { invalidArgument } from '../directory/api-error.js';
import { parseInput } from './parse-body.js';

// What the management API and the portal take to set up a pulled directory's source: its
// settings (per source), its credentials (write-only), and its schedule. Parsed with the
// sources' own schemas, so a mistake is a 400 naming the field.

export const SETTINGS_FIELD: Record<PulledDirectoryType, 'google_workspace' | 'bamboohr'> = { GOOGLE_WORKSPACE: 'google_workspace', BAMBOOHR: 'bamboohr' };

export const credentialsInput = z
  .strictObject({
    service_account_key: z
      .union([z.string().max(20_000), z.record(z.string(), z.unknown())])
      .optional()
      .describe('Google Workspace: the service account key JSON, as downloaded from Google Cloud (an object, or its text).'),
    admin_email: z.email().max(254).optional().describe('Google Workspace: the admin the service account acts as (domain-wide delegation).'),
    api_key: z.string().max(200).optional().describe('BambooHR: an API key of a user who can see the employees.'),
  })
  .meta({
    id: 'SourceCredentialsInput',
    description: 'Credentials for the source; write-only: stored encrypted, never returned or logged. Google consent (OAuth) is given in the admin portal instead.',
    examples: [{ api_key: 'e0d9...' }, { admin_email: 'admin@acme.example', service_account_key: { type: 'service_account', client_email: 'roster-sync@acme.iam.gserviceaccount.com', private_key: '-----BEGIN PRIVATE KEY-----\n...' } }],
  });
export type CredentialsInput = z.infer<typeof credentialsInput>;

export const scheduleFields = {
  sync_interval_minutes: z.number().int().min(1).max(10_080).optional().describe('How often to sync, in minutes (default ROSTER_SYNC_INTERVAL_MINUTES, 30).'),
  safety_threshold_percent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('Hold a run that would deactivate or delete more than this share of the directory (default ROSTER_SYNC_SAFETY_THRESHOLD_PERCENT, 20).'),
};

export const settingsFields = {
  google_workspace: googleSettingsSchema.optional().describe('Google Workspace settings (GOOGLE_WORKSPACE only): customer, domain, and limits to organizational units or groups.'),
  bamboohr: bamboohrSettingsSchema.optional().describe('BambooHR settings (BAMBOOHR only; subdomain required).'),
};

/** The settings of a new pulled directory: its own section parsed, the other refused. */
export function newSourceSettings(type: PulledDirectoryType, body: Record<string, unknown>): Record<string, unknown> {
  const field = SETTINGS_FIELD[type];
  for (const other of Object.values(SETTINGS_FIELD)) {
    if (other !== field && body[other] !== undefined) throw invalidArgument(other, `is for another directory type; a ${type} directory takes ${field}`);
  }
  if (type === 'BAMBOOHR' && body.bamboohr === undefined) throw invalidArgument('bamboohr', 'is required for a BAMBOOHR directory (at least its subdomain)');
  return parseInput(z.object({ [field]: sourceFor(type).settingsSchema }), { [field]: body[field] ?? {} })[field] as Record<string, unknown>;
}

/** Changed settings: the fields sent replace the stored ones, the rest stay. */
export function changedSourceSettings(type: string, current: Record<string, unknown>, rawBody: unknown): Record<string, unknown> | undefined {
  if (!isPulledDirectoryType(type)) return undefined;
  const body = typeof rawBody === 'object' && rawBody !== null ? (rawBody as Record<string, unknown>) : {};
  const field = SETTINGS_FIELD[type];
  for (const other of Object.values(SETTINGS_FIELD)) {
    if (other !== field && body[other] !== undefined) throw invalidArgument(other, `is for another directory type; this ${type} directory takes ${field}`);
  }
  const sent = body[field];
  if (sent === undefined) return undefined;
  if (typeof sent !== 'object' || sent === null || Array.isArray(sent)) throw invalidArgument(field, 'must be an object');
  return parseInput(z.object({ [field]: sourceFor(type).settingsSchema }), { [field]: { ...current, ...sent } })[field] as Record<string, unknown>;
}

function parseKey(value: string | Record<string, unknown>): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw invalidArgument('credentials.service_account_key', 'is not JSON: upload the key file Google Cloud downloaded');
  }
}

/** The credentials sent, shaped for the directory's source and checked by its schema. */
export function sourceCredentials(type: PulledDirectoryType, input: CredentialsInput): { credentials: unknown; summary: { kind: string } & Record<string, string> } {
  const source = sourceFor(type);
  let value: unknown;
  if (type === 'GOOGLE_WORKSPACE') {
    if (input.api_key !== undefined) throw invalidArgument('credentials.api_key', 'is for BambooHR; Google Workspace takes service_account_key and admin_email');
    if (input.service_account_key === undefined) throw invalidArgument('credentials.service_account_key', 'is required (or connect with Google consent in the admin portal)');
    if (input.admin_email === undefined) throw invalidArgument('credentials.admin_email', 'is required: the admin the service account acts as');
    value = { type: 'service_account', admin_email: input.admin_email, key: parseKey(input.service_account_key) };
  } else {
    if (input.service_account_key !== undefined || input.admin_email !== undefined) throw invalidArgument('credentials.service_account_key', 'is for Google Workspace; BambooHR takes api_key');
    if (input.api_key === undefined) throw invalidArgument('credentials.api_key', 'is required');
    value = { api_key: input.api_key };
  }
  const parsed = z.unknown().transform((raw, context) => {
    try {
      return source.parseCredentials(raw);
    } catch (error) {
      const issues = error instanceof z.ZodError ? error.issues : [];
      // The key is sent as service_account_key: name it so.
      for (const issue of issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path.map((part) => (part === 'key' ? 'service_account_key' : part)) });
      if (issues.length === 0) context.addIssue({ code: 'custom', message: 'are not valid' });
      return z.NEVER;
    }
  });
  return parseInput(z.object({ credentials: parsed }), { credentials: value }).credentials;
}
