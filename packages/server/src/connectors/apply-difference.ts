import type { ScimContext } from '../directory/scim/scim-context.js';
import { createGroup, deleteGroup, patchGroup, replaceGroup } from '../directory/scim/scim-groups.js';
import { createUser, deleteUser, replaceUser } from '../directory/scim/scim-users.js';
import { ScimError } from '../scim/scim-error.js';
import { PATCH_OP_SCHEMA } from '../scim/schema/urns.js';

// The one place a sync run writes to a directory: through the same use cases a SCIM request
// uses (directory/scim/scim-users.ts, scim-groups.ts), each one transaction that writes the change
// and its events together. So a pulled directory gets exactly the users, groups, memberships,
// events and webhooks a pushed one gets, and a run that dies between two calls leaves every
// change it made whole, with its events, and nothing half done.

/** Members per PATCH: keeps each transaction bounded however large the group. */
export const MEMBERS_PER_PATCH = 1_000;

const memberRefs = (ids: readonly string[]) => ids.map((value) => ({ value }));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

const isNotFound = (error: unknown) => error instanceof ScimError && error.status === 404;

export class DirectoryWriter {
  constructor(private readonly context: ScimContext) {}

  async createUser(resource: Record<string, unknown>): Promise<string> {
    const { row } = await createUser(this.context, resource);
    return row.id;
  }

  /** Replaces the user's attributes; a write of what is already stored changes nothing and emits nothing. */
  async replaceUser(id: string, resource: Record<string, unknown>): Promise<void> {
    await replaceUser(this.context, id, resource);
  }

  async deleteUser(id: string): Promise<void> {
    await deleteUser(this.context, id).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }

  async createGroup(resource: Record<string, unknown>, memberIds: readonly string[]): Promise<string> {
    const { row } = await createGroup(this.context, { ...resource, members: memberRefs(memberIds) });
    return row.id;
  }

  /** Replaces the group's attributes and its whole member list, in one transaction and one event. */
  async replaceGroup(id: string, resource: Record<string, unknown>, memberIds: readonly string[]): Promise<void> {
    await replaceGroup(this.context, id, { ...resource, members: memberRefs(memberIds) }, undefined, false);
  }

  /** Adds and removes members set-wise, at most MEMBERS_PER_PATCH per transaction. */
  async changeMembers(id: string, add: readonly string[], remove: readonly string[]): Promise<void> {
    for (const part of chunks(remove, MEMBERS_PER_PATCH)) {
      await patchGroup(this.context, id, { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'remove', path: 'members', value: memberRefs(part) }] }, undefined, false);
    }
    for (const part of chunks(add, MEMBERS_PER_PATCH)) {
      await patchGroup(this.context, id, { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'add', path: 'members', value: memberRefs(part) }] }, undefined, false);
    }
  }

  async deleteGroup(id: string): Promise<void> {
    await deleteGroup(this.context, id).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}
