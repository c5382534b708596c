import { newId } from '../ids.js';
import { hashSecret, newSecret } from '../secrets.js';
import { directoryStats, findDirectory, insertDirectory, listDirectories, type DirectoryRow, type DirectoryStats } from '../store/directories.js';
import { insertDirectorySecret, listDirectorySecrets, revokeDirectorySecret, type DirectorySecretRow } from '../store/directory-secrets.js';
import { insertEvents } from '../store/events.js';
import { withTransaction } from '../store/transaction.js';
import { ApiError, notFound } from './api-error.js';
import { getOrganization, scimEnabled } from './organizations.js';
import type { Services } from './services.js';

export const DIRECTORY_PROVIDERS = ['OKTA', 'AZURE_AD', 'GOOGLE', 'ONELOGIN', 'JUMPCLOUD', 'PING_IDENTITY', 'AUTHENTIK', 'OTHER'] as const;
export type DirectoryProvider = (typeof DIRECTORY_PROVIDERS)[number];

export interface DirectoryDetails {
  directory: DirectoryRow;
  stats: DirectoryStats;
  secrets: DirectorySecretRow[];
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
  const id = newId('dir');
  return withTransaction(services.db, async (client) => {
    const directory = await insertDirectory(client, {
      id,
      organizationId,
      name: input.name ?? `${input.provider} directory`,
      type: input.type,
      provider: input.provider,
    });
    await insertEvents(client, [
      { id: newId('evt'), type: 'organization.directory.created', organizationId, directoryId: id, object: 'Directory', data: { id, provider: input.provider } },
    ]);
    return directory;
  });
}

export async function getDirectory(services: Services, organizationId: string, directoryId: string): Promise<DirectoryRow> {
  const directory = await findDirectory(services.db.pool, organizationId, directoryId);
  if (!directory) throw notFound('directory', directoryId);
  return directory;
}

export async function getDirectoryDetails(services: Services, organizationId: string, directoryId: string): Promise<DirectoryDetails> {
  const directory = await getDirectory(services, organizationId, directoryId);
  const [stats, secrets] = await Promise.all([
    directoryStats(services.db.pool, directoryId),
    listDirectorySecrets(services.db.pool, directoryId),
  ]);
  return { directory, stats, secrets };
}

export async function listDirectoryDetails(services: Services, organizationId: string): Promise<DirectoryDetails[]> {
  await getOrganization(services, organizationId);
  const directories = await listDirectories(services.db.pool, organizationId);
  return Promise.all(directories.map((directory) => getDirectoryDetails(services, organizationId, directory.id)));
}

export interface CreatedSecret {
  plainSecret: string;
  secret: DirectorySecretRow;
}

/** A new bearer token for the SCIM endpoint: 256 random bits, shown once, stored as SHA-256. */
export async function createDirectorySecret(
  services: Services,
  organizationId: string,
  directoryId: string,
  expiresAt: Date | null = null,
): Promise<CreatedSecret> {
  await getDirectory(services, organizationId, directoryId);
  const plainSecret = newSecret('rsk');
  const secret = await withTransaction(services.db, async (client) => {
    const row = await insertDirectorySecret(client, {
      id: newId('dirsec'),
      directoryId,
      hash: hashSecret(plainSecret),
      suffix: plainSecret.slice(-4),
      expiresAt,
    });
    await insertEvents(client, [
      { id: newId('evt'), type: 'organization.directory.secret_created', organizationId, directoryId, object: 'DirectorySecret', data: { id: row.id, secret_suffix: row.secret_suffix } },
    ]);
    return row;
  });
  return { plainSecret, secret };
}

export async function revokeSecret(services: Services, organizationId: string, directoryId: string, secretId: string): Promise<DirectorySecretRow> {
  await getDirectory(services, organizationId, directoryId);
  return withTransaction(services.db, async (client) => {
    const row = await revokeDirectorySecret(client, directoryId, secretId);
    if (!row) throw notFound('directory secret', secretId);
    services.scimAccess.clear();
    await insertEvents(client, [
      { id: newId('evt'), type: 'organization.directory.secret_revoked', organizationId, directoryId, object: 'DirectorySecret', data: { id: row.id, secret_suffix: row.secret_suffix } },
    ]);
    return row;
  });
}
