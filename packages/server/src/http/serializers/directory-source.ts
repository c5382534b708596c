import { z } from 'zod';
import { bamboohrSettingsSchema } from '../../connectors/bamboohr.js';
import { googleSettingsSchema } from '../../connectors/google-workspace.js';
import { RUN_COUNT_NAMES } from '../../connectors/sync-directory.js';
import type { DirectorySourceRow } from '../../store/directory-sources.js';
import type { SyncRunRow } from '../../store/sync-runs.js';
import { isoOrNull, pageFields, timestamp } from './common.js';
import { exampleHeld } from './pulled-examples.js';

// How the management API shows a pulled directory's source and its sync runs. Credentials are
// never shown: only their kind and what identifies them (a service account's email).

const count = z.number().int().min(0);

export const syncRunCountsSchema = z
  .strictObject(Object.fromEntries(RUN_COUNT_NAMES.map((name) => [name, count])) as Record<(typeof RUN_COUNT_NAMES)[number], typeof count>)
  .meta({
    id: 'SyncRunCounts',
    description: 'What a run saw in the source and changed in the directory; source_calls counts every call to the source, retries included.',
  });

export const heldRunSchema = z
  .strictObject({
    users_deactivated: count,
    users_deleted: count,
    groups_deleted: count,
    users_in_directory: count,
    groups_in_directory: count,
    threshold_percent: z.number().int().min(0).max(100),
    user_share_percent: z.number().min(0),
    group_share_percent: z.number().min(0),
    reason: z.string(),
    sample: z
      .array(z.strictObject({ kind: z.enum(['user', 'group']), id: z.string(), name: z.string(), action: z.enum(['deactivate', 'delete']) }))
      .describe('Up to 25 of the users and groups the run would have removed.'),
  })
  .meta({
    id: 'HeldSyncRun',
    description: 'What a run held by the safety threshold would have removed. Approve the run to let the next one apply it.',
    examples: [exampleHeld],
  });

export const SYNC_RUN_STATUSES = ['running', 'succeeded', 'held', 'failed', 'interrupted'] as const;

export const syncRunSchema = z
  .strictObject({
    id: z.string(),
    directory_id: z.string(),
    trigger: z.enum(['schedule', 'manual', 'approval']).describe('schedule: its interval came; manual: "Sync now"; approval: an administrator approved a held run.'),
    status: z
      .enum(SYNC_RUN_STATUSES)
      .describe('running; succeeded (error_code partial when some objects were refused); held (by the safety threshold, see held); failed (see error_code and error); interrupted (its node stopped; the next run took over).'),
    start_time: timestamp,
    finish_time: timestamp.nullable(),
    counts: syncRunCountsSchema,
    error_code: z.string().nullable().describe('invalid_credentials, source_error, apply_error, needs_review or partial; null when the run went through.'),
    error: z.string().nullable(),
    held: heldRunSchema.nullable(),
    approve_time: timestamp.nullable().describe('When an administrator approved this held run.'),
  })
  .meta({ id: 'SyncRun', description: "One sync of a pulled directory from its source." });

export type SyncRunJson = z.infer<typeof syncRunSchema>;

const countOf = (counts: Record<string, number>, name: string) => (typeof counts[name] === 'number' ? counts[name] : 0);

function heldOf(held: Record<string, unknown> | null): SyncRunJson['held'] {
  if (!held) return null;
  const parsed = heldRunSchema.safeParse(held);
  return parsed.success ? parsed.data : null;
}

export function serializeSyncRun(run: SyncRunRow): SyncRunJson {
  return {
    id: run.id,
    directory_id: run.directory_id,
    trigger: run.trigger,
    status: run.status,
    start_time: run.started_at.toISOString(),
    finish_time: isoOrNull(run.finished_at),
    counts: Object.fromEntries(RUN_COUNT_NAMES.map((name) => [name, countOf(run.counts, name)])) as SyncRunJson['counts'],
    error_code: run.error_code,
    error: run.error,
    held: heldOf(run.held),
    approve_time: isoOrNull(run.approved_at),
  };
}

export const SOURCE_STATUSES = ['not_connected', 'active', 'needs_review', 'invalid_credentials', 'error'] as const;

export const directorySourceSchema = z
  .strictObject({
    status: z
      .enum(SOURCE_STATUSES)
      .describe(
        'not_connected: no credentials yet; active: syncing on schedule; needs_review: a run was held by the safety threshold and waits for approval; ' +
          'invalid_credentials: the source refused the credentials (401/403: consent revoked, key deleted), no one was removed; error: the last run failed, retried with backoff.',
      ),
    status_message: z.string().nullable().describe('What went wrong and what to do, when something did.'),
    connection: z
      .strictObject({
        kind: z.enum(['oauth', 'service_account', 'api_key']),
        service_account: z.string().optional().describe("The service account's email (service_account only)."),
        admin_email: z.string().optional().describe('The admin the service account acts as (service_account only).'),
        update_time: timestamp,
      })
      .nullable()
      .describe('How Roster reaches the source; the credentials themselves are never returned.'),
    google_workspace: googleSettingsSchema.nullable().describe('The Google Workspace settings (GOOGLE_WORKSPACE directories).'),
    bamboohr: bamboohrSettingsSchema.nullable().describe('The BambooHR settings (BAMBOOHR directories).'),
    sync_interval_minutes: z.number().int().min(1),
    safety_threshold_percent: z.number().int().min(0).max(100).describe('A run that would deactivate or delete more than this share of the users (or delete more than this share of the groups) waits for approval.'),
    syncing: z.boolean().describe('A run is going now (on some node).'),
    next_sync_time: timestamp.nullable().describe('When the next run is due; null while not connected or waiting for review.'),
    last_success_time: timestamp.nullable(),
    consecutive_failures: z.number().int().min(0),
    last_run: syncRunSchema.nullable(),
  })
  .meta({
    id: 'DirectorySource',
    description: "A pulled directory's source: where it syncs from, how, on what schedule, and how it is going. Null for SCIM directories.",
  });

export type DirectorySourceJson = z.infer<typeof directorySourceSchema>;

function connectionOf(source: DirectorySourceRow): DirectorySourceJson['connection'] {
  if (source.credentials === null || !source.credentials_summary || !source.credentials_updated_at) return null;
  const summary = source.credentials_summary;
  const kind = summary.kind === 'oauth' || summary.kind === 'service_account' || summary.kind === 'api_key' ? summary.kind : 'api_key';
  return {
    kind,
    ...(summary.service_account ? { service_account: summary.service_account } : {}),
    ...(summary.admin_email ? { admin_email: summary.admin_email } : {}),
    update_time: source.credentials_updated_at.toISOString(),
  };
}

export function serializeDirectorySource(source: DirectorySourceRow, lastRun: SyncRunRow | undefined): DirectorySourceJson {
  const google = source.source === 'GOOGLE_WORKSPACE' ? googleSettingsSchema.safeParse(source.settings) : undefined;
  const bamboohr = source.source === 'BAMBOOHR' ? bamboohrSettingsSchema.safeParse(source.settings) : undefined;
  return {
    status: source.status,
    status_message: source.status_message,
    connection: connectionOf(source),
    google_workspace: google?.success ? google.data : null,
    bamboohr: bamboohr?.success ? bamboohr.data : null,
    sync_interval_minutes: Math.max(1, Math.round(source.sync_interval_seconds / 60)),
    safety_threshold_percent: source.safety_threshold_percent,
    syncing: source.lease_run_id !== null && source.lease_expires_at !== null && source.lease_expires_at.getTime() > Date.now(),
    next_sync_time: isoOrNull(source.next_sync_at),
    last_success_time: isoOrNull(source.last_success_at),
    consecutive_failures: source.consecutive_failures,
    last_run: lastRun ? serializeSyncRun(lastRun) : null,
  };
}

export const syncRunResponse = z.strictObject({ sync_run: syncRunSchema }).meta({ id: 'SyncRunResponse' });
export const syncRunListResponse = z.strictObject({ sync_runs: z.array(syncRunSchema), ...pageFields }).meta({ id: 'ListSyncRunsResponse' });
