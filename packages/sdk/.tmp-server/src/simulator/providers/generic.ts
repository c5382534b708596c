import { changedFields, type SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import { createdId, findGroupId, findUserId } from './lookups.js';
import { chunks, idOf, type GroupChange, type Provider, type ProviderSession } from './provider.js';
import { FIELD_PATHS, eqFilter, scimGroup, scimUser } from './scim-bodies.js';

// A client written from RFC 7644 alone: lookups before creates, PATCH with attribute paths and
// lower-case ops, PUT for a full re-push, DELETE for leavers, members in the group's POST.

const member = (user: SimUser): Json => ({ value: idOf(user) });

/** Path operations for the changed fields; a field that became undefined is removed. */
export function pathOperations(before: SimUser, after: SimUser): Json[] {
  return changedFields(before, after).map((field) =>
    after[field] === undefined ? { op: 'remove', path: FIELD_PATHS[field] } : { op: 'replace', path: FIELD_PATHS[field], value: after[field] },
  );
}

/** Member changes as `add members` and `remove members[value eq "id"]`, `size` changes a request. */
export function memberPatches(change: GroupChange, size: number): Json[][] {
  const changes: Json[] = [
    ...change.removed.map((user): Json => ({ op: 'remove', path: `members[${eqFilter('value', idOf(user))}]` })),
    ...change.added.map((user): Json => ({ op: 'add', path: 'members', value: [member(user)] })),
  ];
  return chunks(changes, size);
}

export function createGeneric(): Provider {
  return {
    name: 'generic',
    style: { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' },
    leaver: 'delete',
    sendsGroupExternalId: true,
    newUserKey: (random) => random.uuid(),
    newGroupKey: (random) => random.uuid(),
    async start() {},
    async pushUser(session: ProviderSession, user: SimUser) {
      const existing = await findUserId(session, user.userName);
      if (existing) {
        await session.client.put(`/Users/${existing}`, { ...scimUser(user), id: existing });
        return existing;
      }
      return createdId((await session.client.post('/Users', scimUser(user), [201])).body, user.userName);
    },
    async updateUser(session, before, after) {
      await session.client.patch(`/Users/${idOf(before)}`, pathOperations(before, after));
    },
    async deleteUser(session, user) {
      await session.client.delete(`/Users/${idOf(user)}`);
    },
    async pushGroup(session, group, members) {
      const existing = await findGroupId(session, group.displayName, { excludedAttributes: 'members' });
      if (existing) {
        await session.client.put(`/Groups/${existing}`, { ...scimGroup(group, members, member), id: existing });
        return existing;
      }
      return createdId((await session.client.post('/Groups', scimGroup(group, members, member), [201])).body, group.displayName);
    },
    async updateGroup(session, change) {
      const id = idOf(change.after);
      if (change.before.displayName !== change.after.displayName) {
        await session.client.patch(`/Groups/${id}`, [{ op: 'replace', path: 'displayName', value: change.after.displayName }]);
      }
      for (const operations of memberPatches(change, session.memberBatchSize ?? 100)) await session.client.patch(`/Groups/${id}`, operations);
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
