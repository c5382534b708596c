import { USER_FIELDS, changedFields, type SimUser, type UserField } from '../directory-state.js';
import type { Json } from '../json.js';
import { entraPushGroup, entraPushUser, entraTestConnection, ENTRA_STYLE, sendConcurrently } from './entra-common.js';
import { chunks, idOf, type Provider } from './provider.js';
import { FIELD_PATHS } from './scim-bodies.js';

// Microsoft Entra ID, default mode: capitalised ops, booleans as "True"/"False", a `Replace`
// per changed attribute, members added with `"$ref": null` and removed by value, one member
// per PATCH with many PATCHes in flight on one group. Leavers are disabled, not deleted.

const entraValue = (value: string | boolean | undefined) => (typeof value === 'boolean' ? (value ? 'True' : 'False') : value);

/** `Replace` operations for the fields; `name.formatted` follows the name as Entra maps it. */
export function entraOperations(user: SimUser, fields: readonly UserField[]): Json[] {
  const operations: Json[] = fields.map((field) =>
    user[field] === undefined ? { op: 'Remove', path: FIELD_PATHS[field] } : { op: 'Replace', path: FIELD_PATHS[field], value: entraValue(user[field]) },
  );
  if (fields.includes('displayName')) operations.push({ op: 'Replace', path: 'name.formatted', value: user.displayName });
  return operations;
}

export function entraMemberPatches(added: SimUser[], removed: SimUser[], size: number): Json[][] {
  return [
    ...chunks(removed, size).map((batch) => [{ op: 'Remove', path: 'members', value: batch.map((user) => ({ value: idOf(user) })) }]),
    ...chunks(added, size).map((batch) => [{ op: 'Add', path: 'members', value: batch.map((user) => ({ $ref: null, value: idOf(user) })) }]),
  ];
}

export function createEntra(): Provider {
  return {
    name: 'entra',
    style: ENTRA_STYLE,
    leaver: 'deactivate',
    sendsGroupExternalId: true,
    newUserKey: (random) => random.uuid(),
    newGroupKey: (random) => random.uuid(),
    start: entraTestConnection,
    pushUser: (session, user) =>
      entraPushUser(session, user, async (id) => {
        await session.client.patch(`/Users/${id}`, entraOperations(user, USER_FIELDS));
      }),
    async updateUser(session, before, after) {
      await session.client.patch(`/Users/${idOf(before)}`, entraOperations(after, changedFields(before, after)));
    },
    async deleteUser(session, user) {
      await session.client.delete(`/Users/${idOf(user)}`);
    },
    pushGroup: (session, group, members) =>
      entraPushGroup(session, group, async (id, created) => {
        if (!created) await session.client.patch(`/Groups/${id}`, [{ op: 'Replace', path: 'displayName', value: group.displayName }]);
        await sendConcurrently(session, id, entraMemberPatches(members, [], session.memberBatchSize ?? 1));
      }),
    async updateGroup(session, change) {
      const id = idOf(change.after);
      if (change.before.displayName !== change.after.displayName) {
        await session.client.patch(`/Groups/${id}`, [{ op: 'Replace', path: 'displayName', value: change.after.displayName }]);
      }
      await sendConcurrently(session, id, entraMemberPatches(change.added, change.removed, session.memberBatchSize ?? 1));
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
