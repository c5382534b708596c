// Generated from Roster's OpenAPI document (components.schemas.ListEventsResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.ListEventsResponse. */
public final class ListEventsResponse extends ApiObject {
    @JsonProperty("events")
    private List<Event> events;
    @JsonProperty("next_cursor")
    private String nextCursor;
    @JsonProperty("has_more")
    private boolean hasMore;

    private ListEventsResponse() {}

    /** <code>events</code>. */
    public List<Event> getEvents() {
        return events == null ? null : Collections.unmodifiableList(events);
    }

    /** Pass as <code>after</code> to read on; always set, also on an empty page (poll with it). */
    public String getNextCursor() {
        return nextCursor;
    }

    /** True when more events can be read right away. */
    public boolean getHasMore() {
        return hasMore;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.events = events;
        builder.nextCursor = nextCursor;
        builder.hasMore = hasMore;
        return builder;
    }

    public static final class Builder {
        private List<Event> events;
        private String nextCursor;
        private boolean hasMore;

        private Builder() {}

        public Builder setEvents(List<Event> events) {
            this.events = events == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(events));
            return this;
        }

        public Builder setNextCursor(String nextCursor) {
            this.nextCursor = nextCursor;
            return this;
        }

        public Builder setHasMore(boolean hasMore) {
            this.hasMore = hasMore;
            return this;
        }

        public ListEventsResponse build() {
            ListEventsResponse built = new ListEventsResponse();
            built.events = events;
            built.nextCursor = nextCursor;
            built.hasMore = hasMore;
            return built;
        }
    }
}
