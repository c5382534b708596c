import { newId } from '../../ids.js';
import {
  countOrganizations,
  deleteOrganization as deleteOrganizationRow,
  findOrganization,
  findOrganizationByExternalId,
  insertOrganization,
  listOrganizations as listOrganizationRows,
  updateOrganization as updateOrganizationRow,
  updateOrganizationFeatures,
  type OrganizationFeature,
  type OrganizationRow,
} from '../../store/organizations.js';
import { listDirectories } from '../../store/directories.js';
import { isUniqueViolation } from '../../store/errors.js';
import { withTransaction } from '../../store/transaction.js';
import { conflict, notFound } from '../api-error.js';
import { recordDirectoriesDeleted } from './directory-events.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';

const externalIdTaken = (externalId: string | null | undefined) =>
  conflict(`an organization with external_id ${externalId} already exists`, { parameter: 'external_id', external_id: externalId });

export async function createOrganization(
  services: Services,
  input: { displayName: string; externalId?: string | undefined },
): Promise<OrganizationRow> {
  try {
    // In a transaction even alone: a failed statement outside one breaks the embedded store's connection.
    return await withTransaction(services.db, (client) =>
      insertOrganization(client, { id: newId('org'), displayName: input.displayName, externalId: input.externalId ?? null }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken(input.externalId);
    throw error;
  }
}

export async function getOrganization(services: Services, id: string): Promise<OrganizationRow> {
  const organization = await findOrganization(services.db.pool, id);
  if (!organization) throw notFound('organization', id);
  return organization;
}

export async function getOrganizationByExternalId(services: Services, externalId: string): Promise<OrganizationRow> {
  const organization = await findOrganizationByExternalId(services.db.pool, externalId);
  if (!organization) throw notFound('organization with external_id', externalId);
  return organization;
}

export async function listOrganizations(services: Services, request: PageRequest): Promise<Page<OrganizationRow>> {
  const scope = 'organizations';
  const page = keysetPage(scope, request);
  const [read, total] = await Promise.all([listOrganizationRows(services.db.pool, page), countOrganizations(services.db.pool)]);
  return pageOf(scope, page, read, (row) => row.id, read.rows, total);
}

export async function updateOrganization(
  services: Services,
  id: string,
  changes: { displayName?: string | undefined; externalId?: string | null | undefined },
): Promise<OrganizationRow> {
  try {
    const updated = await withTransaction(services.db, (client) => updateOrganizationRow(client, id, changes));
    if (!updated) throw notFound('organization', id);
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken(changes.externalId);
    throw error;
  }
}

/** Deletes the organization with its directories (and their users and groups) and portal links. */
export async function deleteOrganization(services: Services, id: string): Promise<void> {
  const directories = await withTransaction(services.db, async (client) => {
    const owned = await listDirectories(client, id);
    if (!(await deleteOrganizationRow(client, id))) throw notFound('organization', id);
    // The app hears of each directory that goes; the event catalogue has no organization events.
    await recordDirectoriesDeleted(client, owned);
    return owned;
  });
  services.changesRecorded();
  for (const directory of directories) services.pagePositions.forgetDirectory(directory.id);
  services.scimAccess.clear();
}

/** Merges the given features into the organization's settings; features not named keep their state. */
export async function updateOrganizationSettings(services: Services, id: string, features: OrganizationFeature[]): Promise<OrganizationRow> {
  const organization = await getOrganization(services, id);
  const merged = new Map(organization.features.map((feature) => [feature.name, feature.enabled]));
  for (const feature of features) merged.set(feature.name, feature.enabled);
  const updated = await updateOrganizationFeatures(
    services.db.pool,
    id,
    [...merged].map(([name, enabled]) => ({ name, enabled })),
  );
  if (!updated) throw notFound('organization', id);
  // The SCIM endpoint caches grants for a few seconds; a feature turned off must bite at once.
  services.scimAccess.clear();
  return updated;
}

/** SCIM is on when either of the names Scalekit's guide uses for it is enabled. */
export function scimEnabled(features: OrganizationFeature[]): boolean {
  return features.some((feature) => (feature.name === 'scim' || feature.name === 'dir_sync') && feature.enabled);
}
