package dev.roster.sdk;

import dev.roster.sdk.models.Event;
import dev.roster.sdk.models.EventResponse;
import dev.roster.sdk.models.ListEventsResponse;
import java.util.function.Consumer;

/** {@code client.events()}: the event log in commit order, for apps that poll instead of (or besides) taking webhooks. */
public final class EventsClient {
    private final Transport transport;

    EventsClient(Transport transport) {
        this.transport = transport;
    }

    public ListEventsResponse list() {
        return list(ListEventsOptions.none());
    }

    /**
     * One page. Keep {@code getNextCursor()} and pass it as {@code after} next time, also after an
     * empty page: no event is ever skipped. A cursor older than the retention period is a
     * {@link GoneException} (cursor_expired).
     */
    public ListEventsResponse list(ListEventsOptions options) {
        return page(options, options.after());
    }

    private ListEventsResponse page(ListEventsOptions options, String after) {
        return transport.call(ApiRequest.get("/api/v1/events").query(options.query(after)), ListEventsResponse.class);
    }

    public Event get(String eventId) {
        return transport.call(ApiRequest.get("/api/v1/events/{event_id}", eventId), EventResponse.class).getEvent();
    }

    /**
     * Every event from {@code after} (or the oldest kept) to the newest, page after page. A filtered
     * page may be empty while more follow ({@code has_more}), so the walk goes on until the server
     * says there is no more.
     */
    public PagedIterable<Event> iterate(ListEventsOptions options) {
        return new PagedIterable<>(options.after(), after -> {
            ListEventsResponse page = page(options, after);
            return new PagedIterable.Page<>(page.getEvents(), page.getHasMore() ? page.getNextCursor() : null);
        });
    }

    /** Every event kept, oldest first. */
    public PagedIterable<Event> iterate() {
        return iterate(ListEventsOptions.none());
    }

    /** {@link #catchUp(String, ListEventsOptions, Consumer, Consumer)} over every event. */
    public String catchUp(String storedCursor, Consumer<Event> onEvent, Consumer<String> saveCursor) {
        return catchUp(storedCursor, ListEventsOptions.none(), onEvent, saveCursor);
    }

    /**
     * Resumes from a stored cursor: hands every event after {@code storedCursor} (null or empty: the
     * oldest event kept) to {@code onEvent}, in commit order, and after each page has been handled
     * hands that page's cursor to {@code saveCursor}. Returns the cursor to store for next time.
     *
     * <p>A crash or an exception from {@code onEvent} leaves the stored cursor at the last page
     * handled in full, so the next catch-up reads the unfinished page again: apply events
     * idempotently (dedupe on {@code event.getId()}). A cursor older than the retention period
     * throws {@link GoneException}; read from the oldest event kept (a null cursor) and re-read
     * the directory's users if you need what fell out of the log.
     *
     * <pre>{@code
     * String cursor = client.events().catchUp(store.load(), event -> apply(event), store::save);
     * }</pre>
     *
     * {@code filter}'s types, organization, directory and page size apply; its {@code after} is
     * replaced by {@code storedCursor}.
     */
    public String catchUp(String storedCursor, ListEventsOptions filter, Consumer<Event> onEvent, Consumer<String> saveCursor) {
        String after = storedCursor;
        while (true) {
            ListEventsResponse page = page(filter, after);
            for (Event event : page.getEvents()) onEvent.accept(event);
            after = page.getNextCursor();
            saveCursor.accept(after);
            if (!page.getHasMore()) return after;
        }
    }
}
