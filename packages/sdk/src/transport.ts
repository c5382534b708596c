import { ConnectionError } from './errors.js';
import { isRetryable, retryDelayMs, type RetryPolicy } from './retry-policy.js';

// The fetch functions openapi-fetch sends every request through: one that retries, and one on
// top of it that adds the bearer token and, on a 401, fetches a new token and tries once more.

export type FetchFunction = (request: Request) => Promise<Response>;

export interface RetryingFetchOptions {
  fetch: (request: Request, init?: RequestInit) => Promise<Response>;
  policy: RetryPolicy;
  timeoutMs: number;
  now: () => number;
  sleep: (milliseconds: number) => Promise<void>;
  random?: () => number;
}

/** Frees the connection of a response that will not be read. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already closed: nothing to free.
  }
}

export function retryingFetch(options: RetryingFetchOptions): FetchFunction {
  return async (request) => {
    for (let retry = 0; ; retry++) {
      // A body can be read once: every attempt sends a copy of the untouched original.
      const attempt = request.clone();
      let response: Response;
      try {
        response = await options.fetch(attempt, { signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        const delay = retryDelayMs(retry, null, options.policy, options.now(), options.random);
        if (retry < options.policy.maxRetries && isRetryable(request.method, 'connection_failed') && delay !== undefined) {
          await options.sleep(delay);
          continue;
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new ConnectionError(`${request.method} ${new URL(request.url).pathname} got no response: ${reason}`, error);
      }
      if (retry < options.policy.maxRetries && isRetryable(request.method, response.status)) {
        const delay = retryDelayMs(retry, response.headers.get('retry-after'), options.policy, options.now(), options.random);
        if (delay !== undefined) {
          await discard(response);
          await options.sleep(delay);
          continue;
        }
      }
      return response;
    }
  };
}

export interface BearerTokens {
  /** A token believed valid (cached, or fetched now). */
  get(): Promise<string>;
  /** Forget `token` if it is still the cached one: the server refused it. */
  invalidate(token: string): void;
}

/**
 * Adds `Authorization: Bearer`. A 401 means the server no longer takes the token (expired early,
 * or its client was revoked): the request is sent once more with a fresh token, and a second 401
 * is the caller's error.
 */
export function authorizedFetch(inner: FetchFunction, tokens: BearerTokens): FetchFunction {
  return async (request) => {
    const send = async () => {
      const token = await tokens.get();
      const attempt = request.clone();
      attempt.headers.set('authorization', `Bearer ${token}`);
      return { token, response: await inner(attempt) };
    };
    const first = await send();
    if (first.response.status !== 401) return first.response;
    await discard(first.response);
    tokens.invalidate(first.token);
    return (await send()).response;
  };
}
