import { records, stringOf, type Json } from '../json.js';
import type { ProviderSession } from './provider.js';
import { eqFilter } from './scim-bodies.js';

/** The first resource a filter finds, or undefined; the request must answer 200 (never 404, docs/providers.md). */
export async function findOne(session: ProviderSession, type: 'Users' | 'Groups', filter: string, query: Record<string, string | number> = {}): Promise<Json | undefined> {
  const response = await session.client.get(`/${type}`, { filter, ...query }, [200]);
  const body = response.body as Json | undefined;
  return records(body?.Resources)[0];
}

/** The SCIM id of the user with this userName, if the app has one. */
export async function findUserId(session: ProviderSession, userName: string, query: Record<string, string | number> = {}): Promise<string | undefined> {
  return stringOf((await findOne(session, 'Users', eqFilter('userName', userName), query))?.id);
}

export async function findGroupId(session: ProviderSession, displayName: string, query: Record<string, string | number> = {}): Promise<string | undefined> {
  return stringOf((await findOne(session, 'Groups', eqFilter('displayName', displayName), query))?.id);
}

/** The `id` of a 201 body. */
export function createdId(body: unknown, what: string): string {
  const id = typeof body === 'object' && body !== null ? stringOf((body as Json).id) : undefined;
  if (!id) throw new Error(`the server created ${what} but answered without an id`);
  return id;
}
