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
