import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { googleConsentAvailable } from '../../connectors/google-auth.js';
import { finishGoogleConsent, GOOGLE_CALLBACK_PATH, startGoogleConsent } from '../../connectors/google-consent.js';
import { isPulledDirectoryType } from '../../connectors/source.js';
import { sourceFor } from '../../connectors/source-registry.js';
import { ApiError } from '../../directory/api-error.js';
import { detailsOfDirectory } from '../../directory/management/directories.js';
import { resolvePortalSession } from '../../directory/access/portal-sessions.js';
import { createPulledDirectory, getDirectorySource, requestPulledSync, storePulledCredentials, updatePulledSource } from '../../directory/management/pulled-directories.js';
import type { Services } from '../../directory/services.js';
import { listSyncRuns } from '../../directory/management/sync-runs.js';
import { baseUrlOf } from '../base-url.js';
import { fastifyPath } from '../openapi-route.js';
import { idParameter, parseInput } from '../parse-body.js';
import { serializeDirectory } from '../serializers/directory.js';
import { serializeSyncRun } from '../serializers/directory-source.js';
import { changedSourceSettings, credentialsInput, newSourceSettings, sourceCredentials } from '../source-input.js';
import { readCookie } from '../web-cookies.js';
import { PORTAL_COOKIE, portalSessionOf } from '../web-session-auth.js';

// The admin portal's side of pulled directories: a customer's IT admin connects Google
// Workspace (OAuth consent or a service account) or BambooHR (subdomain and API key), presses
// "Sync now", and sees how the syncs go. Scoped to the portal session's organization, like the
// rest of /api/v1/portal.

const createPulledBody = z.object({
  directory_type: z.enum(['GOOGLE_WORKSPACE', 'BAMBOOHR'], { error: 'must be GOOGLE_WORKSPACE or BAMBOOHR' }),
  name: z.string().trim().min(1).max(200).optional(),
  google_workspace: z.record(z.string(), z.unknown()).optional(),
  bamboohr: z.record(z.string(), z.unknown()).optional(),
  credentials: credentialsInput.optional(),
});
const sourceBody = z.object({ credentials: credentialsInput.optional() }).passthrough();
const runsQuery = z.object({ page_size: z.coerce.number({ error: 'must be a number' }).int().min(1).max(50).optional(), page_token: z.string().max(2000).optional() });

export type OrganizationOf = (request: FastifyRequest) => string;

/** What the portal needs to know to offer pulled directories. */
export function pulledDirectoryOptions(services: Services): { available: boolean; google_consent: boolean } {
  return { available: services.config.ROSTER_ENCRYPTION_KEY !== undefined, google_consent: googleConsentAvailable(services.config) };
}

/** POST /api/v1/portal/directories with a pulled directory_type: the directory, its source, and credentials if given. */
export async function createPortalPulledDirectory(services: Services, organizationId: string, rawBody: unknown) {
  const body = parseInput(createPulledBody, rawBody);
  const type = body.directory_type;
  const source = sourceFor(type);
  const settings = newSourceSettings(type, body);
  const credentials = body.credentials ? sourceCredentials(type, body.credentials) : undefined;
  const directory = await createPulledDirectory(services, organizationId, { type, provider: source.provider, name: body.name ?? `${source.displayName} directory`, settings });
  if (credentials) {
    await storePulledCredentials(services, organizationId, directory.id, credentials.credentials, credentials.summary);
    services.wakeSync?.();
  }
  return directory;
}

/** Routes under the portal's directory path (`base` ends with `{directory_id}`), inside its session-checked scope. */
export function portalSourceRoutes(app: FastifyInstance, services: Services, base: string, organizationOf: OrganizationOf): void {
  const directoryId = (request: FastifyRequest) => idParameter(request, 'directory_id');

  app.patch(fastifyPath(`${base}/source`), async (request) => {
    const body = parseInput(sourceBody, request.body);
    const organizationId = organizationOf(request);
    const { directory, source } = await getDirectorySource(services, organizationId, directoryId(request));
    const settings = changedSourceSettings(directory.directory_type, source.settings, request.body);
    const credentials = body.credentials && isPulledDirectoryType(directory.directory_type) ? sourceCredentials(directory.directory_type, body.credentials) : undefined;
    if (settings) await updatePulledSource(services, organizationId, directory.id, { settings });
    if (credentials) await storePulledCredentials(services, organizationId, directory.id, credentials.credentials, credentials.summary);
    if (settings || credentials) services.wakeSync?.();
    return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
  });

  app.post(fastifyPath(`${base}:sync`), async (request) => {
    const organizationId = organizationOf(request);
    await requestPulledSync(services, organizationId, directoryId(request));
    services.wakeSync?.();
    const { directory } = await getDirectorySource(services, organizationId, directoryId(request));
    return { directory: serializeDirectory(await detailsOfDirectory(services, directory), baseUrlOf(services, request)) };
  });

  app.get(fastifyPath(`${base}/sync_runs`), async (request) => {
    const query = parseInput(runsQuery, request.query);
    const { items, ...tokens } = await listSyncRuns(services, organizationOf(request), directoryId(request), { pageSize: query.page_size ?? 10, pageToken: query.page_token });
    return { sync_runs: items.map(serializeSyncRun), ...tokens };
  });

  app.post(fastifyPath(`${base}/google/oauth:start`), async (request) => {
    const session = portalSessionOf(request);
    return { authorization_url: await startGoogleConsent(services, session, directoryId(request), baseUrlOf(services, request)) };
  });
}

/**
 * Where Google sends the admin back after consent. A browser page, not an API: it ends with a
 * redirect to the portal, which shows the directory connected (or what went wrong).
 */
export function googleConsentRoutes(app: FastifyInstance, services: Services): void {
  app.get(GOOGLE_CALLBACK_PATH, async (request, reply) => {
    const query = parseInput(z.object({ state: z.string().max(500).optional(), code: z.string().max(2000).optional(), error: z.string().max(200).optional() }).passthrough(), request.query);
    const token = readCookie(request, PORTAL_COOKIE);
    const session = token ? await resolvePortalSession(services, token) : undefined;
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    try {
      const outcome = await finishGoogleConsent(services, session, query, baseUrlOf(services, request));
      services.wakeSync?.();
      return reply.redirect(`/portal/?directory=${encodeURIComponent(outcome.directoryId)}&google=connected`, 303);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!session) throw new ApiError(error.status, error.code, `${error.message}. Open the admin portal link again.`, error.details);
      return reply.redirect(`/portal/?google_error=${encodeURIComponent(error.message)}`, 303);
    }
  });
}

