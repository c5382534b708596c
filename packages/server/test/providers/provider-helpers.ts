import assert from 'node:assert/strict';
import { before } from 'node:test';
import { http, type HttpResult, type ProvisionedDirectory } from '../support/api-client.js';
import type { StoreFixture } from '../support/each-store.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, type Json, type ListBody } from '../support/scim-fixtures.js';

// Shared by the provider suites: a SCIM client that sends what one IdP sends (its headers and
// content type), and read-backs of what the server stored, through SCIM and through the tables.

export interface ProviderStyle {
  /** Headers the provider sends on every request (User-Agent, Accept). */
  headers?: Record<string, string>;
  /** The Content-Type of request bodies; `application/scim+json` unless the provider differs. */
  contentType?: string;
}

export type Member = { value: string; type?: string; display?: string; $ref?: string };

/** One provider's view of one directory's SCIM endpoint. */
export class ProviderClient {
  constructor(
    readonly directory: ProvisionedDirectory,
    private readonly style: ProviderStyle = {},
  ) {}

  get scim(): string {
    return this.directory.scim;
  }

  request<Body = Json>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<Body>> {
    const all: Record<string, string> = { ...this.style.headers, ...headers };
    if (body !== undefined) all['content-type'] ??= this.style.contentType ?? 'application/scim+json';
    return http<Body>(method, `${this.scim}${path}`, { token: this.directory.token, ...(body === undefined ? {} : { body }), headers: all });
  }

  get<Body = Json>(path: string) {
    return this.request<Body>('GET', path);
  }

  /** A GET list with the query given as a record, encoded the way fetch clients encode it. */
  list(type: 'Users' | 'Groups', query: Record<string, string | number>) {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
    return this.request<ListBody & Json>('GET', `/${type}?${search.toString()}`);
  }

  post<Body = Json>(path: string, body: unknown) {
    return this.request<Body>('POST', path, body);
  }

  put<Body = Json>(path: string, body: unknown) {
    return this.request<Body>('PUT', path, body);
  }

  patch<Body = Json>(path: string, operations: unknown[]) {
    return this.request<Body>('PATCH', path, { schemas: [PATCH_SCHEMA], Operations: operations });
  }

  delete(path: string) {
    return this.request('DELETE', path);
  }

  /** POSTs a user (RFC 7643 core schema plus `extra`) and returns its id. */
  async createUser(userName: string, extra: Json = {}): Promise<string> {
    const response = await this.post('/Users', { schemas: [USER_SCHEMA], userName, ...extra });
    assert.equal(response.status, 201, response.text);
    return String(response.body.id);
  }

  /** Creates `count` users `${prefix}${i}@example.com`, `concurrency` at a time; ids in index order. */
  async createUsers(prefix: string, count: number, concurrency = 8): Promise<string[]> {
    return mapConcurrently(Array.from({ length: count }, (_, index) => index), concurrency, (index) =>
      this.createUser(`${prefix}${index}@example.com`, { name: { givenName: `G${index}`, familyName: prefix } }),
    );
  }

  async createGroup(displayName: string, members: string[] = [], extra: Json = {}): Promise<string> {
    const response = await this.post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: members.map((value) => ({ value })), ...extra });
    assert.equal(response.status, 201, response.text);
    return String(response.body.id);
  }

  async readUser(id: string): Promise<Json> {
    const response = await this.get(`/Users/${id}`);
    assert.equal(response.status, 200, response.text);
    return response.body;
  }

  async readGroup(id: string): Promise<Json> {
    const response = await this.get(`/Groups/${id}`);
    assert.equal(response.status, 200, response.text);
    return response.body;
  }

  /** The group's member ids as SCIM serves them, sorted. */
  async memberIds(groupId: string): Promise<string[]> {
    const group = await this.readGroup(groupId);
    return ((group.members as Member[] | undefined) ?? []).map((member) => member.value).sort();
  }
}

/**
 * A fresh directory of this provider for the suite, so one provider's data never meets another's.
 * Registers a `before` hook; call it at the top of a `describeEachStore` body.
 */
export function providerDirectory(fixture: StoreFixture, provider: string, style: ProviderStyle = {}): () => ProviderClient {
  let client: ProviderClient | undefined;
  before(async () => {
    client = new ProviderClient(await fixture.newDirectory(provider), style);
  });
  return () => {
    if (!client) throw new Error('provider directory not provisioned');
    return client;
  };
}

/** What the server stored, read straight from the tables (not through SCIM rendering). */
export interface StoredUserRow {
  user_name: string;
  external_id: string | null;
  active: boolean;
  primary_email: string | null;
  emails: string[];
  resource: Json;
}

export async function storedUser(fixture: StoreFixture, client: ProviderClient, id: string): Promise<StoredUserRow> {
  const result = await fixture.server().server.services.db.pool.query<StoredUserRow>(
    'SELECT user_name, external_id, active, primary_email, emails, resource FROM directory_users WHERE directory_id = $1 AND id = $2',
    [client.directory.directoryId, id],
  );
  const row = result.rows[0];
  assert.ok(row, `no directory_users row for ${id}`);
  return row;
}

export async function storedGroup(fixture: StoreFixture, client: ProviderClient, id: string): Promise<{ display_name: string; external_id: string | null; resource: Json }> {
  const result = await fixture.server().server.services.db.pool.query<{ display_name: string; external_id: string | null; resource: Json }>(
    'SELECT display_name, external_id, resource FROM directory_groups WHERE directory_id = $1 AND id = $2',
    [client.directory.directoryId, id],
  );
  const row = result.rows[0];
  assert.ok(row, `no directory_groups row for ${id}`);
  return row;
}

/** The member ids of a group as rows of `group_members`, sorted. */
export async function memberRows(fixture: StoreFixture, client: ProviderClient, groupId: string): Promise<string[]> {
  const result = await fixture.server().server.services.db.pool.query<{ member_id: string }>(
    'SELECT member_id FROM group_members WHERE directory_id = $1 AND group_id = $2 ORDER BY member_id',
    [client.directory.directoryId, groupId],
  );
  return result.rows.map((row) => row.member_id).sort();
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** Asserts the list paging fields are JSON integers (Okta rejects "1" or 1.0-as-string). */
export function assertIntegerPaging(body: Json): void {
  for (const name of ['totalResults', 'startIndex', 'itemsPerPage']) {
    assert.equal(typeof body[name], 'number', `${name} must be a number`);
    assert.ok(Number.isInteger(body[name]), `${name} must be an integer`);
  }
}

export { ENTERPRISE_SCHEMA, GROUP_SCHEMA, LIST_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, type Json } from '../support/scim-fixtures.js';
