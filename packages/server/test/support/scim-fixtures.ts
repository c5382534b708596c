import assert from 'node:assert/strict';
import { http } from './api-client.js';

// Small helpers the SCIM integration suites share: URNs, typed list bodies, seeding, polling.
// The URNs and the JSON object type are the server's own, declared once (scim/schema/urns.ts).

export {
  BULK_REQUEST_SCHEMA,
  BULK_RESPONSE_SCHEMA,
  ENTERPRISE_USER_SCHEMA as ENTERPRISE_SCHEMA,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  LIST_RESPONSE_SCHEMA as LIST_SCHEMA,
  PATCH_OP_SCHEMA as PATCH_SCHEMA,
  SEARCH_REQUEST_SCHEMA as SEARCH_SCHEMA,
  USER_SCHEMA,
} from '../../src/scim/schema/urns.js';
import type { JsonObject as Json } from '../../src/scim/resource/json-object.js';

export type { Json };

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
