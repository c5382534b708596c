import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { constantTimeEqual, hashSecret } from '../secrets.js';

// /metrics names every tenant's directory ids (roster_scim_operations_total), so it is not public.
// With ROSTER_METRICS_TOKEN set, whoever presents that token as a bearer token may read it; without
// one, only a process on this host talking to Roster directly: the socket's own peer is loopback
// and no proxy forwarded the request (a reverse proxy on the same host makes every client look
// local, so a forwarded request is never taken as local, whatever ROSTER_TRUSTED_PROXIES says).

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/** 127.0.0.0/8, ::1 and their IPv4-mapped form (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const unmapped = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(unmapped) === 4) return unmapped.startsWith('127.');
  return unmapped === '::1';
}

export interface MetricsRefusal {
  status: 401 | 403;
  code: string;
  message: string;
}

/** Why this request may not read /metrics, or undefined when it may. */
export function metricsRefusal(request: FastifyRequest, token: string | undefined): MetricsRefusal | undefined {
  if (token !== undefined) {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (presented === undefined) return { status: 401, code: 'unauthenticated', message: 'GET /metrics needs the ROSTER_METRICS_TOKEN as a bearer token' };
    // Hashing first makes the comparison's time independent of the token's length too.
    if (!constantTimeEqual(hashSecret(presented), hashSecret(token))) return { status: 403, code: 'permission_denied', message: 'The bearer token is not the metrics token' };
    return undefined;
  }
  const forwarded = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
  if (isLoopbackAddress(request.socket.remoteAddress) && !forwarded) return undefined;
  return { status: 403, code: 'permission_denied', message: 'GET /metrics answers only local requests; set ROSTER_METRICS_TOKEN to read it from elsewhere' };
}
