import { REDACTED, redactSecrets } from '../redact.js';

// What the request log keeps of a call to a source: the URL without credentials in its query,
// bodies without tokens, keys or assertions, and list pages as counts and ids rather than whole
// directories (the log would otherwise hold a copy of every user on every run).

const LOGGED_BODY_LIMIT = 64 * 1024;

/** Keys whose values are credentials in the sources' requests and responses, beyond redact.ts's. */
const SOURCE_SECRET_KEYS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'assertion',
  'code',
  'code_verifier',
  'client_secret',
  'private_key',
  'private_key_id',
  'api_key',
  'key',
  'state',
]);

/** Lists in source responses summarized to their ids: Google's users/groups/members, BambooHR's employees. */
const LIST_KEYS = ['users', 'groups', 'members', 'employees'];

function redactKeys(value: unknown, depth = 0): unknown {
  if (depth > 32) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactKeys(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // Credentials are text: Google's error bodies carry a numeric `code` (the status) worth keeping.
    const secret = SOURCE_SECRET_KEYS.has(key.toLowerCase()) && typeof item !== 'number' && typeof item !== 'boolean';
    copy[key] = secret ? REDACTED : redactKeys(item, depth + 1);
  }
  return copy;
}

/** The URL with the values of credential-bearing query parameters replaced. */
export function loggableUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SOURCE_SECRET_KEYS.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded') || (!contentType && /^[\w.-]+=/.test(text) && !text.trimStart().startsWith('{'))) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
  }
}

function summarizeLists(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const key of LIST_KEYS) {
    const list = copy[key];
    if (!Array.isArray(list)) continue;
    delete copy[key];
    copy[`${key}_count`] = list.length;
    copy[`${key}_ids`] = list.map((item: unknown) => (typeof item === 'object' && item !== null && 'id' in item ? item.id : null));
  }
  return copy;
}

/** A request or response body as the log keeps it. */
export function loggableBody(text: string | undefined, contentType: string | null): unknown {
  if (text === undefined || text === '') return undefined;
  if (text.length > LOGGED_BODY_LIMIT * 16) return { truncated: true, bytes: text.length };
  const summarized = summarizeLists(redactKeys(parseBody(text, contentType)));
  const serialized = JSON.stringify(summarized) ?? '';
  if (serialized.length > LOGGED_BODY_LIMIT) return { truncated: true, bytes: text.length };
  return redactSecrets(summarized);
}
