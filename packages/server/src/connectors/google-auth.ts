import { JWT, OAuth2Client } from 'google-auth-library';
import type { Config } from '../config.js';
import type { SourceFetch } from './source-fetch.js';

// How Roster authenticates to Google, with Google's own client library (google-auth-library):
// either an OAuth refresh token from the customer's admin's consent (the operator registers an
// OAuth client: ROSTER_GOOGLE_CLIENT_ID / _SECRET), or a service account with domain-wide
// delegation impersonating an admin (the customer uploads its key). Both ask only for the three
// read-only scopes the sync needs. ROSTER_GOOGLE_OAUTH_URL points both at another OAuth server
// (tests, air-gapped installs).

export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
];

/** Google's token endpoint, as google-auth-library's service-account flow hard-codes it. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface GoogleOAuthCredentials {
  type: 'oauth';
  refresh_token: string;
}

export interface GoogleServiceAccountCredentials {
  type: 'service_account';
  admin_email: string;
  key: { client_email: string; private_key: string; private_key_id?: string | undefined };
}

export type GoogleCredentials = GoogleOAuthCredentials | GoogleServiceAccountCredentials;

function endpoints(config: Config) {
  const base = config.ROSTER_GOOGLE_OAUTH_URL?.replace(/\/+$/, '');
  return base ? { oauth2AuthBaseUrl: `${base}/o/oauth2/v2/auth`, oauth2TokenUrl: `${base}/token` } : {};
}

/** Sends the service-account flow's hard-coded token request to ROSTER_GOOGLE_OAUTH_URL when set. */
function redirectTokenCalls(config: Config, fetch: SourceFetch): SourceFetch {
  const base = config.ROSTER_GOOGLE_OAUTH_URL?.replace(/\/+$/, '');
  if (!base) return fetch;
  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    return fetch(url === GOOGLE_TOKEN_URL ? `${base}/token` : input, init);
  };
}

/** True when the operator has registered an OAuth client, so admins can connect by consent. */
export function googleConsentAvailable(config: Config): boolean {
  return config.ROSTER_GOOGLE_CLIENT_ID !== undefined && config.ROSTER_GOOGLE_CLIENT_SECRET !== undefined;
}

function oauthClient(config: Config, fetch: SourceFetch | undefined, redirectUri?: string): OAuth2Client {
  if (!googleConsentAvailable(config)) throw new Error('ROSTER_GOOGLE_CLIENT_ID and ROSTER_GOOGLE_CLIENT_SECRET are not set');
  return new OAuth2Client({
    clientId: config.ROSTER_GOOGLE_CLIENT_ID,
    clientSecret: config.ROSTER_GOOGLE_CLIENT_SECRET,
    ...(redirectUri ? { redirectUri } : {}),
    endpoints: endpoints(config),
    ...(fetch ? { transporterOptions: { fetchImplementation: fetch, retry: false } } : {}),
  });
}

/** The authenticated client a run calls the Directory API with. */
export function googleAuthClient(config: Config, credentials: GoogleCredentials, fetch: SourceFetch): OAuth2Client {
  const routed = redirectTokenCalls(config, fetch);
  if (credentials.type === 'oauth') {
    const client = oauthClient(config, routed);
    client.setCredentials({ refresh_token: credentials.refresh_token });
    return client;
  }
  return new JWT({
    email: credentials.key.client_email,
    key: credentials.key.private_key,
    ...(credentials.key.private_key_id ? { keyId: credentials.key.private_key_id } : {}),
    scopes: GOOGLE_SCOPES,
    subject: credentials.admin_email,
    endpoints: endpoints(config),
    transporterOptions: { fetchImplementation: routed, retry: false },
  });
}

/** Where to send the customer's admin for consent: offline access (a refresh token), the three read-only scopes. */
export function googleConsentUrl(config: Config, redirectUri: string, state: string): string {
  return oauthClient(config, undefined, redirectUri).generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: GOOGLE_SCOPES,
    state,
    include_granted_scopes: true,
  });
}

export class GoogleConsentError extends Error {}

/** Exchanges the consent's code for a refresh token; refuses a consent missing any scope. */
export async function exchangeGoogleCode(config: Config, redirectUri: string, code: string): Promise<GoogleOAuthCredentials> {
  let tokens: { refresh_token?: string | null; scope?: string | null };
  try {
    ({ tokens } = await oauthClient(config, undefined, redirectUri).getToken({ code, redirect_uri: redirectUri }));
  } catch (error) {
    throw new GoogleConsentError(`Google did not accept the consent (${googleErrorText(error)})`);
  }
  const granted = new Set((tokens.scope ?? '').split(/\s+/));
  const missing = GOOGLE_SCOPES.filter((scope) => !granted.has(scope));
  if (missing.length > 0) {
    throw new GoogleConsentError(`The consent did not grant every permission Roster needs (missing ${missing.map((scope) => scope.split('/').pop()).join(', ')}); start again and allow all three`);
  }
  if (!tokens.refresh_token) throw new GoogleConsentError('Google returned no refresh token; remove Roster from the account\'s third-party access and connect again');
  return { type: 'oauth', refresh_token: tokens.refresh_token };
}

/** A Google or gaxios error as one line: the status and Google's own message or OAuth error. */
export function googleErrorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const status = 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  const response = 'response' in error && typeof error.response === 'object' && error.response !== null ? error.response : undefined;
  const data: unknown = response && 'data' in response ? response.data : undefined;
  let detail = error instanceof Error ? error.message : '';
  if (typeof data === 'object' && data !== null) {
    if ('error' in data && typeof data.error === 'string') detail = `${data.error}${'error_description' in data && typeof data.error_description === 'string' ? `: ${data.error_description}` : ''}`;
    else if ('error' in data && typeof data.error === 'object' && data.error !== null && 'message' in data.error && typeof data.error.message === 'string') detail = data.error.message;
  }
  return status ? `${status} ${detail}`.trim() : detail;
}
