import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

export interface PortalLinkRow {
  organization_id: string;
  id: string;
  created_at: Date;
  expires_at: Date;
}

const LINK_COLUMNS = 'organization_id, id, created_at, expires_at';

export async function insertPortalLink(
  db: Queryable,
  link: { organizationId: string; id: string; tokenHash: string; expiresAt: Date },
): Promise<PortalLinkRow> {
  // Expired links of the organization are swept as new ones are made.
  await db.query('DELETE FROM portal_links WHERE organization_id = $1 AND expires_at <= now()', [link.organizationId]);
  const result = await db.query<PortalLinkRow>(
    `INSERT INTO portal_links (organization_id, id, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING ${LINK_COLUMNS}`,
    [link.organizationId, link.id, link.tokenHash, link.expiresAt],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The organization's unexpired links. */
export async function listPortalLinks(db: Queryable, organizationId: string, page: KeysetPage): Promise<{ rows: PortalLinkRow[]; more: boolean }> {
  const params = new SqlParams([organizationId]);
  const { condition, order, limit } = keysetClauses('id', page, params);
  const result = await db.query<PortalLinkRow>(
    `SELECT ${LINK_COLUMNS} FROM portal_links WHERE organization_id = $1 AND expires_at > now() AND ${condition} ORDER BY ${order} LIMIT ${limit}`,
    params.values,
  );
  return keysetRows(result.rows, page);
}

export async function countPortalLinks(db: Queryable, organizationId: string): Promise<number> {
  const result = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM portal_links WHERE organization_id = $1 AND expires_at > now()',
    [organizationId],
  );
  return result.rows[0]?.count ?? 0;
}

export async function deletePortalLink(db: Queryable, organizationId: string, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM portal_links WHERE organization_id = $1 AND id = $2', [organizationId, id]);
  return (result.rowCount ?? 0) > 0;
}

export async function deletePortalLinks(db: Queryable, organizationId: string): Promise<number> {
  const result = await db.query('DELETE FROM portal_links WHERE organization_id = $1', [organizationId]);
  return result.rowCount ?? 0;
}

/** The unexpired link with this token hash, or undefined. */
export async function findPortalLinkByTokenHash(db: Queryable, tokenHash: string): Promise<PortalLinkRow | undefined> {
  const result = await db.query<PortalLinkRow>(`SELECT ${LINK_COLUMNS} FROM portal_links WHERE token_hash = $1 AND expires_at > now()`, [tokenHash]);
  return result.rows[0];
}
