import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { parseMemberRefs, type MemberRef } from '../resource/member-refs.js';
import type { FilterNode } from '../filter/filter-node.js';
import type { PatchOpName } from './parse-patch.js';

export type { MemberRef } from '../resource/member-refs.js';

/**
 * A change to a Group's membership. Members are rows, not JSON, so PATCH returns these in request
 * order for the caller to apply set-wise instead of rewriting a member array.
 */
export type MemberOp =
  | { kind: 'add'; members: MemberRef[] }
  | { kind: 'remove'; memberIds: string[] }
  | { kind: 'removeAll' }
  | { kind: 'replace'; members: MemberRef[] };

export interface MemberTarget {
  op: PatchOpName;
  value?: unknown;
  hasValue: boolean;
  filter?: FilterNode;
  subAttribute?: string;
}

/** The member operation a PATCH operation on `members` asks for; undefined when it changes nothing. */
export function memberOperation(target: MemberTarget): Result<MemberOp | undefined> {
  if (target.subAttribute !== undefined) {
    return fail(badRequest('invalidPath', `Member sub-attributes cannot be patched ("members.${target.subAttribute}")`));
  }
  if (target.filter) {
    const ids = memberIdsOf(target.filter);
    if (ids === undefined) {
      return fail(badRequest('invalidFilter', 'Only members[value eq "<id>"] filters (optionally joined with "or") are supported'));
    }
    if (target.op !== 'remove') return fail(badRequest('invalidPath', `A filter on "members" is supported only with "remove", not "${target.op}"`));
    return ok({ kind: 'remove', memberIds: ids });
  }

  const refs = parseMemberRefs(target.value);
  if (!refs.ok) return refs;
  switch (target.op) {
    case 'add':
      return ok(refs.value.length > 0 ? { kind: 'add', members: refs.value } : undefined);
    case 'replace':
      return ok({ kind: 'replace', members: refs.value });
    case 'remove':
      // RFC 7644 3.5.2.2: remove of "members" with no filter removes them all. Entra (default mode)
      // sends the ids to remove as a value instead: remove exactly those. An explicitly empty
      // value list removes nothing rather than everything.
      if (!target.hasValue || target.value === null) return ok({ kind: 'removeAll' });
      return ok(refs.value.length > 0 ? { kind: 'remove', memberIds: refs.value.map((ref) => ref.value) } : undefined);
  }
}

/** The ids of `value eq "<id>"` (or an `or` of them), else undefined. */
function memberIdsOf(filter: FilterNode): string[] | undefined {
  if (filter.kind === 'or') {
    const ids: string[] = [];
    for (const child of filter.children) {
      const childIds = memberIdsOf(child);
      if (childIds === undefined) return undefined;
      ids.push(...childIds);
    }
    return [...new Set(ids)];
  }
  if (filter.kind === 'compare' && filter.path.subAttribute === 'value' && filter.operator === 'eq' && typeof filter.value === 'string' && filter.value !== '') {
    return [filter.value];
  }
  return undefined;
}
