import { randomBytes } from 'node:crypto';
import { ApiError, failedPrecondition } from '../directory/api-error.js';
import { getDirectorySource, storePulledCredentials } from '../directory/management/pulled-directories.js';
import type { Services } from '../directory/services.js';
import { hashSecret } from '../secrets.js';
import { storeOAuthState, takeOAuthState } from '../store/directory-sources.js';
import { exchangeGoogleCode, googleConsentAvailable, googleConsentUrl, GoogleConsentError } from './google-auth.js';
import { googleWorkspaceSource } from './google-workspace.js';

// Connecting a Google Workspace directory by OAuth consent, from the admin portal. The portal
// asks for a consent URL; Roster remembers a random state (its hash) with the portal session
// that asked; Google sends the admin back to PUBLIC_URL/api/v1/google/oauth/callback with a code
// and the state, and the callback is honoured only once, within ten minutes, and only in the
// same portal session (its cookie). So a consent link someone else started cannot connect their
// directory to this admin's Google account, nor this admin's directory to theirs.

export const GOOGLE_CALLBACK_PATH = '/api/v1/google/oauth/callback';
const STATE_MINUTES = 10;

export function googleRedirectUri(baseUrl: string): string {
  return `${baseUrl}${GOOGLE_CALLBACK_PATH}`;
}

/** The URL to send the admin to, for a directory of the session's organization. */
export async function startGoogleConsent(services: Services, session: { id: string; organizationId: string }, directoryId: string, baseUrl: string): Promise<string> {
  const { directory } = await getDirectorySource(services, session.organizationId, directoryId);
  if (directory.directory_type !== 'GOOGLE_WORKSPACE') throw failedPrecondition(`Directory ${directoryId} is not a Google Workspace directory`, { directory_id: directoryId });
  if (!googleConsentAvailable(services.config)) {
    throw failedPrecondition('Connecting with Google consent needs the application\'s OAuth client (ROSTER_GOOGLE_CLIENT_ID and ROSTER_GOOGLE_CLIENT_SECRET); use a service account instead', {
      variable: 'ROSTER_GOOGLE_CLIENT_ID',
    });
  }
  const state = randomBytes(32).toString('base64url');
  await storeOAuthState(services.db.pool, directoryId, hashSecret(state), session.id, new Date(Date.now() + STATE_MINUTES * 60_000));
  return googleConsentUrl(services.config, googleRedirectUri(baseUrl), state);
}

export interface ConsentOutcome {
  directoryId: string;
  organizationId: string;
}

/** Takes the state (once), checks it belongs to this session, exchanges the code, stores the refresh token sealed. */
export async function finishGoogleConsent(
  services: Services,
  session: { id: string; organizationId: string } | undefined,
  query: { state?: string | undefined; code?: string | undefined; error?: string | undefined },
  baseUrl: string,
): Promise<ConsentOutcome> {
  if (!query.state) throw new ApiError(400, 'invalid_argument', 'The consent came back without its state; start again from the admin portal', { parameter: 'state' });
  const pending = await takeOAuthState(services.db.pool, hashSecret(query.state));
  if (!pending) throw new ApiError(400, 'invalid_argument', 'This consent was already used or was never started here; start again from the admin portal', { parameter: 'state' });
  if (!session || session.id !== pending.oauth_session_id) {
    throw new ApiError(403, 'session_mismatch', 'This consent was started in another admin portal session; open the portal link again and connect from there');
  }
  if (pending.expired) throw new ApiError(400, 'invalid_argument', 'The consent took longer than ten minutes; start again', { parameter: 'state' });
  if (query.error) throw new ApiError(400, 'consent_refused', query.error === 'access_denied' ? 'The Google admin did not allow access; nothing was connected' : `Google answered: ${query.error}`);
  if (!query.code) throw new ApiError(400, 'invalid_argument', 'Google sent no authorization code', { parameter: 'code' });
  let credentials;
  try {
    credentials = await exchangeGoogleCode(services.config, googleRedirectUri(baseUrl), query.code);
  } catch (error) {
    if (error instanceof GoogleConsentError) throw new ApiError(400, 'consent_failed', error.message);
    throw error;
  }
  await storePulledCredentials(services, session.organizationId, pending.directory_id, credentials, googleWorkspaceSource.describeCredentials(credentials));
  return { directoryId: pending.directory_id, organizationId: session.organizationId };
}
