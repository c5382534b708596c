import { applyEvent, type ApplyOutcome } from './apply-event.js';
import type { Database } from './database.js';
import { parseEvent, type RosterEvent } from './roster-event.js';
import { readCursor, saveCursor } from './sync-state.js';

// Catching up from Roster's Events API: everything since the remembered cursor, page by page,
// through the same applyEvent as webhooks. Run at start (whatever happened while the app was
// down) and then now and then, for any delivery that has not arrived yet.

export interface EventsPage {
  events: unknown[];
  next_cursor: string;
  has_more: boolean;
}

/** Reads one page of the Events API after `after` ('' = the oldest event Roster keeps). */
export type ReadEventsPage = (after: string, limit: number) => Promise<EventsPage>;

/** The Events API refused the cursor (older than Roster's retention). */
export class CursorExpiredError extends Error {}

export interface CatchUpResult {
  events: number;
  outcomes: Record<ApplyOutcome, number>;
  cursor: string;
}

const PAGE_SIZE = 500;

export async function catchUp(db: Database, readPage: ReadEventsPage, log: (message: string) => void = () => {}): Promise<CatchUpResult> {
  const outcomes: Record<ApplyOutcome, number> = { applied: 0, duplicate: 0, stale: 0, ignored: 0 };
  let cursor = await readCursor(db.pool);
  let events = 0;
  for (;;) {
    let page: EventsPage;
    try {
      page = await readPage(cursor, PAGE_SIZE);
    } catch (error) {
      if (!(error instanceof CursorExpiredError) || cursor === '') throw error;
      // Down for longer than Roster keeps events: read on from the oldest one it still has.
      // Changes older than that are gone from the log; a full re-sync from the management API
      // (listDirectoryUsers) would be the way to pick those up.
      log(`the saved Events API cursor has expired; reading from the oldest event Roster keeps`);
      cursor = '';
      await saveCursor(db.pool, cursor);
      continue;
    }
    for (const item of page.events) {
      const event: RosterEvent | undefined = parseEvent(item);
      if (!event) continue;
      outcomes[await applyEvent(db, event, 'events-api')]++;
      events++;
    }
    // Saved after the page is applied: a crash in between replays it, which applyEvent absorbs.
    cursor = page.next_cursor;
    await saveCursor(db.pool, cursor);
    if (!page.has_more) return { events, outcomes, cursor };
  }
}

/**
 * Runs catch-ups one at a time: a timer tick that fires while one runs gets that run's result
 * rather than reading the same pages twice at once. `settled` waits for the one in flight.
 */
export function serialCatchUp(run: () => Promise<CatchUpResult>): { run(): Promise<CatchUpResult>; settled(): Promise<void> } {
  let running: Promise<CatchUpResult> | undefined;
  return {
    run() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    async settled() {
      await running?.catch(() => undefined);
    },
  };
}
