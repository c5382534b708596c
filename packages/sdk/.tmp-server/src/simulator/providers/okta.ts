import { USER_FIELDS, changedFields, type SimUser } from '../directory-state.js';
import type { Json } from '../json.js';
import { OKTA_STYLE, oktaId, oktaMember, oktaNeverDeletesUsers, oktaPushGroup, oktaPushUser, oktaTestConnection } from './okta-common.js';
import { chunks, idOf, type Provider } from './provider.js';
import { eqFilter, nestedValue } from './scim-bodies.js';

// Okta catalog (OIN) apps: PATCH with a no-path replace for profile changes and for
// deactivation, never DELETE for users; groups patched with `remove members[value eq]` and
// `add members` in one request, 100 to 1,000 changes at a time, each request re-sending the
// group's `{id, displayName}` as a no-path replace.

const DEFAULT_BATCH = 100;

/** The group's name as Okta re-sends it with every membership change. */
const nameOperation = (id: string, displayName: string): Json => ({ op: 'replace', value: { id, displayName } });

/** Membership requests: removals and additions, `size` changes each, each led by the name. */
export function oktaMemberPatches(id: string, displayName: string, removed: SimUser[], added: SimUser[], size: number): Json[][] {
  const changes: ({ remove: SimUser } | { add: SimUser })[] = [...removed.map((user) => ({ remove: user })), ...added.map((user) => ({ add: user }))];
  return chunks(changes, size).map((batch) => {
    const operations: Json[] = [nameOperation(id, displayName)];
    for (const change of batch) if ('remove' in change) operations.push({ op: 'remove', path: `members[${eqFilter('value', idOf(change.remove))}]` });
    const adds = batch.flatMap((change) => ('add' in change ? [oktaMember(change.add)] : []));
    if (adds.length) operations.push({ op: 'add', path: 'members', value: adds });
    return operations;
  });
}

export function createOkta(): Provider {
  return {
    name: 'okta',
    style: OKTA_STYLE,
    leaver: 'deactivate',
    sendsGroupExternalId: false,
    newUserKey: oktaId('00u'),
    newGroupKey: oktaId('00g'),
    start: oktaTestConnection,
    pushUser: (session, user) =>
      oktaPushUser(session, user, async (id) => {
        await session.client.patch(`/Users/${id}`, [{ op: 'replace', value: nestedValue(user, USER_FIELDS) }]);
      }),
    async updateUser(session, before, after) {
      await session.client.patch(`/Users/${idOf(before)}`, [{ op: 'replace', value: nestedValue(after, changedFields(before, after)) }]);
    },
    deleteUser: oktaNeverDeletesUsers,
    pushGroup: (session, group, members) =>
      oktaPushGroup(session, group, async (id, created) => {
        if (!created) {
          // A linked group gets its full member list in one replace.
          await session.client.patch(`/Groups/${id}`, [nameOperation(id, group.displayName), { op: 'replace', path: 'members', value: members.map(oktaMember) }]);
          return;
        }
        for (const operations of oktaMemberPatches(id, group.displayName, [], members, session.memberBatchSize ?? DEFAULT_BATCH)) {
          await session.client.patch(`/Groups/${id}`, operations);
        }
      }),
    async updateGroup(session, change) {
      const id = idOf(change.after);
      const batches = oktaMemberPatches(id, change.after.displayName, change.removed, change.added, session.memberBatchSize ?? DEFAULT_BATCH);
      if (batches.length === 0) batches.push([nameOperation(id, change.after.displayName)]);
      for (const operations of batches) await session.client.patch(`/Groups/${id}`, operations);
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
