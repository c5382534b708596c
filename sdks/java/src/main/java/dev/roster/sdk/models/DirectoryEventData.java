// Generated from Roster's OpenAPI document (components.schemas.DirectoryEventData) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The directory the event is about. */
public final class DirectoryEventData extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("organization_id")
    private String organizationId;
    @JsonProperty("directory_provider")
    private DirectoryEventDataDirectoryProvider directoryProvider;
    @JsonProperty("enabled")
    private boolean enabled;

    private DirectoryEventData() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>organization_id</code>. */
    public String getOrganizationId() {
        return organizationId;
    }

    /** <code>directory_provider</code>. */
    public DirectoryEventDataDirectoryProvider getDirectoryProvider() {
        return directoryProvider;
    }

    /** <code>enabled</code>. */
    public boolean getEnabled() {
        return enabled;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.organizationId = organizationId;
        builder.directoryProvider = directoryProvider;
        builder.enabled = enabled;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String organizationId;
        private DirectoryEventDataDirectoryProvider directoryProvider;
        private boolean enabled;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setOrganizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder setDirectoryProvider(DirectoryEventDataDirectoryProvider directoryProvider) {
            this.directoryProvider = directoryProvider;
            return this;
        }

        public Builder setEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public DirectoryEventData build() {
            DirectoryEventData built = new DirectoryEventData();
            built.id = id;
            built.organizationId = organizationId;
            built.directoryProvider = directoryProvider;
            built.enabled = enabled;
            return built;
        }
    }
}
