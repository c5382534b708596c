import { insertAccessToken, findAccessToken, findApiClient, insertApiClient, countApiClients } from '../../store/api-clients.js';
import type { Database } from '../../store/database.js';
import { constantTimeEqual, hashSecret, newSecret } from '../../secrets.js';
import { newId } from '../../ids.js';
import { ApiError } from '../api-error.js';
import type { Services } from '../services.js';

export interface BootstrapResult {
  clientId: string;
  /** Set only when the client was generated now: the one time its secret is shown. */
  generatedSecret?: string;
}

/**
 * Ensures the API client the app's backend starts with: the one named by ROSTER_CLIENT_ID /
 * ROSTER_CLIENT_SECRET, or, on a store with no client at all, a generated one.
 */
export async function bootstrapApiClient(db: Database, clientId?: string, clientSecret?: string): Promise<BootstrapResult | undefined> {
  if (clientId && clientSecret) {
    await insertApiClient(db.pool, { id: clientId, name: 'bootstrap', secretHash: hashSecret(clientSecret) });
    const existing = await findApiClient(db.pool, clientId);
    if (existing && !constantTimeEqual(existing.secret_hash, hashSecret(clientSecret))) {
      throw new Error(`API client ${clientId} already exists with a different secret; ROSTER_CLIENT_SECRET does not match it.`);
    }
    return { clientId };
  }
  if ((await countApiClients(db.pool)) > 0) return undefined;
  const generatedId = newId('client');
  const generatedSecret = newSecret('secret');
  await insertApiClient(db.pool, { id: generatedId, name: 'bootstrap', secretHash: hashSecret(generatedSecret) });
  return { clientId: generatedId, generatedSecret };
}

export interface AccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

const invalidClient = () => new ApiError(401, 'invalid_client', 'client_id or client_secret is wrong, or the client was revoked');

/** The OAuth 2.0 client_credentials grant (RFC 6749 section 4.4). */
export async function issueAccessToken(services: Services, clientId: string, clientSecret: string): Promise<AccessToken> {
  const client = await findApiClient(services.db.pool, clientId);
  // Hash first whatever happens, so a wrong id and a wrong secret take the same time.
  const presented = hashSecret(clientSecret);
  if (!client || client.revoked_at || !constantTimeEqual(client.secret_hash, presented)) throw invalidClient();
  const token = newSecret('rat');
  const ttl = services.config.ROSTER_ACCESS_TOKEN_TTL_SECONDS;
  await insertAccessToken(services.db.pool, { hash: hashSecret(token), clientId: client.id, expiresAt: new Date(Date.now() + ttl * 1000) });
  return { access_token: token, token_type: 'Bearer', expires_in: ttl };
}

/** The client id a management bearer token belongs to, or undefined when it is unknown or expired. */
export async function authenticateAccessToken(services: Services, token: string): Promise<string | undefined> {
  const found = await findAccessToken(services.db.pool, hashSecret(token));
  return found?.client_id;
}
