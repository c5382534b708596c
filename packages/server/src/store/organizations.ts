import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

export interface OrganizationFeature {
  name: string;
  enabled: boolean;
}

export interface OrganizationRow {
  id: string;
  display_name: string;
  external_id: string | null;
  features: OrganizationFeature[];
  created_at: Date;
  updated_at: Date;
}

export async function insertOrganization(
  db: Queryable,
  organization: { id: string; displayName: string; externalId: string | null },
): Promise<OrganizationRow> {
  const result = await db.query<OrganizationRow>(
    'INSERT INTO organizations (id, display_name, external_id) VALUES ($1, $2, $3) RETURNING *',
    [organization.id, organization.displayName, organization.externalId],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findOrganization(db: Queryable, id: string): Promise<OrganizationRow | undefined> {
  const result = await db.query<OrganizationRow>('SELECT * FROM organizations WHERE id = $1', [id]);
  return result.rows[0];
}

export async function findOrganizationByExternalId(db: Queryable, externalId: string): Promise<OrganizationRow | undefined> {
  const result = await db.query<OrganizationRow>('SELECT * FROM organizations WHERE external_id = $1', [externalId]);
  return result.rows[0];
}

export async function listOrganizations(db: Queryable, page: KeysetPage): Promise<{ rows: OrganizationRow[]; more: boolean }> {
  const params = new SqlParams();
  const { condition, order, limit } = keysetClauses('id', page, params);
  const result = await db.query<OrganizationRow>(`SELECT * FROM organizations WHERE ${condition} ORDER BY ${order} LIMIT ${limit}`, params.values);
  return keysetRows(result.rows, page);
}

export async function countOrganizations(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM organizations');
  return result.rows[0]?.count ?? 0;
}

/** Changes the given fields; `externalId: null` clears it, undefined leaves it. */
export async function updateOrganization(
  db: Queryable,
  id: string,
  changes: { displayName?: string | undefined; externalId?: string | null | undefined },
): Promise<OrganizationRow | undefined> {
  const result = await db.query<OrganizationRow>(
    `UPDATE organizations SET display_name = coalesce($2, display_name),
            external_id = CASE WHEN $3 THEN $4 ELSE external_id END, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, changes.displayName ?? null, changes.externalId !== undefined, changes.externalId ?? null],
  );
  return result.rows[0];
}

export async function updateOrganizationFeatures(
  db: Queryable,
  id: string,
  features: OrganizationFeature[],
): Promise<OrganizationRow | undefined> {
  const result = await db.query<OrganizationRow>(
    'UPDATE organizations SET features = $2, updated_at = now() WHERE id = $1 RETURNING *',
    [id, JSON.stringify(features)],
  );
  return result.rows[0];
}

/** Deletes the organization; its directories, their users, groups and secrets, and its portal links go with it. */
export async function deleteOrganization(db: Queryable, id: string): Promise<boolean> {
  // The request log has no foreign key (002_management.sql): its lines go explicitly.
  await db.query('DELETE FROM scim_request_log WHERE directory_id IN (SELECT id FROM directories WHERE organization_id = $1)', [id]);
  const result = await db.query('DELETE FROM organizations WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}
