import type { Queryable } from './database.js';
import { keysetClauses, keysetRows, type KeysetPage } from './keyset.js';
import { SqlParams } from './sql-params.js';

export interface ApiClientRow {
  id: string;
  name: string;
  secret_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

export async function insertApiClient(db: Queryable, client: { id: string; name: string; secretHash: string }): Promise<void> {
  await db.query('INSERT INTO api_clients (id, name, secret_hash) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
    client.id,
    client.name,
    client.secretHash,
  ]);
}

export async function findApiClient(db: Queryable, id: string): Promise<ApiClientRow | undefined> {
  const result = await db.query<ApiClientRow>('SELECT * FROM api_clients WHERE id = $1', [id]);
  return result.rows[0];
}

export async function listApiClients(db: Queryable, page: KeysetPage): Promise<{ rows: ApiClientRow[]; more: boolean }> {
  const params = new SqlParams();
  const { condition, order, limit } = keysetClauses('id', page, params);
  const result = await db.query<ApiClientRow>(`SELECT * FROM api_clients WHERE ${condition} ORDER BY ${order} LIMIT ${limit}`, params.values);
  return keysetRows(result.rows, page);
}

export async function countActiveApiClients(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM api_clients WHERE revoked_at IS NULL');
  return result.rows[0]?.count ?? 0;
}

/** Revokes a client and drops its access tokens, so they stop working at once. Undefined if unknown. */
/**
 * Inside a transaction: waits for, then holds off, other revocations until it commits, so two
 * concurrent revocations cannot together revoke the last two active clients.
 */
export async function lockApiClientsForRevocation(db: Queryable): Promise<void> {
  await db.query('LOCK TABLE api_clients IN SHARE ROW EXCLUSIVE MODE');
}

export async function revokeApiClient(db: Queryable, id: string): Promise<ApiClientRow | undefined> {
  const result = await db.query<ApiClientRow>(
    'UPDATE api_clients SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *',
    [id],
  );
  await db.query('DELETE FROM access_tokens WHERE client_id = $1', [id]);
  return result.rows[0];
}

export async function countApiClients(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM api_clients');
  return result.rows[0]?.count ?? 0;
}

export async function insertAccessToken(db: Queryable, token: { hash: string; clientId: string; expiresAt: Date }): Promise<void> {
  // Expired tokens are swept as new ones are issued, so the table stays small.
  await db.query('DELETE FROM access_tokens WHERE expires_at < now()');
  await db.query('INSERT INTO access_tokens (token_hash, client_id, expires_at) VALUES ($1, $2, $3)', [
    token.hash,
    token.clientId,
    token.expiresAt,
  ]);
}

export async function findAccessToken(
  db: Queryable,
  hash: string,
): Promise<{ client_id: string; expires_at: Date } | undefined> {
  const result = await db.query<{ client_id: string; expires_at: Date }>(
    `SELECT t.client_id, t.expires_at FROM access_tokens t JOIN api_clients c ON c.id = t.client_id
      WHERE t.token_hash = $1 AND t.expires_at > now() AND c.revoked_at IS NULL`,
    [hash],
  );
  return result.rows[0];
}

export async function ensureEnvironment(db: Queryable, newEnvironmentId: string): Promise<string> {
  await db.query('INSERT INTO environment (id) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM environment)', [newEnvironmentId]);
  const result = await db.query<{ id: string }>('SELECT id FROM environment ORDER BY created_at LIMIT 1');
  const row = result.rows[0];
  if (!row) throw new Error('environment row missing after insert');
  return row.id;
}
