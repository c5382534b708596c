import type { DirectoryJson } from './directory.js';
import type { SyncRunJson } from './directory-source.js';
import { EXAMPLE_IDS, EXAMPLE_TIME, exampleDirectory } from './examples.js';

// The examples' world (examples.ts) with a pulled directory: the organization's Google Workspace,
// synced by Roster every 30 minutes. Typed by the serializers' schemas like the other examples.

const STARTED = '2026-03-02T09:14:02.004Z';

export const exampleSyncRun: SyncRunJson = {
  id: 'syncrun_01m8zr7d2c00m4q8w1ks6v',
  directory_id: EXAMPLE_IDS.directory,
  trigger: 'schedule',
  status: 'succeeded',
  start_time: STARTED,
  finish_time: EXAMPLE_TIME,
  counts: {
    users_seen: 520,
    groups_seen: 31,
    users_created: 2,
    users_updated: 5,
    users_deactivated: 1,
    users_deleted: 0,
    groups_created: 0,
    groups_updated: 1,
    groups_deleted: 0,
    memberships_added: 3,
    memberships_removed: 1,
    objects_failed: 0,
    source_calls: 40,
  },
  error_code: null,
  error: null,
  held: null,
  approve_time: null,
};

export const exampleGoogleDirectory: DirectoryJson = {
  ...exampleDirectory,
  name: 'Google Workspace',
  directory_type: 'GOOGLE_WORKSPACE',
  directory_provider: 'GOOGLE',
  total_users: 520,
  total_groups: 31,
  secrets: [],
  stats: { total_users: 520, total_groups: 31, user_updated_at: EXAMPLE_TIME, group_updated_at: EXAMPLE_TIME },
  source: {
    status: 'active',
    status_message: null,
    connection: { kind: 'service_account', service_account: 'roster-sync@acme.iam.gserviceaccount.com', admin_email: 'admin@acme.com', update_time: '2026-02-27T16:05:12.300Z' },
    google_workspace: { customer_id: 'my_customer', org_units: [], group_emails: [] },
    bamboohr: null,
    sync_interval_minutes: 30,
    safety_threshold_percent: 20,
    syncing: false,
    next_sync_time: '2026-03-02T09:44:07.512Z',
    last_success_time: EXAMPLE_TIME,
    consecutive_failures: 0,
    last_run: exampleSyncRun,
  },
};

/**
 * What a run held by the safety threshold would have removed (HeldSyncRun, and the
 * sync_needs_review event). Not annotated: HeldSyncRun's schema shows it as its example; the
 * held run below checks it against the type.
 */
export const exampleHeld = {
  users_deactivated: 0,
  users_deleted: 412,
  groups_deleted: 0,
  users_in_directory: 520,
  groups_in_directory: 31,
  threshold_percent: 20,
  user_share_percent: 79.2,
  group_share_percent: 0,
  reason: 'This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.',
  sample: [{ kind: 'user' as const, id: EXAMPLE_IDS.user, name: 'ada@acme.com', action: 'delete' as const }],
};

export const exampleHeldSyncRun: SyncRunJson = {
  ...exampleSyncRun,
  id: 'syncrun_01m8zr9f4e00p6s2y3mu8x',
  status: 'held',
  counts: { ...exampleSyncRun.counts, users_seen: 108, users_created: 0, users_updated: 0, users_deactivated: 0, groups_updated: 0, memberships_added: 0, memberships_removed: 0 },
  error_code: 'needs_review',
  error: exampleHeld.reason,
  held: exampleHeld,
};
