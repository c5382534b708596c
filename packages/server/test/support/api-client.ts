/** A small HTTP client for tests: JSON in, status + headers + parsed JSON out. */
export interface HttpResult<Body = unknown> {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

export async function http<Body = Record<string, unknown>>(
  method: string,
  url: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<Body>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/scim+json';
  }
  const response = await fetch(url, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body: body as Body, text };
}

export interface ProvisionedDirectory {
  accessToken: string;
  organizationId: string;
  directoryId: string;
  /** The directory's SCIM base URL. */
  scim: string;
  token: string;
}

/** Token, organization with SCIM on, directory and secret: what an app's backend does first. */
export async function provisionDirectory(baseUrl: string, clientId: string, clientSecret: string, provider = 'OKTA'): Promise<ProvisionedDirectory> {
  const token = await http<{ access_token: string }>('POST', `${baseUrl}/oauth/token`, {
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    headers: { 'content-type': 'application/json' },
  });
  if (token.status !== 200) throw new Error(`token: ${token.status} ${token.text}`);
  const accessToken = token.body.access_token;
  const json = { 'content-type': 'application/json' };
  const organization = await http<{ organization: { id: string } }>('POST', `${baseUrl}/api/v1/organizations`, {
    token: accessToken, body: { display_name: 'Acme' }, headers: json,
  });
  const organizationId = organization.body.organization.id;
  await http('PATCH', `${baseUrl}/api/v1/organizations/${organizationId}/settings`, {
    token: accessToken, body: { features: [{ name: 'scim', enabled: true }] }, headers: json,
  });
  const directory = await http<{ directory: { id: string; directory_endpoint: string } }>('POST', `${baseUrl}/api/v1/organizations/${organizationId}/directories`, {
    token: accessToken, body: { directory_type: 'SCIM', directory_provider: provider }, headers: json,
  });
  if (directory.status !== 201) throw new Error(`directory: ${directory.status} ${directory.text}`);
  const directoryId = directory.body.directory.id;
  const secret = await http<{ plain_secret: string }>('POST', `${baseUrl}/api/v1/organizations/${organizationId}/directories/${directoryId}/secrets`, {
    token: accessToken, body: {}, headers: json,
  });
  return { accessToken, organizationId, directoryId, scim: directory.body.directory.directory_endpoint, token: secret.body.plain_secret };
}
