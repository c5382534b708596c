import assert from 'node:assert/strict';
import { http } from './api-client.js';

// Small helpers the SCIM integration suites share: URNs, typed list bodies, seeding, polling.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SEARCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
export const BULK_REQUEST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const BULK_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type Json = Record<string, unknown>;

export interface ListBody {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources?: Json[];
  nextCursor?: string;
}

export interface ScimEndpoint {
  scim: string;
  token: string;
}

/** POSTs a resource and returns the created body, failing the test on anything but 201. */
export async function createResource(endpoint: ScimEndpoint, type: 'Users' | 'Groups', body: Json): Promise<Json> {
  const response = await http<Json>('POST', `${endpoint.scim}/${type}`, { token: endpoint.token, body });
  assert.equal(response.status, 201, response.text);
  return response.body;
}

/** A GET list with the query given as a record (encoded here, so filters need no escaping). */
export async function listResources(endpoint: ScimEndpoint, type: 'Users' | 'Groups', query: Record<string, string | number>) {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return http<ListBody & Json>('GET', `${endpoint.scim}/${type}?${search.toString()}`, { token: endpoint.token });
}

/** Follows `nextCursor` from `cursor=` until it is absent; returns the ids in the order served. */
export async function enumerateWithCursor(endpoint: ScimEndpoint, type: 'Users' | 'Groups', count: number, extra: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (let page = 0; page < 10_000; page++) {
    const response = await listResources(endpoint, type, { ...extra, cursor, count });
    assert.equal(response.status, 200, response.text);
    ids.push(...(response.body.Resources ?? []).map((resource) => String(resource.id)));
    if (response.body.nextCursor === undefined) return ids;
    assert.ok(response.body.nextCursor !== '', 'nextCursor is never empty');
    cursor = response.body.nextCursor;
  }
  throw new Error('cursor enumeration did not end');
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMillis: number, intervalMillis = 50): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const value = await check();
    if (value !== undefined || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMillis));
  }
}

export const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis));
