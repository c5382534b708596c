import { decodeCursor, encodeCursor } from '../../events/cursor.js';
import { toEnvelope, type EventEnvelope } from '../../events/envelope.js';
import { comparePositions, findEvent, LOG_START, readEventWindow, readLogState, readRecentEvents } from '../../store/events.js';
import { ApiError, invalidArgument, notFound } from '../api-error.js';
import type { Services } from '../services.js';
import { feedPosition, nextFeedToken } from '../views/page-token.js';

export interface EventsQuery {
  after?: string | undefined;
  limit: number;
  types?: string[] | undefined;
  organizationId?: string | undefined;
  directoryId?: string | undefined;
}

export interface EventsPage {
  events: EventEnvelope[];
  /** Where the next read starts: pass it as `after`. Always set, also when the page is empty. */
  nextCursor: string;
  /** True when more settled events may follow right away. */
  hasMore: boolean;
}

/** How many events a page with a type or organization filter examines at most. */
const SCAN_FACTOR = 10;
const MIN_SCAN = 1_000;

/**
 * A page of the event log in commit order. Only settled events are served (see 003_events.sql),
 * so a reader following `nextCursor` never skips an event that commits late.
 */
export async function listEvents(services: Services, query: EventsQuery, retentionDays: number): Promise<EventsPage> {
  const after = query.after === undefined || query.after === '' ? undefined : decodeCursor(query.after);
  if (query.after && !after) throw invalidArgument('after', 'is not a cursor this server issued (use next_cursor of a previous page)');
  const db = services.db.pool;
  const filtered = query.types !== undefined || query.organizationId !== undefined;
  const scan = filtered ? Math.max(MIN_SCAN, query.limit * SCAN_FACTOR) : query.limit;
  const window = await readEventWindow(db, after ?? LOG_START, query, query.limit, scan);
  // Checked after the read: a retention run that overtook the cursor before the read is seen here.
  if (after && comparePositions(after, await readLogState(db, 'pruned')) < 0) {
    throw new ApiError(
      410,
      'cursor_expired',
      `Events after this cursor have been deleted: events are kept ${retentionDays} days (ROSTER_EVENT_RETENTION_DAYS). ` +
        'Re-read the current state through the management API, then read events again without `after`.',
      { retention_days: retentionDays },
    );
  }
  return {
    events: window.rows.map((row) => toEnvelope(row, services.environmentId)),
    nextCursor: encodeCursor(window.end),
    hasMore: window.more,
  };
}

export async function getEvent(services: Services, id: string): Promise<EventEnvelope> {
  const row = await findEvent(services.db.pool, id);
  if (!row) throw notFound('event', id);
  return toEnvelope(row, services.environmentId);
}

export interface RecentEventsQuery {
  limit: number;
  type?: string | undefined;
  organizationId?: string | undefined;
  /** A `next_page_token` of a previous page (with the same filters): the page holds older events. */
  pageToken?: string | undefined;
}

export interface RecentEventsPage {
  events: EventEnvelope[];
  /** Pass as `page_token` for older events; empty when there are none. */
  next_page_token: string;
}

/** The newest events first, for the dashboard's stream (ids sort by time: a key-range read). */
export async function listRecentEvents(services: Services, query: RecentEventsQuery): Promise<RecentEventsPage> {
  const scope = `recent-events:${query.type ?? ''}:${query.organizationId ?? ''}`;
  const beforeId = feedPosition(scope, query.pageToken);
  const rows = await readRecentEvents(services.db.pool, { limit: query.limit, type: query.type, organizationId: query.organizationId, beforeId });
  return { events: rows.map((row) => toEnvelope(row, services.environmentId)), next_page_token: nextFeedToken(scope, rows.at(-1)?.id, rows.length === query.limit) };
}
