import { listAllowedOrigins, replaceAllowedOrigins } from '../../store/allowed-origins.js';
import { withTransaction } from '../../store/transaction.js';
import { invalidArgument } from '../api-error.js';
import type { Services } from '../services.js';

// Origins allowed to embed the admin portal in an iframe: the stored list (set in the
// dashboard) plus ROSTER_PORTAL_ALLOWED_ORIGINS. They become the portal's CSP frame-ancestors
// and the only targets of its postMessage events.

export const MAX_ALLOWED_ORIGINS = 50;

/** `https://app.example.com[:port]` exactly (no path, no wildcard), lower-cased; undefined when it is not one. */
export function normalizeOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
  // A trailing slash is tolerated; anything after the host is not an origin.
  if (!/^https?:\/\/[^/]+\/?$/i.test(value.trim())) return undefined;
  return url.origin;
}

/** Origins from the environment variable (space- or comma-separated); a bad one is reported at start. */
export function originsFromEnvironment(value: string): string[] {
  const origins: string[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const origin = normalizeOrigin(entry);
    if (!origin) throw new Error(`ROSTER_PORTAL_ALLOWED_ORIGINS: ${entry} is not an origin like https://app.example.com`);
    origins.push(origin);
  }
  return [...new Set(origins)];
}

export interface AllowedOrigins {
  /** Set in the dashboard. */
  stored: string[];
  /** From ROSTER_PORTAL_ALLOWED_ORIGINS (not editable in the dashboard). */
  environment: string[];
}

export async function getAllowedOrigins(services: Services, environment: string[]): Promise<AllowedOrigins> {
  return { stored: await listAllowedOrigins(services.db.pool), environment };
}

/** Every origin allowed to frame the portal. */
export async function allAllowedOrigins(services: Services, environment: string[]): Promise<string[]> {
  const { stored } = await getAllowedOrigins(services, environment);
  return [...new Set([...environment, ...stored])].sort();
}

export async function setAllowedOrigins(services: Services, origins: string[], environment: string[]): Promise<AllowedOrigins> {
  if (origins.length > MAX_ALLOWED_ORIGINS) throw invalidArgument('origins', `must hold at most ${MAX_ALLOWED_ORIGINS} origins`);
  const normalized: string[] = [];
  for (const [index, value] of origins.entries()) {
    const origin = normalizeOrigin(value);
    if (!origin) throw invalidArgument(`origins.${index}`, `${JSON.stringify(value)} is not an origin like https://app.example.com (scheme and host, no path)`);
    normalized.push(origin);
  }
  const unique = [...new Set(normalized)];
  await withTransaction(services.db, (client) => replaceAllowedOrigins(client, unique));
  return getAllowedOrigins(services, environment);
}
