import { GROUP_RESOURCE } from '../schema/resource-types.js';
import { GROUP_SCHEMA } from '../schema/urns.js';
import { jsonEqual } from '../resource/json-object.js';
import { applyPatch } from './apply-patch.js';
import type { MemberOp } from './member-ops.js';

// Most group PATCHes an IdP sends change members only (Entra and Okta add and remove members
// one operation at a time). Such a PATCH needs nothing of the group's stored attributes, so it
// can go to the store without reading the group first. Whether a PATCH is one is decided by the
// patch engine itself, on a stand-in group: if its operations leave the stand-in as it was and
// yield member operations, they touch members only, whatever form they take (a path, a value
// filter, or no path with `{"members": [...]}`).

const STAND_IN = { schemas: [GROUP_SCHEMA], displayName: 'member-only patch probe' };

/** The member operations of a PATCH that changes members only; undefined for any other PATCH (or an invalid one). */
export function memberOnlyPatch(body: unknown): MemberOp[] | undefined {
  const patched = applyPatch(GROUP_RESOURCE, STAND_IN, body);
  if (!patched.ok || patched.value.memberOps.length === 0 || !jsonEqual(patched.value.resource, STAND_IN)) return undefined;
  return patched.value.memberOps;
}
