import type { SimGroup, SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import type { RequestStyle } from '../scim-client.js';
import { createdId, findGroupId, findUserId } from './lookups.js';
import { settleAll, type ProviderSession } from './provider.js';
import { GROUP_SCHEMA, eqFilter, scimUser } from './scim-bodies.js';

// What both Entra ID modes share (docs/providers.md): GUID ids, the Test Connection lookup of a
// random userName, lookups by userName and by displayName without members, the create bodies.

export const ENTRA_STYLE: RequestStyle = { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' };

const ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

/** Test Connection: a lookup of a random GUID userName must be 200 and empty. */
export async function entraTestConnection(session: ProviderSession): Promise<void> {
  const response = await session.client.get('/Users', { filter: eqFilter('userName', session.random.uuid()) }, [200]);
  const total = (response.body as Json | undefined)?.totalResults;
  if (total !== 0) throw new Error(`Test Connection: a random userName matched ${String(total)} users`);
}

/** The user Entra POSTs: `meta.resourceType`, `roles: []`, `name.formatted`, an unmapped attribute as null. */
export function entraUser(user: SimUser): Json {
  return { ...scimUser(user, { formatted: true }), roles: [], nickName: null, meta: { resourceType: 'User' } };
}

export function entraGroup(group: SimGroup): Json {
  return { schemas: [GROUP_SCHEMA, ADSCIM_GROUP], externalId: group.externalId ?? group.key, displayName: group.displayName, meta: { resourceType: 'Group' } };
}

/** Lookup by the matching attribute, then create; `sync` updates one that exists. */
export async function entraPushUser(session: ProviderSession, user: SimUser, sync: (id: string) => Promise<void>): Promise<string> {
  const existing = await findUserId(session, user.userName);
  if (existing) {
    await sync(existing);
    return existing;
  }
  return createdId((await session.client.post('/Users', entraUser(user), [201])).body, user.userName);
}

/** Groups are read without their members; a new group is created empty and filled by PATCH. */
export async function entraPushGroup(session: ProviderSession, group: SimGroup, sync: (id: string, created: boolean) => Promise<void>): Promise<string> {
  const existing = await findGroupId(session, group.displayName, { excludedAttributes: 'members' });
  if (existing) {
    await sync(existing, false);
    return existing;
  }
  const id = createdId((await session.client.post('/Groups', entraGroup(group), [201])).body, group.displayName);
  await sync(id, true);
  return id;
}

/** Sends member PATCHes concurrently, as Entra does: many at once on one group. */
export function sendConcurrently(session: ProviderSession, groupId: string, requests: Json[][]): Promise<void> {
  return settleAll(requests.map((operations) => session.client.patch(`/Groups/${groupId}`, operations)));
}
