import type { SimGroup, SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import type { Random } from '../prng.js';
import type { RequestStyle } from '../scim-client.js';
import { createdId, findGroupId, findUserId } from './lookups.js';
import { idOf, type ProviderSession } from './provider.js';
import { scimGroup, scimUser } from './scim-bodies.js';

// What Okta's catalog apps and its integration-wizard (AIW) apps share: headers, ids,
// the lookup before every create, the create bodies (docs/providers.md, Okta).

export const OKTA_STYLE: RequestStyle = {
  headers: { 'user-agent': 'Okta SCIM Client 1.0.0', accept: 'application/scim+json' },
  contentType: 'application/json',
};

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Okta object ids: a type prefix (`00u` user, `00g` group) and 17 base-62 characters. */
export const oktaId = (prefix: '00u' | '00g') => (random: Random) => `${prefix}${random.chars(BASE62, 17)}`;

/** Imports and lookups page with startIndex=1&count=100. */
export const OKTA_PAGE = { startIndex: 1, count: 100 } as const;

/** The user Okta POSTs (and the AIW PUTs): a placeholder password, `groups: []`, a locale. */
export function oktaUser(user: SimUser): Json {
  return { ...scimUser(user), locale: 'en-US', groups: [], password: 'Pl4ceh0lder!' };
}

export const oktaMember = (user: SimUser): Json => ({ value: idOf(user), display: user.userName });

/** Okta's Test Connection: the first page of users. */
export async function oktaTestConnection(session: ProviderSession): Promise<void> {
  await session.client.get('/Users', { startIndex: 1, count: 2 }, [200]);
}

/** Looks the user up by userName; creates it when absent. `link` updates one that exists. */
export async function oktaPushUser(session: ProviderSession, user: SimUser, link: (id: string) => Promise<void>): Promise<string> {
  const existing = await findUserId(session, user.userName, OKTA_PAGE);
  if (existing) {
    await link(existing);
    return existing;
  }
  return createdId((await session.client.post('/Users', oktaUser(user), [201])).body, user.userName);
}

/** Group Push: looks the group up by name; creates it empty, then `fill` sends its members. */
export async function oktaPushGroup(session: ProviderSession, group: SimGroup, fill: (id: string, created: boolean) => Promise<void>): Promise<string> {
  const existing = await findGroupId(session, group.displayName, OKTA_PAGE);
  if (existing) {
    await fill(existing, false);
    return existing;
  }
  const id = createdId((await session.client.post('/Groups', scimGroup(group, [], oktaMember), [201])).body, group.displayName);
  await fill(id, true);
  return id;
}

export function oktaNeverDeletesUsers(): never {
  throw new Error('Okta deactivates users; it never sends DELETE /Users');
}
