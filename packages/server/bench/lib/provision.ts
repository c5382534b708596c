import type { SeededDirectory } from './seed.js';

export interface ApiClientCredentials {
  clientId: string;
  clientSecret: string;
}

async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * A SCIM bearer secret for a seeded directory, through the management API as an app's
 * backend gets one; returns the directory's SCIM base URL and the secret.
 */
export async function provisionSecret(baseUrl: string, client: ApiClientCredentials, directory: SeededDirectory): Promise<{ scimUrl: string; token: string }> {
  const { access_token: accessToken } = await postJson<{ access_token: string }>(`${baseUrl}/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  const { organizationId, directoryId } = directory;
  const secret = await postJson<{ plain_secret: string }>(`${baseUrl}/api/v1/organizations/${organizationId}/directories/${directoryId}/secrets`, {}, accessToken);
  return { scimUrl: `${baseUrl}/api/v1/directories/${directoryId}/scim/v2`, token: secret.plain_secret };
}
