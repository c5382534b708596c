import type { SimGroup, SimUser } from '../directory-state.js';
import { isRecord, type Json } from '../json.js';
import { UnexpectedResponseError } from '../scim-client.js';
import { createdId, findGroupId, findUserId } from './lookups.js';
import { chunks, idOf, type Provider, type ProviderSession } from './provider.js';
import { scimGroup, scimUser } from './scim-bodies.js';

// authentik's SCIM provider: reads /ServiceProviderConfig first and adapts to it; users get
// POST, PUT and DELETE only; it remembers the ids it created, so it looks up only after a 409;
// groups are updated with a no-path replace of the whole group object and their members with
// one operation per user, chunked by `bulk.maxOperations` (or PUT with the full list when the
// server does not support PATCH).

interface Capabilities {
  patch: boolean;
  maxOperations: number;
}

const member = (user: SimUser): Json => ({ value: idOf(user) });
const authentikUser = (user: SimUser): Json => scimUser(user, { emailType: 'other' });

/** What authentik reads from /ServiceProviderConfig; a config it cannot read means no PATCH. */
export function capabilitiesOf(config: unknown): Capabilities {
  if (!isRecord(config)) return { patch: false, maxOperations: 1 };
  const patch = isRecord(config.patch) && config.patch.supported === true;
  const bulk = isRecord(config.bulk) ? config.bulk.maxOperations : undefined;
  const maxOperations = typeof bulk === 'number' && Number.isInteger(bulk) && bulk > 0 ? bulk : 1;
  return { patch, maxOperations };
}

/** Runs `create`; on a 409 finds the existing object with `find` instead. */
async function createOrFind(create: () => Promise<string>, find: () => Promise<string | undefined>): Promise<{ id: string; created: boolean }> {
  try {
    return { id: await create(), created: true };
  } catch (error) {
    if (!(error instanceof UnexpectedResponseError) || error.status !== 409) throw error;
    const id = await find();
    if (!id) throw error;
    return { id, created: false };
  }
}

export function createAuthentik(): Provider {
  let capabilities: Capabilities = { patch: false, maxOperations: 1 };
  const chunkSize = (session: ProviderSession) => session.memberBatchSize ?? capabilities.maxOperations;

  const putUser = (session: ProviderSession, id: string, user: SimUser) => session.client.put(`/Users/${id}`, { ...authentikUser(user), id });
  const putGroup = (session: ProviderSession, id: string, group: SimGroup, members: SimUser[]) => session.client.put(`/Groups/${id}`, { ...scimGroup(group, members, member), id });

  async function memberOperations(session: ProviderSession, id: string, added: SimUser[], removed: SimUser[]): Promise<void> {
    const operations: Json[] = [
      ...removed.map((user) => ({ op: 'remove', path: 'members', value: [member(user)] })),
      ...added.map((user) => ({ op: 'add', path: 'members', value: [member(user)] })),
    ];
    for (const chunk of chunks(operations, chunkSize(session))) await session.client.patch(`/Groups/${id}`, chunk);
  }

  async function updateWhole(session: ProviderSession, id: string, group: SimGroup): Promise<void> {
    await session.client.patch(`/Groups/${id}`, [{ op: 'replace', value: { ...scimGroup(group, undefined, member), id } }]);
  }

  return {
    name: 'authentik',
    style: { headers: { accept: 'application/scim+json' }, contentType: 'application/json' },
    leaver: 'delete',
    sendsGroupExternalId: true,
    newUserKey: (random) => random.uuid(),
    newGroupKey: (random) => random.uuid(),
    async start(session) {
      capabilities = capabilitiesOf((await session.client.get('/ServiceProviderConfig', undefined, [200])).body);
    },
    async pushUser(session, user) {
      if (user.id) {
        await putUser(session, user.id, user);
        return user.id;
      }
      const { id, created } = await createOrFind(
        async () => createdId((await session.client.post('/Users', authentikUser(user), [201])).body, user.userName),
        () => findUserId(session, user.userName),
      );
      if (!created) await putUser(session, id, user);
      return id;
    },
    async updateUser(session, before, after) {
      await putUser(session, idOf(before), after);
    },
    async deleteUser(session, user) {
      await session.client.delete(`/Users/${idOf(user)}`);
    },
    async pushGroup(session, group, members) {
      const known = group.id ? { id: group.id, created: false } : undefined;
      const { id, created } =
        known ??
        (await createOrFind(
          async () => createdId((await session.client.post('/Groups', scimGroup(group, undefined, member), [201])).body, group.displayName),
          () => findGroupId(session, group.displayName),
        ));
      if (!capabilities.patch) await putGroup(session, id, group, members);
      else {
        if (!created) await updateWhole(session, id, group);
        await memberOperations(session, id, members, []);
      }
      return id;
    },
    async updateGroup(session, change) {
      const id = idOf(change.after);
      if (!capabilities.patch) {
        await putGroup(session, id, change.after, change.members);
        return;
      }
      if (change.before.displayName !== change.after.displayName) await updateWhole(session, id, change.after);
      await memberOperations(session, id, change.added, change.removed);
    },
    async deleteGroup(session, group) {
      await session.client.delete(`/Groups/${idOf(group)}`);
    },
  };
}
