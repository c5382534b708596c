import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DIRECTORY_PROVIDERS,
  createDirectory,
  deleteDirectory,
  detailsOfDirectory,
  getDirectoryDetails,
  listDirectoryDetails,
  setDirectoryEnabled,
  updateDirectory,
} from '../../directory/management/directories.js';
import { createPulledDirectory, storePulledCredentials } from '../../directory/management/pulled-directories.js';
import type { Services } from '../../directory/services.js';
import { isPulledDirectoryType } from '../../connectors/source.js';
import { sourceFor } from '../../connectors/source-registry.js';
import { invalidArgument } from '../../directory/api-error.js';
import { credentialsInput, newSourceSettings, scheduleFields, settingsFields, sourceCredentials } from '../source-input.js';
import { baseUrlOf } from '../base-url.js';
import { defineRoute } from '../openapi-route.js';
import { DIRECTORY_TYPES, directoryListResponse, directoryResponse, serializeDirectory, toggleDirectoryResponse } from '../serializers/directory.js';
import { exampleDirectory, onePage } from '../serializers/examples.js';
import { directoryParams, organizationParams, pageQuery, pageRequest } from './common-schemas.js';

const provider = z.enum(DIRECTORY_PROVIDERS, { error: `must be one of ${DIRECTORY_PROVIDERS.join(', ')}` });
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const createBody = z
  .object({
    directory_type: z
      .enum(DIRECTORY_TYPES, { error: `must be one of ${DIRECTORY_TYPES.join(', ')}` })
      .default('SCIM')
      .describe('SCIM: the IdP pushes users over SCIM. GOOGLE_WORKSPACE, BAMBOOHR: Roster pulls them from the source on a schedule (needs ROSTER_ENCRYPTION_KEY).'),
    directory_provider: provider.optional().describe('Required for SCIM directories; a pulled directory\'s provider follows from its type (GOOGLE, BAMBOOHR).'),
    name: name.optional().describe('Defaults to "<PROVIDER> directory".'),
    ...settingsFields,
    credentials: credentialsInput.optional(),
    ...scheduleFields,
  })
  .meta({
    examples: [
      { directory_type: 'SCIM', directory_provider: 'OKTA' },
      { directory_type: 'GOOGLE_WORKSPACE', google_workspace: { org_units: ['/Engineering'] }, sync_interval_minutes: 30 },
      { directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'acme' }, credentials: { api_key: 'e0d9...' } },
    ],
  });

const PULLED_ONLY = ['google_workspace', 'bamboohr', 'credentials', 'sync_interval_minutes', 'safety_threshold_percent'] as const;

/** A pulled directory (GOOGLE_WORKSPACE, BAMBOOHR): the directory and its source, then its credentials if given. */
async function createPulled(services: Services, organizationId: string, body: z.infer<typeof createBody>) {
  const type = body.directory_type;
  if (!isPulledDirectoryType(type)) throw new Error('not a pulled type');
  const source = sourceFor(type);
  if (body.directory_provider !== undefined && body.directory_provider !== source.provider) {
    throw invalidArgument('directory_provider', `a ${type} directory's provider is ${source.provider}`);
  }
  const settings = newSourceSettings(type, body);
  const credentials = body.credentials ? sourceCredentials(type, body.credentials) : undefined;
  const directory = await createPulledDirectory(services, organizationId, {
    type,
    provider: source.provider,
    name: body.name ?? `${source.displayName} directory`,
    settings,
    syncIntervalMinutes: body.sync_interval_minutes,
    safetyThresholdPercent: body.safety_threshold_percent,
  });
  if (credentials) {
    await storePulledCredentials(services, organizationId, directory.id, credentials.credentials, credentials.summary);
    services.wakeSync?.();
  }
  return directory;
}

const updateBody = z.object({ name: name.optional(), directory_provider: provider.optional() });

const base = '/api/v1/organizations/{organization_id}/directories';
const TAG = 'Directories';

export function directoryRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'POST',
      path: base,
      operationId: 'createDirectory',
      tag: TAG,
      summary: 'Create a directory',
      description:
        'A SCIM directory (directory_type SCIM, the default) is pushed by the IdP: its directory_endpoint is the SCIM base URL to give the IdP; ' +
        'create a secret next for the bearer token. A GOOGLE_WORKSPACE or BAMBOOHR directory is pulled by Roster from the source on a schedule once it has ' +
        'credentials (given here, with PATCH .../source, or through the admin portal); it needs ROSTER_ENCRYPTION_KEY (400 failed_precondition otherwise). ' +
        'The organization must have the "scim" feature enabled (403 feature_disabled otherwise). Writes an organization.directory.created event.',
      examples: {
        request: { directory_type: 'SCIM', directory_provider: 'OKTA', name: 'Okta' },
        response: {
          directory: { ...exampleDirectory, status: 'NOT_CONFIGURED', last_synced_at: null, total_users: 0, total_groups: 0, secrets: [], stats: { total_users: 0, total_groups: 0, user_updated_at: null, group_updated_at: null }, role_assignments: { assignments: [] }, attribute_mappings: { attributes: [] } },
        },
      },
      params: organizationParams,
      body: createBody,
      status: 201,
      response: directoryResponse,
      errors: [403, 404],
    },
    async ({ params, body }, request) => {
      let directory;
      if (body.directory_type === 'SCIM') {
        for (const field of PULLED_ONLY) if (body[field] !== undefined) throw invalidArgument(field, 'is for pulled directories (GOOGLE_WORKSPACE, BAMBOOHR), not SCIM ones');
        if (body.directory_provider === undefined) throw invalidArgument('directory_provider', 'is required for a SCIM directory');
        if (body.directory_provider === 'BAMBOOHR') throw invalidArgument('directory_provider', 'BambooHR does not push over SCIM: create a BAMBOOHR directory instead');
        directory = await createDirectory(services, params.organization_id, { type: 'SCIM', provider: body.directory_provider, name: body.name });
      } else {
        directory = await createPulled(services, params.organization_id, body);
      }
      return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: base,
      operationId: 'listDirectories',
      tag: TAG,
      summary: "List an organization's directories",
      description: "The organization's directories with their status, endpoint, secrets (never the secrets themselves), counts and mappings, oldest first.",
      examples: { response: { directories: [exampleDirectory], ...onePage } },
      params: organizationParams,
      query: z.object(pageQuery),
      status: 200,
      response: directoryListResponse,
      errors: [404],
    },
    async ({ params, query }, request) => {
      const { items, ...tokens } = await listDirectoryDetails(services, params.organization_id, pageRequest(query));
      const baseUrl = baseUrlOf(services, request);
      return { directories: items.map((details) => serializeDirectory(details, baseUrl)), ...tokens };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      path: `${base}/{directory_id}`,
      operationId: 'getDirectory',
      tag: TAG,
      summary: 'Get a directory',
      description: 'One directory: whether the IdP has connected (status, last_synced_at), its SCIM endpoint, secrets, counts, role assignments and attribute mappings.',
      examples: { response: { directory: exampleDirectory } },
      params: directoryParams,
      status: 200,
      response: directoryResponse,
      errors: [404],
    },
    async ({ params }, request) => ({
      directory: serializeDirectory(await getDirectoryDetails(services, params.organization_id, params.directory_id), baseUrlOf(services, request)),
    }),
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      path: `${base}/{directory_id}`,
      operationId: 'updateDirectory',
      tag: TAG,
      summary: "Update a directory's name or provider",
      description: 'Renames the directory or records another provider (which changes how its portal guide reads); fields left out keep their value.',
      examples: { request: { name: 'Okta (production)' }, response: { directory: { ...exampleDirectory, name: 'Okta (production)' } } },
      params: directoryParams,
      body: updateBody,
      status: 200,
      response: directoryResponse,
      errors: [404],
    },
    async ({ params, body }, request) => {
      const directory = await updateDirectory(services, params.organization_id, params.directory_id, { name: body.name, provider: body.directory_provider });
      return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      path: `${base}/{directory_id}`,
      operationId: 'deleteDirectory',
      tag: TAG,
      summary: 'Delete a directory',
      description:
        'Deletes the directory with its users, groups, secrets and request log; its IdP is answered 401 from then on. Writes an ' +
        'organization.directory.deleted event (no user or group events follow).',
      params: directoryParams,
      status: 204,
      errors: [404],
    },
    async ({ params }) => {
      await deleteDirectory(services, params.organization_id, params.directory_id);
      return undefined;
    },
  );

  for (const enabled of [true, false]) {
    const verb = enabled ? 'enable' : 'disable';
    defineRoute(
      app,
      {
        method: 'PATCH',
        path: `${base}/{directory_id}:${verb}`,
        operationId: `${verb}Directory`,
        tag: TAG,
        summary: enabled ? 'Enable provisioning for a directory' : 'Disable provisioning for a directory (its IdP is answered 403)',
        description: enabled
          ? 'Its IdP is answered again. error_message says why provisioning still cannot run, when the organization has "scim" turned off. ' +
            'Writes an organization.directory_enabled event.'
          : 'Its IdP is answered 403 until the directory is enabled again; users and groups are kept. Writes an organization.directory_disabled event.',
        examples: { response: { enabled } },
        params: directoryParams,
        status: 200,
        response: toggleDirectoryResponse,
        errors: [404],
      },
      async ({ params }) => setDirectoryEnabled(services, params.organization_id, params.directory_id, enabled),
    );
  }
}
