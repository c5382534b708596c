// The one HTTP client of the web UI: JSON in and out, same-origin cookies, the session's CSRF
// token on every write, and Roster's one error shape ({code, message, details}) as ApiError.

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
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
  setCsrfToken(token: string | undefined): void;
}

export function createApiClient(options: { onUnauthenticated?: (error: ApiError) => void } = {}): ApiClient {
  let csrfToken: string | undefined;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
    if (!response.ok) {
      const shape = (json ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      const error = new ApiError(response.status, shape.code ?? 'http_error', shape.message ?? `The request failed (HTTP ${response.status})`, shape.details ?? {});
      if (response.status === 401) options.onUnauthenticated?.(error);
      throw error;
    }
    return json as T;
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body ?? {}),
    delete: (path) => call('DELETE', path),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const query = (params: Record<string, string | number | boolean | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
