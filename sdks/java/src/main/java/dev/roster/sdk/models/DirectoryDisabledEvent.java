// Generated from Roster's OpenAPI document (components.schemas.DirectoryDisabledEvent) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A directory was disabled. Provisioning was turned off for a directory: its IdP is answered 403 until it is enabled. */
public final class DirectoryDisabledEvent extends ApiObject {
    @JsonProperty("spec_version")
    private String specVersion;
    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private String type;
    @JsonProperty("occurred_at")
    private Instant occurredAt;
    @JsonProperty("environment_id")
    private String environmentId;
    @JsonProperty("organization_id")
    private String organizationId;
    @JsonProperty("directory_id")
    private String directoryId;
    @JsonProperty("object")
    private String object;
    @JsonProperty("data")
    private DirectoryEventData data;

    private DirectoryDisabledEvent() {}

    /** <code>spec_version</code>. */
    public String getSpecVersion() {
        return specVersion;
    }

    /** evt_...; also the webhook-id header (receivers dedupe on it). */
    public String getId() {
        return id;
    }

    /** <code>type</code>. */
    public String getType() {
        return type;
    }

    /** When the change committed. */
    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** <code>environment_id</code>. */
    public String getEnvironmentId() {
        return environmentId;
    }

    /** <code>organization_id</code>. May be null. */
    public String getOrganizationId() {
        return organizationId;
    }

    /** <code>directory_id</code>. May be null. */
    public String getDirectoryId() {
        return directoryId;
    }

    /** <code>object</code>. */
    public String getObject() {
        return object;
    }

    /** <code>data</code>. */
    public DirectoryEventData getData() {
        return data;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.specVersion = specVersion;
        builder.id = id;
        builder.type = type;
        builder.occurredAt = occurredAt;
        builder.environmentId = environmentId;
        builder.organizationId = organizationId;
        builder.directoryId = directoryId;
        builder.object = object;
        builder.data = data;
        return builder;
    }

    public static final class Builder {
        private String specVersion;
        private String id;
        private String type;
        private Instant occurredAt;
        private String environmentId;
        private String organizationId;
        private String directoryId;
        private String object;
        private DirectoryEventData data;

        private Builder() {}

        public Builder setSpecVersion(String specVersion) {
            this.specVersion = specVersion;
            return this;
        }

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setType(String type) {
            this.type = type;
            return this;
        }

        public Builder setOccurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder setEnvironmentId(String environmentId) {
            this.environmentId = environmentId;
            return this;
        }

        public Builder setOrganizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder setDirectoryId(String directoryId) {
            this.directoryId = directoryId;
            return this;
        }

        public Builder setObject(String object) {
            this.object = object;
            return this;
        }

        public Builder setData(DirectoryEventData data) {
            this.data = data;
            return this;
        }

        public DirectoryDisabledEvent build() {
            DirectoryDisabledEvent built = new DirectoryDisabledEvent();
            built.specVersion = specVersion;
            built.id = id;
            built.type = type;
            built.occurredAt = occurredAt;
            built.environmentId = environmentId;
            built.organizationId = organizationId;
            built.directoryId = directoryId;
            built.object = object;
            built.data = data;
            return built;
        }
    }
}
