import type { Database } from './database.js';

const EMBEDDED_ANALYZE_MILLIS = 15 * 60 * 1000;

/**
 * PostgreSQL's autovacuum keeps planner statistics current; PGlite has none, and without
 * statistics its planner guesses badly on a large directory (an email lookup scanning every
 * row). The embedded store analyzes at start and every quarter hour. Returns a stop function.
 */
export function keepStatisticsCurrent(db: Database, onError: (error: unknown) => void): () => void {
  if (db.kind !== 'embedded') return () => undefined;
  const analyze = () => db.pool.query('ANALYZE').then(() => undefined, onError);
  void analyze();
  const timer = setInterval(() => void analyze(), EMBEDDED_ANALYZE_MILLIS);
  timer.unref();
  return () => clearInterval(timer);
}
