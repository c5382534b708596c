import { z } from 'zod';

export type DirectoryProvider = 'OKTA' | 'AZURE_AD' | 'GOOGLE' | 'ONELOGIN' | 'JUMPCLOUD' | 'PING_IDENTITY' | 'AUTHENTIK' | 'OTHER';

export interface ProvisionOptions {
  /** Roster's base URL, e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  provider: DirectoryProvider;
  organizationName: string;
}

export interface ProvisionedDirectory {
  organizationId: string;
  directoryId: string;
  scimBaseUrl: string;
  token: string;
}

const tokenResponse = z.object({ access_token: z.string().min(1) });
const organizationResponse = z.object({ organization: z.object({ id: z.string().min(1) }) });
const directoryResponse = z.object({ directory: z.object({ id: z.string().min(1), directory_endpoint: z.string().min(1) }) });
const secretResponse = z.object({ plain_secret: z.string().min(1) });

async function call<T>(step: string, url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    // fetch reports "fetch failed"; the reason (ECONNREFUSED, ...) is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`${step}: ${init.method ?? 'GET'} ${url} failed: ${cause}`);
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${step}: ${init.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new Error(`${step}: ${url} answered a body that is not JSON: ${text.slice(0, 500)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${step}: unexpected response from ${url}: ${text.slice(0, 500)}`);
  return parsed.data;
}

/**
 * Sets up what an IdP connects to, through the management API as an app would: an
 * organization with SCIM enabled, a SCIM directory for the provider, and a bearer secret.
 */
export async function provisionDirectory(options: ProvisionOptions): Promise<ProvisionedDirectory> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const json = (body: unknown, accessToken?: string): RequestInit => ({
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify(body),
  });

  const { access_token: accessToken } = await call(
    'get an access token',
    `${base}/oauth/token`,
    { method: 'POST', ...json({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret }) },
    tokenResponse,
  );
  const { organization } = await call(
    'create an organization',
    `${base}/api/v1/organizations`,
    { method: 'POST', ...json({ display_name: options.organizationName }, accessToken) },
    organizationResponse,
  );
  await call(
    'enable SCIM for the organization',
    `${base}/api/v1/organizations/${encodeURIComponent(organization.id)}/settings`,
    { method: 'PATCH', ...json({ features: [{ name: 'scim', enabled: true }] }, accessToken) },
    z.unknown(),
  );
  const directories = `${base}/api/v1/organizations/${encodeURIComponent(organization.id)}/directories`;
  const { directory } = await call(
    'create a SCIM directory',
    directories,
    { method: 'POST', ...json({ directory_type: 'SCIM', directory_provider: options.provider }, accessToken) },
    directoryResponse,
  );
  const { plain_secret: token } = await call(
    'create a directory secret',
    `${directories}/${encodeURIComponent(directory.id)}/secrets`,
    { method: 'POST', ...json({}, accessToken) },
    secretResponse,
  );
  return { organizationId: organization.id, directoryId: directory.id, scimBaseUrl: directory.directory_endpoint, token };
}
