import { newId } from '../../ids.js';
import type pg from 'pg';
import type { Database } from '../../store/database.js';
import { listUserIdsAfter, readDirectoryFacts, readGroupNames, readLiveUsers } from '../../store/change-subjects.js';
import {
  DIRECTORY_WIDE_KINDS,
  advanceChange,
  beginExpansion,
  endExpansion,
  capacityOf,
  hasPendingChanges,
  deleteChanges,
  positionOf,
  readChangeBatch,
  readLaterChanges,
  readLaterDeletedUserIds,
  type ChangeRow,
  type RecordedEvent,
} from '../../store/event-changes.js';
import { insertEventsAt, transactionHorizon, type LogPosition, type PositionedEvent } from '../../store/events.js';
import { DirectoryState, userStateOf } from './change-state.js';
import { previousAttributes } from '../views/event-payloads.js';
import type { UserView } from '../views/user-view.js';

// The expansion of change records into user events (docs/architecture.md, events/): outside any
// request, one process at a time, strictly in log order. A record's events take the positions
// its change holds in the log, and each carries the user as of that change: the live directory
// stepped back over every later change (change-state.ts), so neither a later change nor the
// time of expansion shows through.

/**
 * How much one round takes on: records read, users per chunk of a change expanded in chunks, and
 * about how many events it writes (one transaction, and the memory its events take). The embedded
 * store runs one statement at a time, so there a round is shorter: SCIM requests wait for it.
 */
export interface RoundLimits {
  records: number;
  chunkUsers: number;
  events: number;
}

export const ROUND_LIMITS: Record<'postgres' | 'embedded', RoundLimits> = {
  postgres: { records: 300, chunkUsers: 1_000, events: 2_000 },
  embedded: { records: 100, chunkUsers: 500, events: 1_000 },
};

export interface ExpansionRound {
  records: number;
  events: number;
  /** More settled records are waiting (run another round at once). */
  more: boolean;
}

type UserEventType = 'user_created' | 'user_updated' | 'user_deleted';

class EventSink {
  readonly events: PositionedEvent[] = [];
  constructor(private readonly record: ChangeRow, private used: number) {}

  add(type: UserEventType, data: unknown): void {
    this.addRecorded({ type: `organization.directory.${type}`, object: 'DirectoryUser', data });
  }

  /** An event whose type, object and data are known: it takes the record's next position. */
  addRecorded(event: RecordedEvent): void {
    if (this.used >= capacityOf(this.record)) throw new Error(`change ${this.record.txid}.${this.record.seq} reached more users than it reserved room for`);
    this.events.push({
      // Named once the round's events stand in log order (see named): ids sort by time, and apps
      // use them as versions.
      id: '',
      ...event,
      organizationId: this.record.organization_id,
      directoryId: this.record.directory_id,
      position: positionOf(this.record, this.used++),
      occurredAt: this.record.occurred_at,
    });
  }

  get count(): number {
    return this.used;
  }
}

const positionOfRecord = (record: ChangeRow): LogPosition => ({ txid: record.txid, seq: record.seq });

/**
 * Gives events in log order their ids. Event ids sort by creation time, and consumers take them
 * as versions (a user's later event has the greater id: the sample app applies an event only over
 * an older one), so they are given in log order, never in the order the backward walk found them.
 */
const named = (events: PositionedEvent[]): PositionedEvent[] => events.map((event) => ({ ...event, id: newId('evt') }));

/** Users composed between two turns of the event loop: a round must not hold up the requests this process serves. */
const USERS_PER_TURN = 64;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The users whose direct groups a group record changed, in id order. */
const touchedBy = (record: ChangeRow): string[] =>
  record.data.kind === 'group' ? [...new Set([...record.data.users_added, ...record.data.users_removed])].sort() : [];

/** Records expanded alone, a chunk of users per round: those reaching the whole directory, and large membership changes. */
const isChunked = (record: ChangeRow, limits: RoundLimits) => DIRECTORY_WIDE_KINDS.includes(record.kind) || touchedBy(record).length > limits.chunkUsers;

/** About how many events a record makes, to keep a round's transaction (and memory) bounded. */
const weightOf = (record: ChangeRow, limits: RoundLimits) => (isChunked(record, limits) ? limits.chunkUsers : Math.max(1, touchedBy(record).length));

/** A user whose view changed without a write of its own (groups, roles, mappings): user_updated, unless the app does not see it. */
function viewChanged(sink: EventSink, state: DirectoryState, before: UserView, after: UserView): void {
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return;
  // A directory that treats deactivation as deletion says nothing about users while they are inactive.
  if (state.deactivationAsDeletion && (!before.active || !after.active)) return;
  sink.add('user_updated', { ...after, previous_attributes: previous });
}

/** The events of one record, given `state` as it stands just after the record; leaves `state` just before it. */
function expandRecord(state: DirectoryState, record: ChangeRow, sink: EventSink): void {
  const data = record.data;
  const userId = record.subject_id ?? '';
  switch (data.kind) {
    case 'user_created': {
      const after = state.view(userId, userStateOf(data.after, []));
      if (!state.deactivationAsDeletion || after.active) sink.add('user_created', after);
      break;
    }
    case 'user_updated': {
      const groups = state.user(userId)?.groups ?? [];
      const before = state.view(userId, userStateOf(data.before, groups));
      const after = state.view(userId, userStateOf(data.after, groups));
      if (state.deactivationAsDeletion && (!before.active || !after.active)) {
        if (before.active && !after.active) sink.add('user_deleted', after);
        else if (!before.active && after.active) sink.add('user_created', after);
      } else {
        sink.add('user_updated', { ...after, previous_attributes: previousAttributes(before, after) });
      }
      break;
    }
    case 'user_deleted': {
      const before = state.view(userId, userStateOf(data.before, data.groups));
      if (!state.deactivationAsDeletion || before.active) sink.add('user_deleted', before);
      break;
    }
    case 'group': {
      const touched = [...new Set([...data.users_added, ...data.users_removed])].sort();
      const after = new Map(touched.flatMap((id) => {
        const user = state.user(id);
        return user ? [[id, state.view(id, user)] as const] : [];
      }));
      state.undo(record);
      for (const id of touched) {
        const user = state.user(id);
        const afterView = after.get(id);
        if (user && afterView) viewChanged(sink, state, state.view(id, user), afterView);
      }
      return;
    }
    case 'event':
      sink.addRecorded(data.event);
      break;
    case 'graph':
    case 'settings':
      throw new Error('directory-wide changes are expanded in chunks (expandChunk)');
  }
  state.undo(record);
}

/** The live state of the followed users and of the directory, stepped back to just after `from`'s last record. */
async function stateAfter(client: pg.PoolClient, directoryId: string, last: ChangeRow, followed: string[], own: ChangeRow[]): Promise<DirectoryState> {
  const later = await readLaterChanges(client, directoryId, positionOfRecord(last), followed);
  const live = await readLiveUsers(client, directoryId, followed);
  const facts = await readDirectoryFacts(client, directoryId);
  const groupIds = new Set<string>();
  for (const user of live) for (const group of user.groups) groupIds.add(group);
  for (const record of [...later, ...own]) {
    if (record.data.kind === 'group' && record.subject_id) groupIds.add(record.subject_id);
    if (record.data.kind === 'user_deleted') for (const group of record.data.groups) groupIds.add(group);
  }
  const names = await readGroupNames(client, directoryId, [...groupIds]);
  const state = DirectoryState.live(facts, names, followed, live);
  for (const record of later) state.undo(record);
  return state;
}

/** Expands consecutive records of one directory, none of them directory-wide. */
async function expandRecords(client: pg.PoolClient, directoryId: string, records: ChangeRow[]): Promise<PositionedEvent[]> {
  const last = records.at(-1);
  if (!last) return [];
  const followed = new Set<string>();
  for (const record of records) {
    if (record.data.kind === 'user_updated' && record.subject_id) followed.add(record.subject_id);
    if (record.data.kind === 'group') for (const id of [...record.data.users_added, ...record.data.users_removed]) followed.add(id);
  }
  const state = await stateAfter(client, directoryId, last, [...followed], records);
  const events: PositionedEvent[][] = [];
  let composed = 0;
  for (const record of [...records].reverse()) {
    const sink = new EventSink(record, record.used);
    expandRecord(state, record, sink);
    events.push(sink.events);
    composed += Math.max(1, touchedBy(record).length);
    if (composed >= USERS_PER_TURN) {
      composed = 0;
      await nextTurn();
    }
  }
  return named(events.reverse().flat());
}

/**
 * Whether a directory-wide change can alter any user's view, before walking every user: the
 * event setting alone does not, nor do nested groups while no group grants a role.
 */
async function changesViews(client: pg.PoolClient, record: ChangeRow): Promise<boolean> {
  const data = record.data;
  if (data.kind === 'settings') return Object.keys({ ...data.before, ...data.after }).some((key) => key !== 'deactivation_as_deletion');
  const state = await stateAfter(client, record.directory_id, record, [], [record]);
  const after = state.grantsRoles;
  state.undo(record);
  return after || state.grantsRoles;
}

/**
 * One chunk of a change expanded in chunks: the next users in id order (of the directory, or
 * of those a large membership change touched), each compared as of just before and just after it.
 */
async function expandChunk(client: pg.PoolClient, record: ChangeRow, chunkUsers: number): Promise<{ events: PositionedEvent[]; finished: boolean }> {
  const directoryId = record.directory_id;
  if (record.resume_after === null && record.data.kind !== 'group' && !(await changesViews(client, record))) return { events: [], finished: true };
  const from = record.resume_after ?? '';
  let followed: string[];
  let to: string | null;
  if (record.data.kind === 'group') {
    const rest = touchedBy(record).filter((id) => id > from);
    followed = rest.slice(0, chunkUsers);
    to = rest.length > chunkUsers ? (followed.at(-1) ?? null) : null;
  } else {
    const liveIds = await listUserIdsAfter(client, directoryId, from, chunkUsers);
    to = liveIds.length === chunkUsers ? (liveIds.at(-1) ?? null) : null;
    const gone = await readLaterDeletedUserIds(client, directoryId, positionOfRecord(record), from, to);
    followed = [...new Set([...liveIds, ...gone])].sort();
  }
  const state = await stateAfter(client, directoryId, record, followed, [record]);
  const after = new Map<string, UserView>();
  for (const [index, id] of followed.entries()) {
    const user = state.user(id);
    if (user) after.set(id, state.view(id, user));
    if (index % USERS_PER_TURN === USERS_PER_TURN - 1) await nextTurn();
  }
  state.undo(record);
  const sink = new EventSink(record, record.used);
  for (const [index, id] of followed.entries()) {
    const user = state.user(id);
    const afterView = after.get(id);
    if (user && afterView) viewChanged(sink, state, state.view(id, user), afterView);
    if (index % USERS_PER_TURN === USERS_PER_TURN - 1) await nextTurn();
  }
  if (to !== null) await advanceChange(client, record, to, sink.count);
  return { events: named(sink.events), finished: to === null };
}

/**
 * One round: the oldest settled records, expanded in one transaction with their events, and
 * removed. Returns without doing anything while another process holds the expansion.
 */
export async function expandChanges(db: Database, limits: RoundLimits = ROUND_LIMITS[db.kind]): Promise<ExpansionRound> {
  // Idle most of the time: one cheap look before a transaction.
  if (!(await hasPendingChanges(db.pool))) return { records: 0, events: 0, more: false };
  // Read before the snapshot (see settledHorizon): every record below it is committed and visible.
  const horizon = await transactionHorizon(db.pool);
  const client = await db.pool.connect();
  try {
    // One snapshot for the live state and the records still to come: they must agree.
    if (!(await beginExpansion(client))) return { records: 0, events: 0, more: false };
    const read = await readChangeBatch(client, horizon, limits.records);
    // A prefix of the log, so that each directory's records are taken in order.
    const records: ChangeRow[] = [];
    let weight = 0;
    for (const record of read) {
      if (records.length > 0 && weight + weightOf(record, limits) > limits.events) break;
      records.push(record);
      weight += weightOf(record, limits);
    }
    const byDirectory = new Map<string, ChangeRow[]>();
    for (const record of records) byDirectory.set(record.directory_id, [...(byDirectory.get(record.directory_id) ?? []), record]);
    const events: PositionedEvent[] = [];
    const finished: ChangeRow[] = [];
    let chunksLeft = false;
    for (const [directoryId, pending] of byDirectory) {
      const first = pending[0];
      if (!first) continue;
      if (isChunked(first, limits)) {
        // Alone, a chunk per round; the directory's later records wait for it.
        const chunk = await expandChunk(client, first, limits.chunkUsers);
        events.push(...chunk.events);
        if (chunk.finished) finished.push(first);
        else chunksLeft = true;
        continue;
      }
      const alone = pending.findIndex((record) => isChunked(record, limits));
      const slice = alone < 0 ? pending : pending.slice(0, alone);
      events.push(...(await expandRecords(client, directoryId, slice)));
      finished.push(...slice);
    }
    await insertEventsAt(client, events);
    await deleteChanges(client, finished);
    await endExpansion(client, 'COMMIT');
    // More waits when this round left records (behind a chunked one, or past its limits), or read a full batch.
    const more = chunksLeft || finished.length < records.length || records.length < read.length || read.length === limits.records;
    return { records: finished.length, events: events.length, more };
  } catch (error) {
    await endExpansion(client, 'ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
