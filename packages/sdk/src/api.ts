import type { Client } from 'openapi-fetch';
import { errorFromResponse, RosterError } from './errors.js';
import type { paths } from './generated/openapi.js';

// The typed HTTP layer: openapi-fetch over the generated `paths`, so a request the server's
// OpenAPI document does not describe does not compile. These helpers turn its results into
// values or typed errors.

export type RosterApi = Client<paths>;

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful response; a typed RosterError otherwise. */
export async function data<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  const { data: body, error, response } = await pending;
  if (!response.ok) throw errorFromResponse(response.status, error, response.headers);
  if (body === undefined) {
    throw new RosterError({ status: response.status, code: 'empty_response', message: `${response.status} came without the expected body`, headers: response.headers });
  }
  return body;
}

/** Success with no content (204); a typed RosterError otherwise. */
export async function noContent(pending: Promise<FetchResult<unknown>>): Promise<void> {
  const { error, response } = await pending;
  if (!response.ok) throw errorFromResponse(response.status, error, response.headers);
}

/** Timestamps may be given as Date or RFC 3339 text; the API takes text. */
export const timestamp = (value: string | Date | undefined): string | undefined => (value instanceof Date ? value.toISOString() : value);

/** Leaves out undefined values, so optional fields the caller did not set are not sent. */
export function defined<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
