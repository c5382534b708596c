import { newId } from '../../ids.js';
import type { Queryable } from '../../store/database.js';
import {
  countDirectories,
  deleteDirectory as deleteDirectoryRow,
  directoryStatsOf,
  findDirectory,
  insertDirectory,
  listDirectoriesPage,
  updateDirectory as updateDirectoryRow,
  type DirectoryRow,
  type DirectoryStats,
} from '../../store/directories.js';
import { listSecretsOfDirectories, type DirectorySecretRow } from '../../store/directory-secrets.js';
import { listDirectorySources, type DirectorySourceRow } from '../../store/directory-sources.js';
import { latestSyncRuns, type SyncRunRow } from '../../store/sync-runs.js';
import { insertEvents } from '../../store/events.js';
import { listRoleAssignments, type RoleAssignmentRow } from '../../store/role-assignments.js';
import { withTransaction } from '../../store/transaction.js';
import { ApiError, notFound } from '../api-error.js';
import { directoryEvent, recordDirectoriesDeleted } from './directory-events.js';
import { getOrganization, scimEnabled } from './organizations.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';

export const DIRECTORY_PROVIDERS = ['OKTA', 'AZURE_AD', 'GOOGLE', 'ONELOGIN', 'JUMPCLOUD', 'PING_IDENTITY', 'AUTHENTIK', 'OTHER', 'BAMBOOHR'] as const;
export type DirectoryProvider = (typeof DIRECTORY_PROVIDERS)[number];

export interface DirectoryDetails {
  directory: DirectoryRow;
  stats: DirectoryStats;
  secrets: DirectorySecretRow[];
  assignments: RoleAssignmentRow[];
  /** A pulled directory's source and its newest sync run (absent for SCIM directories). */
  source?: DirectorySourceRow | undefined;
  lastRun?: SyncRunRow | undefined;
}

/** The SCIM base URL of a directory, under the server's public base URL. */
export function scimEndpoint(baseUrl: string, directoryId: string): string {
  return `${baseUrl}/api/v1/directories/${directoryId}/scim/v2`;
}

export async function createDirectory(
  services: Services,
  organizationId: string,
  input: { type: 'SCIM'; provider: DirectoryProvider; name?: string | undefined },
): Promise<DirectoryRow> {
  const organization = await getOrganization(services, organizationId);
  if (!scimEnabled(organization.features)) {
    throw new ApiError(
      403,
      'feature_disabled',
      `SCIM is not enabled for organization ${organizationId}; enable the "scim" feature with PATCH /api/v1/organizations/${organizationId}/settings first`,
      { organization_id: organizationId, feature: 'scim' },
    );
  }
  return withTransaction(services.db, async (client) => {
    const directory = await insertDirectory(client, {
      id: newId('dir'),
      organizationId,
      name: input.name ?? `${input.provider} directory`,
      type: input.type,
      provider: input.provider,
    });
    await insertEvents(client, [directoryEvent(directory, 'organization.directory.created')]);
    return directory;
  });
}

/** The directory, if it belongs to the organization: another organization's directory is a 404 like an unknown one. */
export async function getDirectory(services: Services, organizationId: string, directoryId: string): Promise<DirectoryRow> {
  const directory = await findDirectory(services.db.pool, organizationId, directoryId);
  if (!directory) throw notFound('directory', directoryId);
  return directory;
}

/** Stats, secrets and role assignments of several directories: one query each, not one per directory. */
async function detailsOf(db: Queryable, directories: DirectoryRow[]): Promise<DirectoryDetails[]> {
  const ids = directories.map((directory) => directory.id);
  const pulled = directories.filter((directory) => directory.directory_type !== 'SCIM').map((directory) => directory.id);
  const [stats, secrets, assignments, sources, runs] = await Promise.all([
    directoryStatsOf(db, ids),
    listSecretsOfDirectories(db, ids),
    listRoleAssignments(db, ids),
    listDirectorySources(db, pulled),
    latestSyncRuns(db, pulled),
  ]);
  return directories.map((directory) => ({
    directory,
    stats: stats.get(directory.id) ?? { total_users: 0, total_groups: 0, user_updated_at: null, group_updated_at: null },
    secrets: secrets.get(directory.id) ?? [],
    assignments: assignments.get(directory.id) ?? [],
    source: sources.get(directory.id),
    lastRun: runs.get(directory.id),
  }));
}

export async function detailsOfDirectory(services: Services, directory: DirectoryRow): Promise<DirectoryDetails> {
  const [details] = await detailsOf(services.db.pool, [directory]);
  if (!details) throw new Error('details lost the directory');
  return details;
}

export async function getDirectoryDetails(services: Services, organizationId: string, directoryId: string): Promise<DirectoryDetails> {
  return detailsOfDirectory(services, await getDirectory(services, organizationId, directoryId));
}

export async function listDirectoryDetails(services: Services, organizationId: string, request: PageRequest = {}): Promise<Page<DirectoryDetails>> {
  await getOrganization(services, organizationId);
  const scope = `directories:${organizationId}`;
  const page = keysetPage(scope, request);
  const db = services.db.pool;
  const [read, total] = await Promise.all([listDirectoriesPage(db, organizationId, page), countDirectories(db, organizationId)]);
  return pageOf(scope, page, read, (row) => row.id, await detailsOf(db, read.rows), total);
}

export async function updateDirectory(
  services: Services,
  organizationId: string,
  directoryId: string,
  changes: { name?: string | undefined; provider?: DirectoryProvider | undefined },
): Promise<DirectoryRow> {
  const updated = await updateDirectoryRow(services.db.pool, organizationId, directoryId, changes);
  if (!updated) throw notFound('directory', directoryId);
  return updated;
}

export interface ToggleResult {
  enabled: boolean;
  error_message?: string;
}

/**
 * Turns provisioning for the directory on or off. Off, its IdP is answered 403 (SSOReady-style
 * honesty rather than a silent `200 {}`); the change is an event in the same transaction.
 */
export async function setDirectoryEnabled(services: Services, organizationId: string, directoryId: string, enabled: boolean): Promise<ToggleResult> {
  const organization = await getOrganization(services, organizationId);
  await withTransaction(services.db, async (client) => {
    const current = await findDirectory(client, organizationId, directoryId, { forUpdate: true });
    if (!current) throw notFound('directory', directoryId);
    if (current.enabled === enabled) return;
    const updated = await updateDirectoryRow(client, organizationId, directoryId, { enabled });
    if (!updated) throw notFound('directory', directoryId);
    await insertEvents(client, [directoryEvent(updated, enabled ? 'organization.directory_enabled' : 'organization.directory_disabled')]);
  });
  services.scimAccess.clear();
  if (enabled && !scimEnabled(organization.features)) {
    return { enabled, error_message: `SCIM is turned off for organization ${organizationId}: the IdP is refused until the "scim" feature is enabled` };
  }
  return { enabled };
}

/** Deletes the directory with its users, groups, memberships, secrets and request log. */
export async function deleteDirectory(services: Services, organizationId: string, directoryId: string): Promise<void> {
  await withTransaction(services.db, async (client) => {
    const deleted = await deleteDirectoryRow(client, organizationId, directoryId);
    if (!deleted) throw notFound('directory', directoryId);
    await recordDirectoriesDeleted(client, [deleted]);
  });
  services.changesRecorded();
  services.pagePositions.forgetDirectory(directoryId);
  services.scimAccess.clear();
}
