// Keys whose values never leave the process in a log: credentials a client may send in a body.
const SECRET_KEYS = new Set(['password', 'secret', 'client_secret', 'plain_secret', 'access_token', 'token', 'authorization']);

export const REDACTED = '[REDACTED]';

/** A copy of a JSON value with every secret-named key's value replaced, at any depth. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 32) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redactSecrets(item, depth + 1);
  }
  // A PATCH operation on `password` carries the secret in `value`, not under a secret key.
  if (typeof copy.path === 'string' && /password/i.test(copy.path) && 'value' in copy) copy.value = REDACTED;
  return copy;
}

// Credentials inside text: a URL's query (`/portal?token=rpl_...`, `?access_token=`, `?code=`),
// an Authorization value quoted in a message, or one of Roster's own secrets, which carry a
// prefix that says what they are (secrets.ts, events/signing.ts) and are masked wherever they
// appear. Used on every line the process logs and on the paths kept in the SCIM request log.
const SECRET_PREFIXES = ['rpl', 'rsk', 'rat', 'rws', 'secret', 'whsec'];
const PREFIXED_SECRET = new RegExp(`\\b(?:${SECRET_PREFIXES.join('|')})_[A-Za-z0-9_\\-+/=%]{16,}`, 'g');
const CREDENTIAL_NAME = '(?:token|secret|code|password|passwd|pwd|key|signature|sig|auth|credential|session|jwt|assertion)';
// A query parameter whose name mentions a credential: its value, up to the next separator.
const CREDENTIAL_PARAMETER = new RegExp(`([?&;][^=&#\\s"'<>\\\\]*${CREDENTIAL_NAME}[^=&#\\s"'<>\\\\]*=)[^&#\\s"'<>\\\\]*`, 'gi');
const AUTHORIZATION_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

/** The text with every credential it carries replaced by [REDACTED]. */
export function redactCredentials(text: string): string {
  return text
    .replace(CREDENTIAL_PARAMETER, `$1${REDACTED}`)
    .replace(AUTHORIZATION_VALUE, `$1 ${REDACTED}`)
    .replace(PREFIXED_SECRET, REDACTED);
}
