import { newId } from '../../ids.js';
import { hashSecret, newSecret } from '../../secrets.js';
import {
  countPortalLinks,
  deletePortalLink as deletePortalLinkRow,
  findPortalLinkByTokenHash,
  insertPortalLink,
  listPortalLinks as listPortalLinkRows,
  type PortalLinkRow,
} from '../../store/portal-links.js';
import { notFound } from '../api-error.js';
import { getOrganization } from '../management/organizations.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';

// Links that open the admin portal for one organization's IT admin. The token is 256 random
// bits, shown once inside `location` and stored as SHA-256; a link expires and can be revoked.

export const DEFAULT_PORTAL_LINK_SECONDS = 24 * 60 * 60;
export const MAX_PORTAL_LINK_SECONDS = 7 * 24 * 60 * 60;

export interface CreatedPortalLink {
  link: PortalLinkRow;
  location: string;
}

export function portalLocation(baseUrl: string, token: string): string {
  return `${baseUrl}/portal?token=${encodeURIComponent(token)}`;
}

export async function createPortalLink(services: Services, organizationId: string, baseUrl: string, expiresAt?: Date): Promise<CreatedPortalLink> {
  await getOrganization(services, organizationId);
  const token = newSecret('rpl');
  const link = await insertPortalLink(services.db.pool, {
    organizationId,
    id: newId('plink'),
    tokenHash: hashSecret(token),
    expiresAt: expiresAt ?? new Date(Date.now() + DEFAULT_PORTAL_LINK_SECONDS * 1000),
  });
  return { link, location: portalLocation(baseUrl, token) };
}

export async function listPortalLinks(services: Services, organizationId: string, request: PageRequest): Promise<Page<PortalLinkRow>> {
  await getOrganization(services, organizationId);
  const scope = `portal_links:${organizationId}`;
  const page = keysetPage(scope, request);
  const db = services.db.pool;
  const [read, total] = await Promise.all([listPortalLinkRows(db, organizationId, page), countPortalLinks(db, organizationId)]);
  return pageOf(scope, page, read, (row) => row.id, read.rows, total);
}

export async function revokePortalLink(services: Services, organizationId: string, linkId: string): Promise<void> {
  await getOrganization(services, organizationId);
  if (!(await deletePortalLinkRow(services.db.pool, organizationId, linkId))) throw notFound('portal link', linkId);
}

/** The organization a portal token opens, or undefined when it is unknown, expired or revoked (for the portal). */
export async function resolvePortalToken(services: Services, token: string): Promise<PortalLinkRow | undefined> {
  return findPortalLinkByTokenHash(services.db.pool, hashSecret(token));
}
