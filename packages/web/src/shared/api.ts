// The one HTTP client of the web UI: JSON in and out, same-origin cookies, the session's CSRF
// token on every write, and Roster's one error shape ({code, message, details}) as ApiError.
// The management API is called through `management`, openapi-fetch over the `paths` generated
// from the server's OpenAPI document (as the SDK does): paths, parameters, bodies and responses
// are checked by the compiler. The dashboard's and the portal's own routes, which that document
// does not describe, go through `call` with a route declared in web-routes.ts, whose answer is
// checked there to have the members the route declares.

import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../../sdk/src/generated/openapi.js';
import type { Route } from './web-routes.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  /** A dashboard or portal route (web-routes.ts), with the arguments its path and body are made from. */
  call<Response, Args extends unknown[]>(route: Route<Response, Args>, ...args: Args): Promise<Response>;
  /** The management API, typed by its OpenAPI document; unwrap results with `bodyOf` or `noContent`. */
  management: Client<paths>;
  setCsrfToken(token: string | undefined): void;
}

export function createApiClient(options: { onUnauthenticated?: (error: ApiError) => void } = {}): ApiClient {
  let csrfToken: string | undefined;

  async function send(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-roster-csrf'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'network', 'Roster could not be reached. Check your connection and try again.');
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) throw failure(response.status, json);
    return json;
  }

  async function call<Response, Args extends unknown[]>(route: Route<Response, Args>, ...args: Args): Promise<Response> {
    const { path, body } = route.request(...args);
    // Writes always carry a JSON body (an empty object when the route takes none), as the server expects.
    const json = await send(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? body : (body ?? {}));
    if (route.members.length > 0) {
      const missing = typeof json === 'object' && json !== null ? route.members.filter((member) => !(member in json)) : route.members;
      if (missing.length > 0) throw new ApiError(0, 'unexpected_response', `${route.method} ${path.split('?')[0]} answered without ${missing.join(', ')}`);
    }
    // The one place an answer takes its declared type: after the check of its members above.
    return json as Response;
  }

  function failure(status: number, body: unknown): ApiError {
    const shape = (typeof body === 'object' && body !== null ? body : {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    const error = new ApiError(status, shape.code ?? 'http_error', shape.message ?? `The request failed (HTTP ${status})`, shape.details ?? {});
    if (status === 401) options.onUnauthenticated?.(error);
    return error;
  }

  const management = createClient<paths>({
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    fetch: async (request) => {
      if (request.method !== 'GET' && csrfToken) request.headers.set('x-roster-csrf', csrfToken);
      try {
        return await fetch(request);
      } catch {
        throw new ApiError(0, 'network', 'Roster could not be reached. Check your connection and try again.');
      }
    },
  });
  management.use({
    onResponse: async ({ response }) => {
      if (response.ok) return undefined;
      const text = await response.clone().text();
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      throw failure(response.status, body);
    },
  });

  return {
    management,
    call,
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

/** The body of a management API response (failures have already thrown an ApiError). */
export async function bodyOf<T>(pending: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data: body, response } = await pending;
  if (body === undefined) throw new ApiError(response.status, 'empty_response', `The response (HTTP ${response.status}) had no body`);
  return body;
}

/** A management API call that answers without a body (204). */
export async function noContent(pending: Promise<{ response: Response }>): Promise<void> {
  await pending;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const query = (params: Record<string, string | number | boolean | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
