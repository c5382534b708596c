import type { Queryable } from './database.js';

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
