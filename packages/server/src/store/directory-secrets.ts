import type { Queryable } from './database.js';

export interface DirectorySecretRow {
  id: string;
  directory_id: string;
  secret_suffix: string;
  status: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}

/** What the SCIM endpoint needs to know about the directory a bearer token opens. */
export interface SecretGrant {
  secret_id: string;
  secret_hash: string;
  expires_at: Date | null;
  directory_id: string;
  organization_id: string;
  directory_enabled: boolean;
  organization_features: { name: string; enabled: boolean }[];
  /** A secret of "Send sample data": what it creates is sample data. */
  sample: boolean;
}

const SECRET_COLUMNS = 'id, directory_id, secret_suffix, status, created_at, expires_at, last_used_at';

export async function insertDirectorySecret(
  db: Queryable,
  secret: { id: string; directoryId: string; hash: string; suffix: string; expiresAt: Date | null; sample?: boolean },
): Promise<DirectorySecretRow> {
  const result = await db.query<DirectorySecretRow>(
    `INSERT INTO directory_secrets (id, directory_id, secret_hash, secret_suffix, expires_at, sample)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${SECRET_COLUMNS}`,
    [secret.id, secret.directoryId, secret.hash, secret.suffix, secret.expiresAt, secret.sample ?? false],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listDirectorySecrets(db: Queryable, directoryId: string): Promise<DirectorySecretRow[]> {
  const secrets = await listSecretsOfDirectories(db, [directoryId]);
  return secrets.get(directoryId) ?? [];
}

/** The secrets of several directories in one query, oldest first. */
export async function listSecretsOfDirectories(db: Queryable, directoryIds: string[]): Promise<Map<string, DirectorySecretRow[]>> {
  const byDirectory = new Map<string, DirectorySecretRow[]>();
  if (directoryIds.length === 0) return byDirectory;
  const result = await db.query<DirectorySecretRow>(
    `SELECT ${SECRET_COLUMNS} FROM directory_secrets WHERE directory_id = ANY($1::text[]) ORDER BY directory_id, created_at, id`,
    [directoryIds],
  );
  for (const row of result.rows) {
    const list = byDirectory.get(row.directory_id) ?? [];
    list.push(row);
    byDirectory.set(row.directory_id, list);
  }
  return byDirectory;
}

export async function revokeDirectorySecret(db: Queryable, directoryId: string, id: string): Promise<DirectorySecretRow | undefined> {
  const result = await db.query<DirectorySecretRow>(
    `UPDATE directory_secrets SET status = 'REVOKED' WHERE directory_id = $1 AND id = $2
     RETURNING ${SECRET_COLUMNS}`,
    [directoryId, id],
  );
  return result.rows[0];
}

/**
 * Makes every active secret of the directory expire by `at` at the latest (a rotation's grace
 * period); secrets that expire sooner keep their own expiry. Returns the secrets changed.
 */
export async function expireActiveSecrets(db: Queryable, directoryId: string, at: Date): Promise<DirectorySecretRow[]> {
  const result = await db.query<DirectorySecretRow>(
    `UPDATE directory_secrets SET expires_at = $2
      WHERE directory_id = $1 AND status = 'ACTIVE' AND (expires_at IS NULL OR expires_at > $2)
     RETURNING ${SECRET_COLUMNS}`,
    [directoryId, at],
  );
  return result.rows;
}

/** The grant of an active, unexpired secret with this hash, or undefined. */
export async function findSecretGrant(db: Queryable, secretHash: string): Promise<SecretGrant | undefined> {
  const result = await db.query<SecretGrant>(
    `SELECT s.id AS secret_id, s.secret_hash, s.expires_at, s.directory_id, d.organization_id, s.sample,
            d.enabled AS directory_enabled, o.features AS organization_features
       FROM directory_secrets s
       JOIN directories d ON d.id = s.directory_id
       JOIN organizations o ON o.id = d.organization_id
      WHERE s.secret_hash = $1 AND s.status = 'ACTIVE' AND (s.expires_at IS NULL OR s.expires_at > now())`,
    [secretHash],
  );
  return result.rows[0];
}

export async function markSecretsUsed(db: Queryable, used: { secretId: string; at: Date }[]): Promise<void> {
  if (used.length === 0) return;
  await db.query(
    `UPDATE directory_secrets s SET last_used_at = greatest(s.last_used_at, u.at)
       FROM unnest($1::text[], $2::timestamptz[]) AS u(id, at) WHERE s.id = u.id`,
    [used.map((entry) => entry.secretId), used.map((entry) => entry.at)],
  );
}
