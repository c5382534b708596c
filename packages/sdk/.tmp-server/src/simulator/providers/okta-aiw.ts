import type { SimGroup, SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import { OKTA_STYLE, oktaId, oktaMember, oktaNeverDeletesUsers, oktaPushGroup, oktaPushUser, oktaTestConnection, oktaUser } from './okta-common.js';
import { idOf, type Provider, type ProviderSession } from './provider.js';
import { scimGroup } from './scim-bodies.js';

// Apps built with Okta's integration wizard: every user change, activation included, is a PUT
// of the full object with its id; every group change a PUT with the full member list.

async function putUser(session: ProviderSession, id: string, user: SimUser): Promise<void> {
  await session.client.put(`/Users/${id}`, { ...oktaUser(user), id });
}

async function putGroup(session: ProviderSession, id: string, group: SimGroup, members: SimUser[]): Promise<void> {
  const body: Json = { ...scimGroup(group, members, oktaMember), id };
  await session.client.put(`/Groups/${id}`, body);
}

export function createOktaAiw(): Provider {
  return {
    name: 'okta-aiw',
    style: OKTA_STYLE,
    leaver: 'deactivate',
    sendsGroupExternalId: false,
    newUserKey: oktaId('00u'),
    newGroupKey: oktaId('00g'),
    start: oktaTestConnection,
    pushUser: (session, user) => oktaPushUser(session, user, (id) => putUser(session, id, user)),
    updateUser: (session, before, after) => putUser(session, idOf(before), after),
    deleteUser: oktaNeverDeletesUsers,
    pushGroup: (session, group, members) =>
      oktaPushGroup(session, group, async (id, created) => {
        if (!created || members.length > 0) await putGroup(session, id, group, members);
      }),
    updateGroup: (session, change) => putGroup(session, idOf(change.after), change.after, change.members),
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
