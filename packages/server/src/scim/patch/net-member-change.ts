import type { MemberOp } from './member-ops.js';

/**
 * The net effect of a PATCH's member operations, applied in request order: which ids end up
 * members and which do not, and whether every other member goes (a replace or remove-all came
 * first). One set-based statement applies it, whatever the number of operations.
 */
export interface NetMemberChange {
  /** Remove every current member not in `present`. */
  clear: boolean;
  /** Ids that are members afterwards (each must name a user or group of the directory). */
  present: string[];
  /** Ids that are not members afterwards (removing a non-member is a no-op). */
  absent: string[];
}

export function netMemberChange(operations: readonly MemberOp[]): NetMemberChange {
  let clear = false;
  const member = new Map<string, boolean>();
  for (const operation of operations) {
    switch (operation.kind) {
      case 'add':
        for (const ref of operation.members) member.set(ref.value, true);
        break;
      case 'remove':
        for (const id of operation.memberIds) member.set(id, false);
        break;
      case 'removeAll':
        clear = true;
        member.clear();
        break;
      case 'replace':
        clear = true;
        member.clear();
        for (const ref of operation.members) member.set(ref.value, true);
        break;
    }
  }
  const present = [...member].filter(([, isMember]) => isMember).map(([id]) => id);
  const absent = [...member].filter(([, isMember]) => !isMember).map(([id]) => id);
  return { clear, present, absent };
}

/** Whether the operations can change anything at all. */
export function isEmptyChange(change: NetMemberChange): boolean {
  return !change.clear && change.present.length === 0 && change.absent.length === 0;
}
