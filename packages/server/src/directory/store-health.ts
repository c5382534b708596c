import { countPendingChanges } from '../store/event-changes.js';
import { migrationsComplete } from '../store/migrate.js';
import type { Services } from './services.js';

// What the health routes and metrics ask of the store.

/** True when the store answers and this build's migrations are all applied (readiness). */
export function storeReady(services: Services): Promise<boolean> {
  return migrationsComplete(services.db);
}

/** Change records committed and not yet composed into events: how far user events lag. */
export function pendingChangeCount(services: Services): Promise<number> {
  return countPendingChanges(services.db.pool);
}
