import { data, defined, type RosterApi } from '../api.js';
import type { RosterEvent } from '../types.js';

export interface ListEventsOptions {
  /** `next_cursor` of the previous page; omit to start at the oldest event kept. */
  after?: string;
  /** Events per page, 1 to 1000 (default 100). */
  limit?: number;
  /** Only these event types, e.g. `organization.directory.user_created`. */
  types?: string[];
  organizationId?: string;
  directoryId?: string;
}

/** `roster.events`: the event log in commit order, for apps that poll instead of (or besides) taking webhooks. */
export class EventClient {
  constructor(private readonly api: RosterApi) {}

  /**
   * One page. Keep `next_cursor` and pass it as `after` next time, also after an empty page: no
   * event is ever skipped. A cursor older than the retention period is a GoneError (cursor_expired).
   */
  list(options: ListEventsOptions = {}) {
    return data(
      this.api.GET('/api/v1/events', {
        params: {
          query: defined({
            after: options.after,
            limit: options.limit,
            types: options.types?.join(','),
            organization_id: options.organizationId,
            directory_id: options.directoryId,
          }),
        },
      }),
    );
  }

  get(eventId: string) {
    return data(this.api.GET('/api/v1/events/{event_id}', { params: { path: { event_id: eventId } } }));
  }

  /**
   * Every event from `after` to the newest, page after page. A filtered page may be empty while
   * more follow (`has_more`), so the walk goes on until the server says there is no more.
   */
  async *iterate(options: ListEventsOptions = {}): AsyncGenerator<RosterEvent, void, undefined> {
    let after = options.after;
    for (;;) {
      const page = await this.list({ ...options, ...defined({ after }) });
      yield* page.events;
      if (!page.has_more) return;
      after = page.next_cursor;
    }
  }
}
