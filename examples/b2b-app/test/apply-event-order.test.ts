import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent } from '../src/apply-event.js';
import { openDatabase } from '../src/database.js';
import type { RosterEvent } from '../src/roster-event.js';

// Webhooks arrive in any order. Event ids are versions: whatever the order, the app must end in
// the state of the newest event of each object, and a directory's deletion (the newest event of
// its directory) must leave nothing of it alive, even an object whose older events arrive after
// the deletion did.

const PREFIX = 'organization.directory.';
const scope = { organization_id: 'org_1', directory_id: 'dir_1', occurred_at: '2026-12-05T00:00:00Z' };

function userEvent(id: string, type: string, userId: string, name: string): RosterEvent {
  return {
    ...scope,
    id,
    type: `${PREFIX}${type}`,
    object: 'DirectoryUser',
    data: { id: userId, email: `${name}@example.com`, preferred_username: `${name}@example.com`, name, active: true, roles: [], groups: [] },
  };
}

const groupEvent = (id: string, type: string, groupId: string): RosterEvent => ({ ...scope, id, type: `${PREFIX}${type}`, object: 'DirectoryGroup', data: { id: groupId, display_name: 'Engineering' } });

/** The directory's history, ids in the order Roster gives them: the deletion is the newest. */
const HISTORY: RosterEvent[] = [
  userEvent('evt_01a', 'user_created', 'diruser_ada', 'ada'),
  userEvent('evt_01b', 'user_created', 'diruser_bob', 'bob'),
  groupEvent('evt_01c', 'group_created', 'dirgroup_eng'),
  userEvent('evt_01d', 'user_updated', 'diruser_ada', 'ada.lovelace'),
  userEvent('evt_01e', 'user_deleted', 'diruser_bob', 'bob'),
  userEvent('evt_01f', 'user_created', 'diruser_cy', 'cy'),
  { ...scope, id: 'evt_01g', type: `${PREFIX}deleted`, object: 'Directory', data: { id: 'dir_1', organization_id: 'org_1', directory_provider: 'OKTA', enabled: true } },
];

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

test('a deleted directory stays empty whatever order its events arrive in', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    for (let seed = 1; seed <= 60; seed++) {
      await db.pool.query('TRUNCATE users, groups, deleted_directories, processed_events');
      const order = shuffled(HISTORY, seed);
      for (const event of order) await applyEvent(db, event, 'webhook');
      const alive = await db.pool.query<{ id: string }>(
        'SELECT id FROM users WHERE deleted_at IS NULL UNION ALL SELECT id FROM groups WHERE deleted_at IS NULL',
      );
      assert.deepEqual(alive.rows.map((row) => row.id), [], `seed ${seed}: ${order.map((event) => event.id).join(' ')}`);
    }
  } finally {
    await db.close();
  }
});

test('without a deletion, the newest event of each object wins whatever the order', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const live = HISTORY.filter((event) => !event.type.endsWith(`${PREFIX}deleted`));
    for (let seed = 1; seed <= 60; seed++) {
      await db.pool.query('TRUNCATE users, groups, deleted_directories, processed_events');
      for (const event of shuffled(live, seed)) await applyEvent(db, event, 'webhook');
      const users = await db.pool.query<{ id: string; name: string | null; deleted: boolean }>('SELECT id, name, deleted_at IS NOT NULL AS deleted FROM users ORDER BY id');
      assert.deepEqual(
        users.rows.map((row) => `${row.id} ${row.name} ${row.deleted}`),
        ['diruser_ada ada.lovelace false', 'diruser_bob bob true', 'diruser_cy cy false'],
        `seed ${seed}`,
      );
    }
  } finally {
    await db.close();
  }
});
