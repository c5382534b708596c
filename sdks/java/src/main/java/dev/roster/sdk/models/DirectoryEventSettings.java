// Generated from Roster's OpenAPI document (components.schemas.DirectoryEventSettingsResponse.event_settings) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryEventSettingsResponse.event_settings. */
public final class DirectoryEventSettings extends ApiObject {
    @JsonProperty("deactivation_as_deletion")
    private boolean deactivationAsDeletion;

    private DirectoryEventSettings() {}

    /** When true, a deactivated user (active: false) is reported as user_deleted, its reactivation as user_created, and nothing in between. */
    public boolean getDeactivationAsDeletion() {
        return deactivationAsDeletion;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.deactivationAsDeletion = deactivationAsDeletion;
        return builder;
    }

    public static final class Builder {
        private boolean deactivationAsDeletion;

        private Builder() {}

        public Builder setDeactivationAsDeletion(boolean deactivationAsDeletion) {
            this.deactivationAsDeletion = deactivationAsDeletion;
            return this;
        }

        public DirectoryEventSettings build() {
            DirectoryEventSettings built = new DirectoryEventSettings();
            built.deactivationAsDeletion = deactivationAsDeletion;
            return built;
        }
    }
}
