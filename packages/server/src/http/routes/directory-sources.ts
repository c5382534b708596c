import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bamboohrSettingsSchema } from '../../connectors/bamboohr.js';
import { googleSettingsSchema } from '../../connectors/google-workspace.js';
import { isPulledDirectoryType } from '../../connectors/source.js';
import { detailsOfDirectory } from '../../directory/management/directories.js';
import { getDirectorySource, requestPulledSync, storePulledCredentials, updatePulledSource } from '../../directory/management/pulled-directories.js';
import type { Services } from '../../directory/services.js';
import { approveSyncRun, listSyncRuns } from '../../directory/management/sync-runs.js';
import { baseUrlOf } from '../base-url.js';
import { defineRoute } from '../openapi-route.js';
import { directoryResponse, serializeDirectory } from '../serializers/directory.js';
import { serializeSyncRun, syncRunListResponse, syncRunResponse } from '../serializers/directory-source.js';
import { EXAMPLE_TIME, onePage } from '../serializers/examples.js';
import { exampleGoogleDirectory, exampleHeldSyncRun, exampleSyncRun } from '../serializers/pulled-examples.js';
import { changedSourceSettings, credentialsInput, scheduleFields, sourceCredentials } from '../source-input.js';
import { directoryParams, pageQuery, pageRequest } from './common-schemas.js';

// The management API of pulled directories (Google Workspace, BambooHR): the source's settings
// and credentials, "Sync now", the runs, and approving a run the safety threshold held.

const base = '/api/v1/organizations/{organization_id}/directories/{directory_id}';
const TAG = 'Directory sync';

const sourceBody = z
  .object({
    google_workspace: googleSettingsSchema.partial().optional().describe('Google Workspace settings to change; fields not sent stay as they are.'),
    bamboohr: bamboohrSettingsSchema.partial().optional().describe('BambooHR settings to change; fields not sent stay as they are.'),
    credentials: credentialsInput.optional(),
    ...scheduleFields,
  })
  .meta({
    examples: [
      { google_workspace: { group_emails: ['engineering@acme.example'] } },
      { credentials: { admin_email: 'admin@acme.example', service_account_key: { type: 'service_account', client_email: 'roster-sync@acme.iam.gserviceaccount.com', private_key: '-----BEGIN PRIVATE KEY-----\n...' } } },
      { sync_interval_minutes: 60, safety_threshold_percent: 10 },
    ],
  });

const runParams = directoryParams.extend({ sync_run_id: z.string().min(1).max(200).describe('A sync run id (syncrun_...).') });

export function directorySourceRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'PATCH',
      path: `${base}/source`,
      operationId: 'updateDirectorySource',
      tag: TAG,
      summary: "Change a pulled directory's source settings, credentials or schedule",
      description:
        'Settings sent replace those stored, field by field; a changed scope or new credentials sync at once. Credentials are write-only: stored encrypted with ' +
        'ROSTER_ENCRYPTION_KEY, never returned. 400 failed_precondition for a SCIM directory.',
      examples: {
        request: { google_workspace: { group_emails: ['engineering@acme.com'] }, sync_interval_minutes: 60 },
        response: {
          directory: {
            ...exampleGoogleDirectory,
            source: exampleGoogleDirectory.source && { ...exampleGoogleDirectory.source, google_workspace: { customer_id: 'my_customer', org_units: [], group_emails: ['engineering@acme.com'] }, sync_interval_minutes: 60, next_sync_time: EXAMPLE_TIME },
          },
        },
      },
      params: directoryParams,
      body: sourceBody,
      status: 200,
      response: directoryResponse,
      errors: [404],
    },
    async ({ params, body }, request) => {
      const { directory, source } = await getDirectorySource(services, params.organization_id, params.directory_id);
      const settings = changedSourceSettings(directory.directory_type, source.settings, request.body);
      const credentials = body.credentials && isPulledDirectoryType(directory.directory_type) ? sourceCredentials(directory.directory_type, body.credentials) : undefined;
      await updatePulledSource(services, params.organization_id, params.directory_id, {
        settings,
        syncIntervalMinutes: body.sync_interval_minutes,
        safetyThresholdPercent: body.safety_threshold_percent,
      });
      if (credentials) await storePulledCredentials(services, params.organization_id, params.directory_id, credentials.credentials, credentials.summary);
      if (credentials || settings) services.wakeSync?.();
      return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: `${base}:sync`,
      operationId: 'syncDirectory',
      tag: TAG,
      summary: 'Sync a pulled directory now',
      description:
        'Starts a run at once on some node (or right after the one going). A directory waiting for review is synced again: if the source still lists far fewer people, ' +
        'the new run is held too. 400 failed_precondition when the directory is SCIM, disabled, or has no credentials yet. The answer is the directory with ' +
        'next_sync_time now; follow the run with GET .../sync_runs.',
      examples: { response: { directory: { ...exampleGoogleDirectory, source: exampleGoogleDirectory.source && { ...exampleGoogleDirectory.source, next_sync_time: EXAMPLE_TIME } } } },
      params: directoryParams,
      status: 200,
      response: directoryResponse,
      errors: [404],
    },
    async ({ params }, request) => {
      await requestPulledSync(services, params.organization_id, params.directory_id);
      services.wakeSync?.();
      const { directory } = await getDirectorySource(services, params.organization_id, params.directory_id);
      return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/sync_runs`,
      operationId: 'listDirectorySyncRuns',
      tag: TAG,
      summary: "List a pulled directory's sync runs, newest first",
      description:
        'Each run: when it started and finished, what triggered it, what it saw and changed (counts, with source_calls), and how it ended (status, error_code, ' +
        'error); a run held by the safety threshold says what it would have removed (held). 400 failed_precondition for a SCIM directory.',
      examples: { response: { sync_runs: [exampleHeldSyncRun, exampleSyncRun], ...onePage, total_size: 2 } },
      params: directoryParams,
      query: z.object(pageQuery),
      status: 200,
      response: syncRunListResponse,
      errors: [404],
    },
    async ({ params, query }) => {
      const { items, ...tokens } = await listSyncRuns(services, params.organization_id, params.directory_id, pageRequest(query));
      return { sync_runs: items.map(serializeSyncRun), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: `${base}/sync_runs/{sync_run_id}:approve`,
      operationId: 'approveDirectorySyncRun',
      tag: TAG,
      summary: 'Approve a sync run held by the safety threshold',
      description:
        'The directory returns to active and a run starts at once that may deactivate and delete up to what the held run would have (more than that is held again). ' +
        'Only the newest run of a directory that needs review can be approved (400 failed_precondition otherwise).',
      examples: { response: { sync_run: { ...exampleHeldSyncRun, approve_time: EXAMPLE_TIME } } },
      params: runParams,
      status: 200,
      response: syncRunResponse,
      errors: [404],
    },
    async ({ params }) => {
      const run = await approveSyncRun(services, params.organization_id, params.directory_id, params.sync_run_id);
      services.wakeSync?.();
      return { sync_run: serializeSyncRun(run) };
    },
  );
}
