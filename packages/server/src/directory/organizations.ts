import { newId } from '../ids.js';
import { findOrganization, insertOrganization, updateOrganizationFeatures, type OrganizationFeature, type OrganizationRow } from '../store/organizations.js';
import { isUniqueViolation } from '../store/errors.js';
import { conflict, notFound } from './api-error.js';
import type { Services } from './services.js';

export async function createOrganization(
  services: Services,
  input: { displayName: string; externalId?: string | undefined },
): Promise<OrganizationRow> {
  try {
    return await insertOrganization(services.db.pool, { id: newId('org'), displayName: input.displayName, externalId: input.externalId ?? null });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`an organization with external_id ${input.externalId} already exists`, { external_id: input.externalId });
    throw error;
  }
}

export async function getOrganization(services: Services, id: string): Promise<OrganizationRow> {
  const organization = await findOrganization(services.db.pool, id);
  if (!organization) throw notFound('organization', id);
  return organization;
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
  return updated;
}

/** SCIM is on when either of the names Scalekit's guide uses for it is enabled. */
export function scimEnabled(features: OrganizationFeature[]): boolean {
  return features.some((feature) => (feature.name === 'scim' || feature.name === 'dir_sync') && feature.enabled);
}
