import { createHash } from 'node:crypto';

// The difference between what a source holds and what the directory holds (pure). Objects are
// matched by the source's own id (the resource's externalId) and compared by a fingerprint of
// their normalized SCIM resource, so the directory's side of a run costs a few bytes an object
// whatever the resources' size, and an unchanged object costs one hash. Volatile fields (etags,
// last-login times) never reach a resource (each source leaves them out), so they never make a
// difference.

/** A user of the directory as a run needs it. */
export interface IndexedUser {
  id: string;
  fingerprint: string;
  active: boolean;
  userName: string;
}

export interface IndexedGroup {
  id: string;
  fingerprint: string;
  displayName: string;
}

/** A source object, normalized the way the directory stores it. */
export interface DesiredObject {
  sourceId: string;
  resource: Record<string, unknown>;
  fingerprint: string;
}

/** Canonical JSON: object keys sorted at every depth (jsonb returns keys in its own order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprintOf(resource: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(resource)).digest('base64url');
}

export type UserChange =
  | { kind: 'unchanged' }
  | { kind: 'create'; desired: DesiredObject }
  | { kind: 'update'; id: string; desired: DesiredObject }
  /** The source made an active user inactive: destructive, counted against the safety threshold. */
  | { kind: 'deactivate'; id: string; userName: string; desired: DesiredObject };

export function diffUser(index: ReadonlyMap<string, IndexedUser>, desired: DesiredObject): UserChange {
  const current = index.get(desired.sourceId);
  if (!current) return { kind: 'create', desired };
  if (current.fingerprint === desired.fingerprint) return { kind: 'unchanged' };
  if (current.active && desired.resource.active === false) return { kind: 'deactivate', id: current.id, userName: current.userName, desired };
  return { kind: 'update', id: current.id, desired };
}

export type GroupChange = { kind: 'unchanged'; id: string } | { kind: 'create'; desired: DesiredObject } | { kind: 'update'; id: string; desired: DesiredObject };

export function diffGroup(index: ReadonlyMap<string, IndexedGroup>, desired: DesiredObject): GroupChange {
  const current = index.get(desired.sourceId);
  if (!current) return { kind: 'create', desired };
  if (current.fingerprint === desired.fingerprint) return { kind: 'unchanged', id: current.id };
  return { kind: 'update', id: current.id, desired };
}

/** The directory's objects the source no longer lists, in the directory's id order. */
export function goneObjects<Indexed extends { id: string }>(index: ReadonlyMap<string, Indexed>, seen: ReadonlySet<string>): Indexed[] {
  const gone: Indexed[] = [];
  for (const [sourceId, indexed] of index) if (!seen.has(sourceId)) gone.push(indexed);
  return gone.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface MemberDelta {
  add: string[];
  remove: string[];
}

/**
 * Members to add and remove so a group holds `desired` (directory ids). Members in `keep` are
 * never removed: users the source no longer lists leave their groups when they are deleted,
 * and not before (a deletion held for review keeps them where they are).
 */
export function diffMembers(current: ReadonlySet<string>, desired: ReadonlySet<string>, keep: ReadonlySet<string> = new Set()): MemberDelta {
  const add = [...desired].filter((id) => !current.has(id)).sort();
  const remove = [...current].filter((id) => !desired.has(id) && !keep.has(id)).sort();
  return { add, remove };
}
