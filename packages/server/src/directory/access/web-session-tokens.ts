import { createHash } from 'node:crypto';
import { hashSecret, newSecret } from '../../secrets.js';

// Cookie sessions of the web UI. The cookie carries 256 random bits; the store keeps only their
// SHA-256. Writes made with the cookie must also carry the session's CSRF token in a header: it
// is derived from the cookie's token (so it needs no storage) and handed to the page in a JSON
// response that other origins cannot read (the synchronizer-token pattern).

export interface SessionToken {
  token: string;
  tokenHash: string;
}

export function newSessionToken(): SessionToken {
  const token = newSecret('rws');
  return { token, tokenHash: hashSecret(token) };
}

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`roster-csrf:${sessionToken}`, 'utf8').digest('base64url');
}
