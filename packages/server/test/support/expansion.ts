import type { TestServer } from './test-server.js';

/**
 * Waits until every change record is expanded into its events (issue 10: user events are
 * composed by a background worker after their change commits).
 */
export async function expansionIdle(server: TestServer, timeoutMillis = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const pending = await server.server.services.db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM event_changes');
    if (pending.rows[0]?.count === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending.rows[0]?.count} change records still unexpanded after ${timeoutMillis} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
