import assert from 'node:assert/strict';
import { http, type HttpResult } from './api-client.js';
import type { Json } from './scim-fixtures.js';

// A small client for the management API in integration tests: JSON in and out with a bearer
// token, an error-shape check, and a page walker.

export type { Json };

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface ManagementApi {
  call<Body = Json>(method: string, path: string, body?: unknown, token?: string): Promise<HttpResult<Body>>;
  get<Body = Json>(path: string): Promise<HttpResult<Body>>;
  post<Body = Json>(path: string, body?: unknown): Promise<HttpResult<Body>>;
  put<Body = Json>(path: string, body?: unknown): Promise<HttpResult<Body>>;
  patch<Body = Json>(path: string, body?: unknown): Promise<HttpResult<Body>>;
  delete<Body = Json>(path: string): Promise<HttpResult<Body>>;
}

export function managementApi(baseUrl: string, accessToken: string): ManagementApi {
  const call = <Body>(method: string, path: string, body?: unknown, token = accessToken) =>
    http<Body>(method, `${baseUrl}${path}`, {
      token,
      ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    });
  return {
    call,
    get: (path) => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    put: (path, body = {}) => call('PUT', path, body),
    patch: (path, body = {}) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}

/** Asserts the one error shape with this status (and code), and returns the body. */
export function expectError(response: HttpResult<unknown>, status: number, code?: string): ApiErrorBody {
  assert.equal(response.status, status, response.text);
  const body = response.body as ApiErrorBody;
  assert.equal(typeof body.code, 'string', `no code in ${response.text}`);
  assert.equal(typeof body.message, 'string', `no message in ${response.text}`);
  if (code) assert.equal(body.code, code, response.text);
  return body;
}

/** Asserts a 400 naming `parameter`. */
export function expectBadParameter(response: HttpResult<unknown>, parameter: string): ApiErrorBody {
  const body = expectError(response, 400);
  assert.equal(body.details?.parameter, parameter, response.text);
  return body;
}

export interface PageBody {
  next_page_token: string;
  prev_page_token: string;
  total_size: number;
}

/** Follows next_page_token from the first page to the last; returns each page's items. */
export async function walkPages<Item>(
  fetchPage: (pageToken: string) => Promise<HttpResult<PageBody & Record<string, unknown>>>,
  itemsKey: string,
): Promise<{ pages: Item[][]; last: PageBody }> {
  const pages: Item[][] = [];
  let token = '';
  for (let guard = 0; guard < 1000; guard++) {
    const response = await fetchPage(token);
    assert.equal(response.status, 200, response.text);
    pages.push(response.body[itemsKey] as Item[]);
    if (!response.body.next_page_token) return { pages, last: response.body };
    token = response.body.next_page_token;
  }
  throw new Error('the page walk did not end');
}
