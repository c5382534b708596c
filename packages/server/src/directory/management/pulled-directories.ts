import { newId } from '../../ids.js';
import type { Queryable } from '../../store/database.js';
import type { SecretBox } from '../../secret-box.js';
import type { DirectoryRow } from '../../store/directories.js';
import { insertDirectory } from '../../store/directories.js';
import {
  countDirectorySources,
  countSealedCredentialsByKey,
  findDirectorySource,
  insertDirectorySource,
  requestSourceSync,
  storeSourceCredentials,
  updateDirectorySource,
  type DirectorySourceRow,
} from '../../store/directory-sources.js';
import { insertEvents } from '../../store/events.js';
import { withTransaction } from '../../store/transaction.js';
import { ApiError, failedPrecondition } from '../api-error.js';
import { getDirectory } from './directories.js';
import { directoryEvent } from './directory-events.js';
import { getOrganization, scimEnabled } from './organizations.js';
import type { Services } from '../services.js';

// Use cases of pulled directories (Google Workspace, BambooHR, ...): create one, change its
// source's settings and schedule, store its credentials (sealed), and ask for a sync now. What a
// source's settings and credentials must look like is the connectors' business (they parse
// them before these are called); here they are stored, sealed and scheduled.

export interface PulledDirectoryInput {
  type: string;
  provider: string;
  name?: string | undefined;
  settings: Record<string, unknown>;
  syncIntervalMinutes?: number | undefined;
  safetyThresholdPercent?: number | undefined;
}

export function requireEncryptionKey(services: Services): SecretBox {
  const box = services.secretBox;
  if (!box) {
    throw failedPrecondition('Pulled directories keep their source credentials encrypted: set ROSTER_ENCRYPTION_KEY (32 bytes, base64) and restart Roster first', {
      variable: 'ROSTER_ENCRYPTION_KEY',
    });
  }
  return box;
}

/**
 * At start: a store holding pulled directories needs the key their credentials were sealed with.
 * Without it, or with another, Roster stops with a message that says so (rather than failing
 * every sync later).
 */
export async function checkSourceCredentialsKey(db: Queryable, box: SecretBox | undefined): Promise<void> {
  if (!box) {
    if ((await countDirectorySources(db)) > 0) {
      throw new Error('This store holds pulled directories (Google Workspace, BambooHR) whose credentials are encrypted: set ROSTER_ENCRYPTION_KEY to the key they were stored with.');
    }
    return;
  }
  const foreign = [...(await countSealedCredentialsByKey(db))].filter(([keyId]) => keyId !== box.keyId);
  if (foreign.length === 0) return;
  const count = foreign.reduce((sum, [, each]) => sum + each, 0);
  throw new Error(
    `The source credentials of ${count} pulled directories were encrypted with another ROSTER_ENCRYPTION_KEY (key id ${foreign.map(([keyId]) => keyId).join(', ')}; ` +
      `this one has id ${box.keyId}): set the key they were encrypted with`,
  );
}

export async function createPulledDirectory(services: Services, organizationId: string, input: PulledDirectoryInput): Promise<DirectoryRow> {
  requireEncryptionKey(services);
  const organization = await getOrganization(services, organizationId);
  if (!scimEnabled(organization.features)) {
    throw new ApiError(
      403,
      'feature_disabled',
      `Directory sync is not enabled for organization ${organizationId}; enable the "scim" feature with PATCH /api/v1/organizations/${organizationId}/settings first`,
      { organization_id: organizationId, feature: 'scim' },
    );
  }
  return withTransaction(services.db, async (client) => {
    const directory = await insertDirectory(client, { id: newId('dir'), organizationId, name: input.name ?? `${input.provider} directory`, type: input.type, provider: input.provider });
    await insertDirectorySource(client, {
      directoryId: directory.id,
      source: input.type,
      settings: input.settings,
      intervalSeconds: (input.syncIntervalMinutes ?? services.config.ROSTER_SYNC_INTERVAL_MINUTES) * 60,
      thresholdPercent: input.safetyThresholdPercent ?? services.config.ROSTER_SYNC_SAFETY_THRESHOLD_PERCENT,
    });
    await insertEvents(client, [directoryEvent(directory, 'organization.directory.created')]);
    return directory;
  });
}

/** The source of a pulled directory of the organization; a SCIM directory has none (400). */
export async function getDirectorySource(services: Services, organizationId: string, directoryId: string): Promise<{ directory: DirectoryRow; source: DirectorySourceRow }> {
  const directory = await getDirectory(services, organizationId, directoryId);
  const source = await findDirectorySource(services.db.pool, directoryId);
  if (!source) throw notPulled(directory);
  return { directory, source };
}

function notPulled(directory: DirectoryRow): ApiError {
  return failedPrecondition(`Directory ${directory.id} is a ${directory.directory_type} directory: its IdP pushes users over SCIM, there is no source to sync from`, {
    directory_id: directory.id,
    directory_type: directory.directory_type,
  });
}

export interface SourceChanges {
  settings?: Record<string, unknown> | undefined;
  syncIntervalMinutes?: number | undefined;
  safetyThresholdPercent?: number | undefined;
}

/** Changes a source's settings or schedule; a new interval counts from now. */
export async function updatePulledSource(services: Services, organizationId: string, directoryId: string, changes: SourceChanges): Promise<DirectorySourceRow> {
  const directory = await getDirectory(services, organizationId, directoryId);
  return withTransaction(services.db, async (client) => {
    const current = await findDirectorySource(client, directoryId, { forUpdate: true });
    if (!current) throw notPulled(directory);
    const intervalSeconds = changes.syncIntervalMinutes === undefined ? undefined : changes.syncIntervalMinutes * 60;
    // A new interval reschedules a directory waiting on its old one; a changed scope syncs at once.
    let nextSyncAt: Date | null | undefined;
    if (current.credentials !== null && current.status !== 'needs_review') {
      if (changes.settings !== undefined) nextSyncAt = new Date();
      else if (intervalSeconds !== undefined && current.next_sync_at !== null) nextSyncAt = new Date(Date.now() + intervalSeconds * 1000);
    }
    return updateDirectorySource(client, directoryId, {
      ...(changes.settings !== undefined ? { settings: changes.settings } : {}),
      ...(intervalSeconds !== undefined ? { intervalSeconds } : {}),
      ...(changes.safetyThresholdPercent !== undefined ? { thresholdPercent: changes.safetyThresholdPercent } : {}),
      ...(nextSyncAt !== undefined ? { nextSyncAt } : {}),
    });
  });
}

/**
 * Seals and stores the source's credentials (bound to the directory id, so they open nowhere
 * else) and schedules a sync at once. The credentials are never returned or logged.
 */
export async function storePulledCredentials(
  services: Services,
  organizationId: string,
  directoryId: string,
  credentials: unknown,
  summary: { kind: string } & Record<string, string>,
): Promise<DirectorySourceRow> {
  const box = requireEncryptionKey(services);
  const { directory } = await getDirectorySource(services, organizationId, directoryId);
  return storeSourceCredentials(services.db.pool, directory.id, box.seal(JSON.stringify(credentials), directory.id), summary);
}

/** "Sync now": the directory is due at once (and again right after, if a run is going). */
export async function requestPulledSync(services: Services, organizationId: string, directoryId: string): Promise<DirectorySourceRow> {
  const { directory, source } = await getDirectorySource(services, organizationId, directoryId);
  if (!directory.enabled) throw failedPrecondition(`Directory ${directoryId} is disabled; enable it to sync`, { directory_id: directoryId });
  const requested = await requestSourceSync(services.db.pool, directoryId);
  if (!requested) {
    throw failedPrecondition(`Directory ${directoryId} is not connected to its source yet: give it credentials first`, { directory_id: directoryId, status: source.status });
  }
  return requested;
}

