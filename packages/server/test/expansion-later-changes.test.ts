import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, type ProvisionedDirectory } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expansionIdle } from './support/expansion.js';
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, createResource, type Json } from './support/scim-fixtures.js';
import { readLaterChanges, type ChangeRow } from '../src/store/event-changes.js';

// The expansion worker steps each user it follows back from the live state over every later
// change record that can alter the user's view (change-expansion.ts). Those records are found
// through indexes and the touched-users table (013_change_scan_indexes.sql), not by filtering
// the backlog, and a membership change comes cut down to the followed users: this checks, over a
// seeded random history of real SCIM writes held back from the worker, that the read returns
// exactly what filtering and cutting down the whole records would, from every position.

const patch = (operations: Json[]) => ({ schemas: [PATCH_SCHEMA], Operations: operations });

/** A small deterministic generator (mulberry32): the same history on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * What the read means: later records that are directory-wide, renames, or about or touching a
 * followed user, newest first; a membership change without a rename names only the followed users.
 */
function modelLater(records: ChangeRow[], after: ChangeRow, followed: Set<string>): string[] {
  const key = (record: ChangeRow) => [BigInt(record.txid), BigInt(record.seq)] as const;
  const [txid, seq] = key(after);
  return records
    .filter((record) => {
      const [t, s] = key(record);
      return t > txid || (t === txid && s > seq);
    })
    .filter((record) => {
      const data = record.data;
      if (data.kind === 'graph' || data.kind === 'settings') return true;
      if (record.subject_id !== null && followed.has(record.subject_id)) return true;
      return data.kind === 'group' && (data.name !== undefined || [...data.users_added, ...data.users_removed].some((id) => followed.has(id)));
    })
    .map((record) => {
      const data = record.data;
      const theirs = (ids: string[]) => ids.filter((id) => followed.has(id));
      const expected = data.kind === 'group' && data.name === undefined ? { kind: 'group', users_added: theirs(data.users_added), users_removed: theirs(data.users_removed) } : data;
      return described(record, expected);
    })
    .reverse();
}

/** A record as compared: its position, subject and data (user lists in id order). */
function described(record: Pick<ChangeRow, 'txid' | 'seq' | 'subject_id'>, data: unknown): string {
  const sorted = (value: unknown): unknown => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value].sort() : value);
  const canonical = typeof data === 'object' && data !== null ? Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => [key, sorted(value)])) : data;
  return `${record.txid}.${String(record.seq)} ${record.subject_id ?? '-'} ${JSON.stringify(canonical)}`;
}

describeEachStore('the expansion worker\'s read of later change records', (fixture) => {
  const worker = () => fixture.server().server.expansionWorker;
  const pool = () => fixture.server().server.services.db.pool;
  const scim = (directory: ProvisionedDirectory, method: string, path: string, body?: Json) =>
    http<Json>(method, `${directory.scim}${path}`, { token: directory.token, ...(body ? { body } : {}) });

  test('returns exactly the records that can alter a followed user, from every position of a random history', async () => {
    const directory = await fixture.newDirectory();
    const next = random(10);
    const pick = <T>(items: T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('nothing to pick from');
      return item;
    };
    const users: string[] = [];
    const groups: string[] = [];
    await worker().stop();
    let records: ChangeRow[];
    try {
      for (let index = 0; index < 12; index++) {
        users.push(String((await createResource(directory, 'Users', { schemas: [USER_SCHEMA], userName: `later${index}@example.com` })).id));
      }
      for (let index = 0; index < 4; index++) {
        const members = users.filter(() => next() < 0.4).map((value) => ({ value }));
        groups.push(String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: `Team ${index}`, members })).id));
      }
      for (let step = 0; step < 60; step++) {
        const roll = next();
        const group = pick(groups);
        let response;
        if (roll < 0.35) {
          response = await scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'add', path: 'members', value: users.filter(() => next() < 0.3).map((value) => ({ value })) }]));
        } else if (roll < 0.6) {
          response = await scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'remove', path: `members[value eq "${pick(users)}"]` }]));
        } else if (roll < 0.7) {
          response = await scim(directory, 'PATCH', `/Groups/${group}`, patch([{ op: 'replace', path: 'displayName', value: `Team ${step}` }]));
        } else if (roll < 0.85) {
          response = await scim(directory, 'PATCH', `/Users/${pick(users)}`, patch([{ op: 'replace', path: 'title', value: `Title ${step}` }]));
        } else if (roll < 0.93 && users.length > 4) {
          const [gone] = users.splice(Math.floor(next() * users.length), 1);
          response = await scim(directory, 'DELETE', `/Users/${gone}`);
        } else {
          const members = users.filter(() => next() < 0.5).map((value) => ({ value }));
          groups.push(String((await createResource(directory, 'Groups', { schemas: [GROUP_SCHEMA], displayName: `New ${step}`, members })).id));
          continue;
        }
        assert.ok(response.status < 300, `step ${step}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      if (groups.length > 1) assert.equal((await scim(directory, 'DELETE', `/Groups/${groups.shift()}`)).status, 204);
      const pending = await pool().query<ChangeRow>(
        `SELECT directory_id, organization_id, txid::text AS txid, seq, kind, subject_id, data FROM event_changes
          WHERE directory_id = $1 ORDER BY txid, seq`,
        [directory.directoryId],
      );
      records = pending.rows;
      assert.ok(records.filter((record) => record.kind === 'group').length > 20, 'the history has membership changes to find');
      const everyone = [...new Set(records.flatMap((record) => (record.subject_id?.startsWith('diruser_') ? [record.subject_id] : [])))];
      for (const [index, after] of records.entries()) {
        const followed = new Set(everyone.filter(() => next() < (index % 3 === 0 ? 0.1 : 0.5)));
        const read = await readLaterChanges(pool(), directory.directoryId, { txid: after.txid, seq: Number(after.seq) }, [...followed]);
        assert.deepEqual(
          read.map((record) => described(record, record.data)),
          modelLater(records, after, followed),
          `after record ${index} (${after.kind}), following ${followed.size} users`,
        );
      }
    } finally {
      worker().start();
    }
    // Expanded, every record takes its touched-user rows with it (expansionIdle checks none are left).
    await expansionIdle(fixture.server());
  });
});
