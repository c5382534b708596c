// Generated from Roster's OpenAPI document (components.schemas.Event) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One change, as webhooks deliver it and the Events API lists it. */
public final class Event extends ApiObject {
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
    private JsonNode data;

    private Event() {}

    /** <code>spec_version</code>. */
    public String getSpecVersion() {
        return specVersion;
    }

    /** evt_...; also the webhook-id header of its deliveries (receivers dedupe on it). */
    public String getId() {
        return id;
    }

    /** One of organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked. */
    public String getType() {
        return type;
    }

    /** <code>occurred_at</code>. */
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

    /** DirectoryUser, DirectoryGroup, Directory or DirectorySecret. */
    public String getObject() {
        return object;
    }

    /** The user or group as the management API shows it (with user_detail / group_detail, the raw SCIM attributes); updates add previous_attributes (the previous values of what changed); group events add members_added / members_removed (ids, or only the *_count fields for changes of more than 1,000 members). */
    public JsonNode getData() {
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
        private JsonNode data;

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

        public Builder setData(JsonNode data) {
            this.data = data;
            return this;
        }

        public Event build() {
            Event built = new Event();
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
