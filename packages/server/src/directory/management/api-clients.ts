import { newId } from '../../ids.js';
import { hashSecret, newSecret } from '../../secrets.js';
import {
  countApiClients,
  countActiveApiClients,
  findApiClient,
  insertApiClient,
  listApiClients as listApiClientRows,
  lockApiClientsForRevocation,
  revokeApiClient as revokeApiClientRow,
  type ApiClientRow,
} from '../../store/api-clients.js';
import { withTransaction } from '../../store/transaction.js';
import { ApiError, notFound } from '../api-error.js';
import { keysetPage, pageOf, type Page, type PageRequest } from '../views/page-token.js';
import type { Services } from '../services.js';

// The app backend's credentials for the management API (exchanged at POST /oauth/token).

export async function createApiClient(services: Services, name: string): Promise<{ client: ApiClientRow; plainSecret: string }> {
  const id = newId('client');
  const plainSecret = newSecret('secret');
  await insertApiClient(services.db.pool, { id, name, secretHash: hashSecret(plainSecret) });
  const client = await findApiClient(services.db.pool, id);
  if (!client) throw new Error('the new API client vanished');
  return { client, plainSecret };
}

export async function getApiClient(services: Services, id: string): Promise<ApiClientRow> {
  const client = await findApiClient(services.db.pool, id);
  if (!client) throw notFound('API client', id);
  return client;
}

export async function listApiClients(services: Services, request: PageRequest): Promise<Page<ApiClientRow>> {
  const scope = 'clients';
  const page = keysetPage(scope, request);
  const [read, total] = await Promise.all([listApiClientRows(services.db.pool, page), countApiClients(services.db.pool)]);
  return pageOf(scope, page, read, (row) => row.id, read.rows, total);
}

/**
 * Revokes a client: its secret and every access token it holds stop working at once. The last
 * active client cannot be revoked, or nobody could reach the management API again.
 */
export async function revokeApiClient(services: Services, id: string): Promise<ApiClientRow> {
  return withTransaction(services.db, async (client) => {
    await lockApiClientsForRevocation(client);
    const current = await findApiClient(client, id);
    if (!current) throw notFound('API client', id);
    if (!current.revoked_at && (await countActiveApiClients(client)) <= 1) {
      throw new ApiError(409, 'failed_precondition', `API client ${id} is the last active client; create another before revoking it`, { id });
    }
    const revoked = await revokeApiClientRow(client, id);
    if (!revoked) throw notFound('API client', id);
    return revoked;
  });
}
