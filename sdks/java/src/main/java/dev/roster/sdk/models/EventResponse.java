// Generated from Roster's OpenAPI document (components.schemas.EventResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.EventResponse. */
public final class EventResponse extends ApiObject {
    @JsonProperty("event")
    private Event event;

    private EventResponse() {}

    /** <code>event</code>. */
    public Event getEvent() {
        return event;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.event = event;
        return builder;
    }

    public static final class Builder {
        private Event event;

        private Builder() {}

        public Builder setEvent(Event event) {
            this.event = event;
            return this;
        }

        public EventResponse build() {
            EventResponse built = new EventResponse();
            built.event = event;
            return built;
        }
    }
}
