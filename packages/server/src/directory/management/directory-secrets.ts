import { newId } from '../../ids.js';
import { hashSecret, newSecret } from '../../secrets.js';
import type pg from 'pg';
import { expireActiveSecrets, insertDirectorySecret, revokeDirectorySecret, type DirectorySecretRow } from '../../store/directory-secrets.js';
import { insertEvents } from '../../store/events.js';
import { withTransaction } from '../../store/transaction.js';
import { failedPrecondition, notFound } from '../api-error.js';
import { getDirectory } from './directories.js';
import type { Services } from '../services.js';

/**
 * How long the secrets a regeneration replaces keep working: long enough to paste the new one
 * into the IdP and let a provisioning cycle run on it, short enough that a leaked old secret
 * dies the next day. A caller may choose 0 (immediately) up to MAX_GRACE_SECONDS.
 */
export const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;
export const MAX_GRACE_SECONDS = 7 * 24 * 60 * 60;

export interface CreatedSecret {
  plainSecret: string;
  secret: DirectorySecretRow;
}

async function insertSecret(client: pg.PoolClient, organizationId: string, directoryId: string, expiresAt: Date | null, sample = false): Promise<CreatedSecret> {
  const plainSecret = newSecret('rsk');
  const secret = await insertDirectorySecret(client, {
    id: newId('dirsec'),
    directoryId,
    hash: hashSecret(plainSecret),
    suffix: plainSecret.slice(-4),
    expiresAt,
    sample,
  });
  await insertEvents(client, [
    { id: newId('evt'), type: 'organization.directory.secret_created', organizationId, directoryId, object: 'DirectorySecret', data: { id: secret.id, secret_suffix: secret.secret_suffix } },
  ]);
  return { plainSecret, secret };
}

/** A pulled directory takes no SCIM pushes: it has no SCIM secrets, so no one can write to it but its sync. */
async function scimDirectory(services: Services, organizationId: string, directoryId: string): Promise<void> {
  const directory = await getDirectory(services, organizationId, directoryId);
  if (directory.directory_type !== 'SCIM') {
    throw failedPrecondition(`Directory ${directoryId} is a ${directory.directory_type} directory: Roster syncs it from its source, it takes no SCIM secrets`, { directory_id: directoryId });
  }
}

/** A new bearer token for the SCIM endpoint: 256 random bits, shown once, stored as SHA-256. */
export async function createDirectorySecret(
  services: Services,
  organizationId: string,
  directoryId: string,
  expiresAt: Date | null = null,
  options: { sample?: boolean } = {},
): Promise<CreatedSecret> {
  await scimDirectory(services, organizationId, directoryId);
  return withTransaction(services.db, (client) => insertSecret(client, organizationId, directoryId, expiresAt, options.sample));
}

/**
 * Rotation: a new secret, and every active secret of the directory set to expire after the
 * grace period (or sooner if it already would), so the IdP keeps working while the new secret
 * is put in place.
 */
export async function regenerateDirectorySecret(
  services: Services,
  organizationId: string,
  directoryId: string,
  graceSeconds: number = DEFAULT_GRACE_SECONDS,
): Promise<CreatedSecret & { expiring: DirectorySecretRow[] }> {
  await scimDirectory(services, organizationId, directoryId);
  const created = await withTransaction(services.db, async (client) => {
    const expiring = await expireActiveSecrets(client, directoryId, new Date(Date.now() + graceSeconds * 1000));
    return { ...(await insertSecret(client, organizationId, directoryId, null)), expiring };
  });
  services.scimAccess.clear();
  return created;
}

export async function revokeSecret(services: Services, organizationId: string, directoryId: string, secretId: string): Promise<DirectorySecretRow> {
  await getDirectory(services, organizationId, directoryId);
  const revoked = await withTransaction(services.db, async (client) => {
    const row = await revokeDirectorySecret(client, directoryId, secretId);
    if (!row) throw notFound('directory secret', secretId);
    await insertEvents(client, [
      { id: newId('evt'), type: 'organization.directory.secret_revoked', organizationId, directoryId, object: 'DirectorySecret', data: { id: row.id, secret_suffix: row.secret_suffix } },
    ]);
    return row;
  });
  // After the commit: a request racing the revocation must not re-cache the still-valid grant.
  services.scimAccess.clear();
  return revoked;
}
