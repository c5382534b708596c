import { loggableBody, loggableUrl } from './outbound-log.js';
import { parseRetryAfter, retryDelay } from './retry-after.js';
import { SourceError } from './source.js';

// The fetch every call to a source goes through, whoever makes it (the Google client libraries
// through gaxios's fetchImplementation, or the BambooHR client): each attempt is logged
// (redacted) in the directory's request log and counted, and a source that asks us to slow down
// (429, 503, or what the source calls a quota error) is waited for, as long as it says
// (Retry-After) or with exponential backoff, before the same request is sent again.

export type SourceFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface OutboundCall {
  method: string;
  url: string;
  status: number;
  durationMs: number;
  userAgent: string | null;
  requestBody: unknown;
  responseBody: unknown;
}

export interface SourceFetchOptions {
  signal: AbortSignal;
  record(call: OutboundCall): void;
  /** Beyond 429 and 503: e.g. Google's 403 with reason rateLimitExceeded. */
  isThrottled?: ((status: number, body: string) => boolean) | undefined;
  /** Attempts of one request before the source is declared unavailable. */
  maxAttempts?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 6;

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function headerOf(headers: HeadersInit | undefined, name: string): string | null {
  if (!headers) return null;
  return new Headers(headers).get(name);
}

function bodyText(body: BodyInit | null | undefined): string | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return '[body]';
}

export function createSourceFetch(options: SourceFetchOptions): SourceFetch {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = options.sleep ?? abortableSleep;
  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : input.toString());
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers ?? request?.headers);
    const sentBody = bodyText(init.body);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, { method, headers, body: sentBody === '[body]' ? init.body : sentBody, signal: options.signal, redirect: 'manual' });
        text = await response.text();
      } catch (error) {
        if (options.signal.aborted) throw error;
        const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);
        options.record({
          method,
          url: loggableUrl(url.toString()),
          status: 0,
          durationMs: performance.now() - started,
          userAgent: headers.get('user-agent'),
          requestBody: loggableBody(sentBody, headers.get('content-type')),
          responseBody: { error: message },
        });
        if (attempt >= maxAttempts) throw new SourceError('unavailable', `${url.host} could not be reached: ${message}`);
        await sleep(retryDelay(attempt, undefined), options.signal);
        continue;
      }
      options.record({
        method,
        url: loggableUrl(url.toString()),
        status: response.status,
        durationMs: performance.now() - started,
        userAgent: headers.get('user-agent'),
        requestBody: loggableBody(sentBody, headerOf(headers, 'content-type')),
        responseBody: loggableBody(text, response.headers.get('content-type')),
      });
      const throttled = response.status === 429 || response.status === 503 || (options.isThrottled?.(response.status, text) ?? false);
      if (throttled && attempt < maxAttempts) {
        await sleep(retryDelay(attempt, parseRetryAfter(response.headers.get('retry-after'))), options.signal);
        continue;
      }
      // The body was read for the log; the caller gets an equal response to read again.
      return new Response(response.status === 204 || response.status === 304 ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  };
}
