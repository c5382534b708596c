import type { FastifyReply, FastifyRequest } from 'fastify';

// Cookies of the web UI, without a cookie plugin: the two cookies Roster sets are simple.

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Browsers keep `Secure` cookies from https pages and from loopback hosts (potentially
 * trustworthy origins), so a local http setup still signs in.
 */
export function isSecureContext(request: FastifyRequest): boolean {
  return request.protocol === 'https' || LOOPBACK.has(request.hostname.toLowerCase());
}

export interface CookieOptions {
  maxAgeSeconds: number;
  /** 'None' is for a cookie used inside a cross-site iframe (the embedded portal); it needs Secure. */
  sameSite: 'Strict' | 'Lax' | 'None';
  secure: boolean;
  /** CHIPS: a cookie kept per top-level site, so an embedded portal works where third-party cookies are blocked. */
  partitioned?: boolean;
}

export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, `SameSite=${options.sameSite}`];
  if (options.secure) attributes.push('Secure');
  if (options.partitioned && options.secure) attributes.push('Partitioned');
  const previous = reply.getHeader('set-cookie');
  const cookies = Array.isArray(previous) ? previous : typeof previous === 'string' ? [previous] : [];
  reply.header('set-cookie', [...cookies, attributes.join('; ')]);
}

export function clearCookie(reply: FastifyReply, name: string, options: Omit<CookieOptions, 'maxAgeSeconds'>): void {
  setCookie(reply, name, '', { ...options, maxAgeSeconds: 0 });
}
