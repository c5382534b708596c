import { USER_FIELDS, changedFields, type SimUser, type UserField } from '../directory-state.js';
import type { Json } from '../json.js';
import { entraPushGroup, entraPushUser, entraTestConnection, ENTRA_STYLE, sendConcurrently } from './entra-common.js';
import { chunks, idOf, type Provider } from './provider.js';
import { FIELD_PATHS, eqFilter } from './scim-bodies.js';

// Entra ID with the `aadOptscim062020` feature flag: lower-case ops, real booleans, user
// changes as one no-path `replace` whose value keys are attribute paths, and members removed
// with a `members[value eq "id"]` filter. Members travel in small batches.

const DEFAULT_BATCH = 10;

/** `{"op":"replace","value":{"name.givenName":"A","urn:...:User:department":"B"}}` */
export function dottedReplace(user: SimUser, fields: readonly UserField[]): Json {
  const value: Json = {};
  for (const field of fields) value[FIELD_PATHS[field]] = user[field] ?? null;
  if (fields.includes('displayName')) value['name.formatted'] = user.displayName;
  return { op: 'replace', value };
}

export function aadOptMemberPatches(added: SimUser[], removed: SimUser[], size: number): Json[][] {
  return [
    ...chunks(removed, size).map((batch) => batch.map((user) => ({ op: 'remove', path: `members[${eqFilter('value', idOf(user))}]` }))),
    ...chunks(added, size).map((batch) => [{ op: 'add', path: 'members', value: batch.map((user) => ({ value: idOf(user) })) }]),
  ];
}

export function createEntraAadOpt(): Provider {
  return {
    name: 'entra-aadOptscim062020',
    style: ENTRA_STYLE,
    leaver: 'deactivate',
    sendsGroupExternalId: true,
    newUserKey: (random) => random.uuid(),
    newGroupKey: (random) => random.uuid(),
    start: entraTestConnection,
    pushUser: (session, user) =>
      entraPushUser(session, user, async (id) => {
        await session.client.patch(`/Users/${id}`, [dottedReplace(user, USER_FIELDS)]);
      }),
    async updateUser(session, before, after) {
      await session.client.patch(`/Users/${idOf(before)}`, [dottedReplace(after, changedFields(before, after))]);
    },
    async deleteUser(session, user) {
      await session.client.delete(`/Users/${idOf(user)}`);
    },
    pushGroup: (session, group, members) =>
      entraPushGroup(session, group, async (id, created) => {
        if (!created) await session.client.patch(`/Groups/${id}`, [{ op: 'replace', path: 'displayName', value: group.displayName }]);
        await sendConcurrently(session, id, aadOptMemberPatches(members, [], session.memberBatchSize ?? DEFAULT_BATCH));
      }),
    async updateGroup(session, change) {
      const id = idOf(change.after);
      if (change.before.displayName !== change.after.displayName) {
        await session.client.patch(`/Groups/${id}`, [{ op: 'replace', path: 'displayName', value: change.after.displayName }]);
      }
      await sendConcurrently(session, id, aadOptMemberPatches(change.added, change.removed, session.memberBatchSize ?? DEFAULT_BATCH));
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
