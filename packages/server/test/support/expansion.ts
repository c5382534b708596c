import type { TestServer } from './test-server.js';
import { countPendingChanges } from '../../src/store/event-changes.js';

/**
 * Waits until every change record is expanded into its events (issue 10: user events are
 * composed by a background worker after their change commits).
 */
export async function expansionIdle(server: TestServer, timeoutMillis = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const pending = await countPendingChanges(server.server.services.db.pool);
    if (pending === 0) {
      // Every record removed takes the users it touched with it (013_change_scan_indexes.sql).
      const left = await server.server.services.db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM event_change_users');
      if (left.rows[0]?.count !== 0) throw new Error(`${left.rows[0]?.count} touched-user rows outlived their change records`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`${pending} change records still unexpanded after ${timeoutMillis} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The same for a Roster in another process: its /metrics says how many change records wait. */
export async function expansionIdleAt(baseUrl: string, timeoutMillis = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    const pending = Number(/^roster_event_changes_pending (\d+)/m.exec(text)?.[1] ?? Number.NaN);
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} change records still unexpanded after ${timeoutMillis} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
