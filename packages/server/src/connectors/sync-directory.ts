import { ScimError } from '../scim/scim-error.js';
import { normalizeResource } from '../scim/resource/normalize-resource.js';
import { GROUP_RESOURCE, USER_RESOURCE, type ResourceType } from '../scim/schema/resource-types.js';
import { readMemberIds } from '../store/directory-index.js';
import type { Queryable } from '../store/database.js';
import type { DirectoryWriter } from './apply-difference.js';
import { forEachBounded } from './bounded.js';
import { diffGroup, diffMembers, diffUser, fingerprintOf, goneObjects, type DesiredObject, type UserChange } from './diff.js';
import { loadDirectoryIndex, type DirectoryIndex } from './directory-index.js';
import { safetyVerdict, type Removals, type SafetyVerdict } from './safety.js';
import type { SourceGroup, SourceMember, SourceReader } from './source.js';

// One sync of a directory from its source: list, diff, apply. Users first (page by page, each
// page's creations and updates applied as it arrives), then groups with their members, then,
// once the whole source has been read, what is destructive (deactivations, deletions) if the
// safety threshold allows. A run that fails or stops part-way has removed no one, and whatever
// it applied stays applied with its events: the next run diffs again and does only the rest.

export const RUN_COUNT_NAMES = [
  'users_seen',
  'groups_seen',
  'users_created',
  'users_updated',
  'users_deactivated',
  'users_deleted',
  'groups_created',
  'groups_updated',
  'groups_deleted',
  'memberships_added',
  'memberships_removed',
  'objects_failed',
  'source_calls',
] as const;
export type RunCounts = Record<(typeof RUN_COUNT_NAMES)[number], number>;

export const emptyCounts = (): RunCounts => Object.fromEntries(RUN_COUNT_NAMES.map((name) => [name, 0])) as RunCounts;

/** Throws when the run no longer holds its lease: another node may have taken the directory. */
export interface LeaseGuard {
  check(): void;
}

export interface SyncInput {
  db: Queryable;
  directoryId: string;
  reader: SourceReader;
  writer: DirectoryWriter;
  thresholdPercent: number;
  approved?: Removals | undefined;
  concurrency: number;
  lease: LeaseGuard;
  counts: RunCounts;
  /** Called after each write and page, to record progress (it decides how often to write it). */
  progress(): Promise<void>;
}

export interface HeldSummary {
  users_deactivated: number;
  users_deleted: number;
  groups_deleted: number;
  users_in_directory: number;
  groups_in_directory: number;
  threshold_percent: number;
  user_share_percent: number;
  group_share_percent: number;
  reason: string;
  /** Some of whom the run would have removed. */
  sample: { kind: 'user' | 'group'; id: string; name: string; action: 'deactivate' | 'delete' }[];
}

export type SyncResult = { status: 'succeeded'; failures: string[] } | { status: 'held'; held: HeldSummary; failures: string[] };

const SAMPLE_SIZE = 25;
const FAILURES_KEPT = 10;

function desiredObject(type: ResourceType, sourceId: string, body: Record<string, unknown>): DesiredObject | ScimError {
  const normalized = normalizeResource(type, { ...body, externalId: sourceId });
  if (!normalized.ok) return normalized.error;
  return { sourceId, resource: normalized.value.resource, fingerprint: fingerprintOf(normalized.value.resource) };
}

/** The changes of one run; its state is the index it keeps current as it writes. */
class DirectorySync {
  private readonly failures: string[] = [];
  private readonly retries: (() => Promise<void>)[] = [];
  private readonly deactivations: Extract<UserChange, { kind: 'deactivate' }>[] = [];
  private readonly seenUsers = new Set<string>();
  private readonly seenGroups = new Set<string>();
  /** Nested groups a group lists before they exist here: added once every group is created. */
  private readonly pendingGroupMembers: { groupSourceId: string; memberSourceIds: string[] }[] = [];
  private goneUserIds = new Set<string>();

  constructor(
    private readonly input: SyncInput,
    private readonly index: DirectoryIndex,
  ) {}

  private fail(what: string, error: ScimError | string): void {
    this.input.counts.objects_failed++;
    if (this.failures.length < FAILURES_KEPT) this.failures.push(`${what}: ${typeof error === 'string' ? error : error.message}`);
  }

  /** One write; a refusal of this object is counted and the run goes on; a conflict is tried again at the end. */
  private async write(what: string, work: () => Promise<void>, retryOnConflict = true): Promise<void> {
    this.input.lease.check();
    try {
      await work();
      await this.input.progress();
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      // A userName taken by a user this run deletes later (renames across people): again after deletions.
      if (error.status === 409 && retryOnConflict) this.retries.push(() => this.write(what, work, false));
      else this.fail(what, error);
    }
  }

  async syncUsers(): Promise<void> {
    const { counts, writer } = this.input;
    for await (const page of this.input.reader.users()) {
      const changes: Exclude<UserChange, { kind: 'unchanged' | 'deactivate' }>[] = [];
      for (const user of page) {
        if (this.seenUsers.has(user.sourceId)) continue;
        this.seenUsers.add(user.sourceId);
        counts.users_seen++;
        const desired = desiredObject(USER_RESOURCE, user.sourceId, user.scim);
        if (desired instanceof ScimError) {
          this.fail(`user ${user.sourceId}`, desired);
          continue;
        }
        const change = diffUser(this.index.users, desired);
        if (change.kind === 'deactivate') this.deactivations.push(change);
        else if (change.kind !== 'unchanged') changes.push(change);
      }
      await forEachBounded(changes, this.input.concurrency, async (change) => {
        const { desired } = change;
        const entry = { fingerprint: desired.fingerprint, active: desired.resource.active !== false, userName: String(desired.resource.userName) };
        if (change.kind === 'create') {
          await this.write(`user ${entry.userName}`, async () => {
            this.index.users.set(desired.sourceId, { id: await writer.createUser(desired.resource), ...entry });
            counts.users_created++;
          });
        } else {
          await this.write(`user ${entry.userName}`, async () => {
            await writer.replaceUser(change.id, desired.resource);
            this.index.users.set(desired.sourceId, { id: change.id, ...entry });
            counts.users_updated++;
          });
        }
      });
      await this.input.progress();
    }
    this.goneUserIds = new Set(goneObjects(this.index.users, this.seenUsers).map((user) => user.id));
  }

  /** The directory ids of these members; nested groups not created yet are returned apart. */
  private resolveMembers(members: SourceMember[]): { ids: string[]; pendingGroups: string[] } {
    const ids = new Set<string>();
    const pendingGroups: string[] = [];
    for (const member of members) {
      if (member.type === 'User') {
        const user = this.index.users.get(member.sourceId);
        // Members outside the sync's scope (or refused above) are not members here.
        if (user && this.seenUsers.has(member.sourceId)) ids.add(user.id);
      } else {
        const group = this.index.groups.get(member.sourceId);
        if (group) ids.add(group.id);
        else pendingGroups.push(member.sourceId);
      }
    }
    return { ids: [...ids], pendingGroups };
  }

  private async syncGroup(group: SourceGroup): Promise<void> {
    const { counts, writer, db, directoryId } = this.input;
    const desired = desiredObject(GROUP_RESOURCE, group.sourceId, group.scim);
    if (desired instanceof ScimError) return this.fail(`group ${group.sourceId}`, desired);
    const { ids, pendingGroups } = this.resolveMembers(await this.input.reader.members(group));
    if (pendingGroups.length > 0) this.pendingGroupMembers.push({ groupSourceId: group.sourceId, memberSourceIds: pendingGroups });
    const change = diffGroup(this.index.groups, desired);
    const name = `group ${String(desired.resource.displayName)}`;
    const entry = { fingerprint: desired.fingerprint, displayName: String(desired.resource.displayName) };
    if (change.kind === 'create') {
      return this.write(name, async () => {
        this.index.groups.set(group.sourceId, { id: await writer.createGroup(desired.resource, ids), ...entry });
        counts.groups_created++;
        counts.memberships_added += ids.length;
      });
    }
    const current = new Set(await readMemberIds(db, directoryId, change.id));
    const delta = diffMembers(current, new Set(ids), this.goneUserIds);
    if (change.kind === 'update') {
      // Members kept (users whose deletion is still to come) stay in the replaced list.
      const members = [...ids, ...[...current].filter((id) => this.goneUserIds.has(id) && !ids.includes(id))];
      return this.write(name, async () => {
        await writer.replaceGroup(change.id, desired.resource, members);
        this.index.groups.set(group.sourceId, { id: change.id, ...entry });
        counts.groups_updated++;
        counts.memberships_added += delta.add.length;
        counts.memberships_removed += delta.remove.length;
      });
    }
    if (delta.add.length === 0 && delta.remove.length === 0) return;
    await this.write(name, async () => {
      await writer.changeMembers(change.id, delta.add, delta.remove);
      counts.memberships_added += delta.add.length;
      counts.memberships_removed += delta.remove.length;
    });
  }

  async syncGroups(): Promise<void> {
    for await (const page of this.input.reader.groups()) {
      const fresh = page.filter((group) => !this.seenGroups.has(group.sourceId));
      for (const group of fresh) this.seenGroups.add(group.sourceId);
      this.input.counts.groups_seen += fresh.length;
      await forEachBounded(fresh, this.input.concurrency, (group) => this.syncGroup(group));
      await this.input.progress();
    }
    for (const pending of this.pendingGroupMembers) {
      const group = this.index.groups.get(pending.groupSourceId);
      const add = pending.memberSourceIds.flatMap((sourceId) => this.index.groups.get(sourceId)?.id ?? []);
      if (!group || add.length === 0) continue;
      await this.write(`group ${group.displayName}`, async () => {
        await this.input.writer.changeMembers(group.id, add, []);
        this.input.counts.memberships_added += add.length;
      });
    }
  }

  /** Deactivations and deletions, if the safety threshold lets them through. */
  async removeOrHold(usersBefore: number, groupsBefore: number): Promise<SyncResult> {
    const { counts, writer } = this.input;
    const goneUsers = goneObjects(this.index.users, this.seenUsers);
    const goneGroups = goneObjects(this.index.groups, this.seenGroups);
    const removals: Removals = { usersDeactivated: this.deactivations.length, usersDeleted: goneUsers.length, groupsDeleted: goneGroups.length };
    const verdict = safetyVerdict({ ...removals, usersInDirectory: usersBefore, groupsInDirectory: groupsBefore, thresholdPercent: this.input.thresholdPercent, approved: this.input.approved });
    if (verdict.hold) {
      await this.runRetries();
      return { status: 'held', held: this.heldSummary(removals, verdict, usersBefore, groupsBefore, goneUsers, goneGroups), failures: this.failures };
    }
    await forEachBounded(this.deactivations, this.input.concurrency, (change) =>
      this.write(`user ${change.userName}`, async () => {
        await writer.replaceUser(change.id, change.desired.resource);
        counts.users_deactivated++;
      }),
    );
    await forEachBounded(goneUsers, this.input.concurrency, (user) =>
      this.write(`user ${user.userName}`, async () => {
        await writer.deleteUser(user.id);
        counts.users_deleted++;
      }),
    );
    for (const group of goneGroups) {
      await this.write(`group ${group.displayName}`, async () => {
        await writer.deleteGroup(group.id);
        counts.groups_deleted++;
      });
    }
    await this.runRetries();
    return { status: 'succeeded', failures: this.failures };
  }

  private async runRetries(): Promise<void> {
    for (const retry of this.retries.splice(0)) await retry();
  }

  private heldSummary(
    removals: Removals,
    verdict: SafetyVerdict,
    usersBefore: number,
    groupsBefore: number,
    goneUsers: { id: string; userName: string }[],
    goneGroups: { id: string; displayName: string }[],
  ): HeldSummary {
    const sample: HeldSummary['sample'] = [
      ...this.deactivations.map((change) => ({ kind: 'user' as const, id: change.id, name: change.userName, action: 'deactivate' as const })),
      ...goneUsers.map((user) => ({ kind: 'user' as const, id: user.id, name: user.userName, action: 'delete' as const })),
      ...goneGroups.map((group) => ({ kind: 'group' as const, id: group.id, name: group.displayName, action: 'delete' as const })),
    ].slice(0, SAMPLE_SIZE);
    return {
      users_deactivated: removals.usersDeactivated,
      users_deleted: removals.usersDeleted,
      groups_deleted: removals.groupsDeleted,
      users_in_directory: usersBefore,
      groups_in_directory: groupsBefore,
      threshold_percent: this.input.thresholdPercent,
      user_share_percent: verdict.userSharePercent,
      group_share_percent: verdict.groupSharePercent,
      reason: verdict.reason,
      sample,
    };
  }
}

export async function syncDirectory(input: SyncInput): Promise<SyncResult> {
  const index = await loadDirectoryIndex(input.db, input.directoryId);
  const usersBefore = index.users.size;
  const groupsBefore = index.groups.size;
  const sync = new DirectorySync(input, index);
  await sync.syncUsers();
  await sync.syncGroups();
  input.lease.check();
  return sync.removeOrHold(usersBefore, groupsBefore);
}
