import type { Queryable } from './database.js';
import type { UserColumns } from '../scim/resource/resource-columns.js';
import type { ResourceRow } from './resources.js';

export type { UserColumns };

export interface UserRow extends ResourceRow {
  user_name: string;
  external_id: string | null;
  display_name: string | null;
  given_name: string | null;
  family_name: string | null;
  primary_email: string | null;
  emails: string[];
  active: boolean;
}

function columnValues(columns: UserColumns): unknown[] {
  return [
    columns.userName,
    columns.externalId,
    columns.displayName,
    columns.givenName,
    columns.familyName,
    columns.primaryEmail,
    columns.emails,
    columns.active,
  ];
}

export async function insertUser(
  db: Queryable,
  user: { directoryId: string; id: string; columns: UserColumns; resource: Record<string, unknown>; sample?: boolean },
): Promise<UserRow> {
  const result = await db.query<UserRow>(
    `INSERT INTO directory_users (directory_id, id, user_name, external_id, display_name, given_name, family_name,
                                  primary_email, emails, active, resource, sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [user.directoryId, user.id, ...columnValues(user.columns), user.resource, user.sample ?? false],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

