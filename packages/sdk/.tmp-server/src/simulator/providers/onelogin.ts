import { changedFields, type SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import { memberPatches } from './generic.js';
import { createdId, findGroupId, findUserId } from './lookups.js';
import { idOf, type Provider, type ProviderSession } from './provider.js';
import { scimGroup, scimUser } from './scim-bodies.js';

// OneLogin (and Ping, which behaves alike): the RFC client with PUT for full updates of a
// person, PATCH with a path for (de)activation and for members, and a no-path replace to
// rename a group. Leavers are deleted.

const DEFAULT_BATCH = 100;
const member = (user: SimUser): Json => ({ value: idOf(user) });

async function putUser(session: ProviderSession, id: string, user: SimUser): Promise<void> {
  await session.client.put(`/Users/${id}`, { ...scimUser(user), id });
}

export function createOneLogin(): Provider {
  return {
    name: 'onelogin',
    style: { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' },
    leaver: 'delete',
    sendsGroupExternalId: false,
    // OneLogin user and role ids are integers.
    newUserKey: (random) => String(random.int(100_000_000, 999_999_999)),
    newGroupKey: (random) => String(random.int(100_000, 999_999)),
    async start() {},
    async pushUser(session, user) {
      const existing = await findUserId(session, user.userName);
      if (existing) {
        await putUser(session, existing, user);
        return existing;
      }
      return createdId((await session.client.post('/Users', scimUser(user), [201])).body, user.userName);
    },
    async updateUser(session, before, after) {
      const fields = changedFields(before, after);
      if (fields.length === 1 && fields[0] === 'active') {
        await session.client.patch(`/Users/${idOf(before)}`, [{ op: 'replace', path: 'active', value: after.active }]);
      } else await putUser(session, idOf(before), after);
    },
    async deleteUser(session, user) {
      await session.client.delete(`/Users/${idOf(user)}`);
    },
    async pushGroup(session, group, members) {
      const existing = await findGroupId(session, group.displayName);
      const id = existing ?? createdId((await session.client.post('/Groups', scimGroup(group, [], member), [201])).body, group.displayName);
      if (existing) {
        await session.client.patch(`/Groups/${id}`, [{ op: 'replace', value: { displayName: group.displayName } }, { op: 'replace', path: 'members', value: members.map(member) }]);
      } else {
        for (const operations of memberPatches({ before: group, after: { ...group, id }, added: members, removed: [], members }, session.memberBatchSize ?? DEFAULT_BATCH)) {
          await session.client.patch(`/Groups/${id}`, operations);
        }
      }
      return id;
    },
    async updateGroup(session, change) {
      const id = idOf(change.after);
      if (change.before.displayName !== change.after.displayName) {
        await session.client.patch(`/Groups/${id}`, [{ op: 'replace', value: { displayName: change.after.displayName } }]);
      }
      for (const operations of memberPatches(change, session.memberBatchSize ?? DEFAULT_BATCH)) await session.client.patch(`/Groups/${id}`, operations);
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
