// Generated from Roster's OpenAPI document (components.schemas.DirectoryEventSettingsResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryEventSettingsResponse. */
public final class DirectoryEventSettingsResponse extends ApiObject {
    @JsonProperty("event_settings")
    private DirectoryEventSettings eventSettings;

    private DirectoryEventSettingsResponse() {}

    /** <code>event_settings</code>. */
    public DirectoryEventSettings getEventSettings() {
        return eventSettings;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.eventSettings = eventSettings;
        return builder;
    }

    public static final class Builder {
        private DirectoryEventSettings eventSettings;

        private Builder() {}

        public Builder setEventSettings(DirectoryEventSettings eventSettings) {
            this.eventSettings = eventSettings;
            return this;
        }

        public DirectoryEventSettingsResponse build() {
            DirectoryEventSettingsResponse built = new DirectoryEventSettingsResponse();
            built.eventSettings = eventSettings;
            return built;
        }
    }
}
