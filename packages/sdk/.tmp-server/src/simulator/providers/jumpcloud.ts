import type { SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import { createdId, findGroupId, findUserId } from './lookups.js';
import { chunks, idOf, type Provider, type ProviderSession } from './provider.js';
import { scimGroup, scimUser } from './scim-bodies.js';

// JumpCloud: PUT of the full user for every change (suspension included), groups created with
// their members, renamed with a top-level `replace` of `displayName` without a path, and
// members added and removed by value lists. Leavers are deleted.

const DEFAULT_BATCH = 100;
const BASE16 = '0123456789abcdef';
const member = (user: SimUser): Json => ({ value: idOf(user), display: user.displayName });

async function putUser(session: ProviderSession, id: string, user: SimUser): Promise<void> {
  await session.client.put(`/Users/${id}`, { ...scimUser(user), id });
}

function memberPatches(added: SimUser[], removed: SimUser[], size: number): Json[][] {
  return [
    ...chunks(removed, size).map((batch) => [{ op: 'remove', path: 'members', value: batch.map((user) => ({ value: idOf(user) })) }]),
    ...chunks(added, size).map((batch) => [{ op: 'add', path: 'members', value: batch.map(member) }]),
  ];
}

export function createJumpCloud(): Provider {
  return {
    name: 'jumpcloud',
    style: { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' },
    leaver: 'delete',
    sendsGroupExternalId: false,
    // JumpCloud object ids are 24 hexadecimal characters (MongoDB ObjectIds).
    newUserKey: (random) => random.chars(BASE16, 24),
    newGroupKey: (random) => random.chars(BASE16, 24),
    async start() {},
    async pushUser(session, user) {
      const existing = await findUserId(session, user.userName);
      if (existing) {
        await putUser(session, existing, user);
        return existing;
      }
      return createdId((await session.client.post('/Users', scimUser(user), [201])).body, user.userName);
    },
    updateUser: (session, before, after) => putUser(session, idOf(before), after),
    async deleteUser(session, user) {
      await session.client.delete(`/Users/${idOf(user)}`);
    },
    async pushGroup(session, group, members) {
      const existing = await findGroupId(session, group.displayName);
      if (!existing) return createdId((await session.client.post('/Groups', scimGroup(group, members, member), [201])).body, group.displayName);
      await session.client.patch(`/Groups/${existing}`, [{ op: 'replace', value: { displayName: group.displayName } }]);
      for (const operations of memberPatches(members, [], session.memberBatchSize ?? DEFAULT_BATCH)) await session.client.patch(`/Groups/${existing}`, operations);
      return existing;
    },
    async updateGroup(session, change) {
      const id = idOf(change.after);
      if (change.before.displayName !== change.after.displayName) {
        await session.client.patch(`/Groups/${id}`, [{ op: 'replace', value: { displayName: change.after.displayName } }]);
      }
      for (const operations of memberPatches(change.added, change.removed, session.memberBatchSize ?? DEFAULT_BATCH)) {
        await session.client.patch(`/Groups/${id}`, operations);
      }
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
