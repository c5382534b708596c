// Generated from Roster's OpenAPI document (components.schemas.Organization) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A customer organization of the app. */
public final class Organization extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("display_name")
    private String displayName;
    @JsonProperty("external_id")
    private String externalId;
    @JsonProperty("settings")
    private OrganizationSettings settings;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("update_time")
    private Instant updateTime;

    private Organization() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>display_name</code>. */
    public String getDisplayName() {
        return displayName;
    }

    /** The app's own id for this customer. May be null. */
    public String getExternalId() {
        return externalId;
    }

    /** <code>settings</code>. */
    public OrganizationSettings getSettings() {
        return settings;
    }

    /** <code>create_time</code>. */
    public Instant getCreateTime() {
        return createTime;
    }

    /** <code>update_time</code>. */
    public Instant getUpdateTime() {
        return updateTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.displayName = displayName;
        builder.externalId = externalId;
        builder.settings = settings;
        builder.createTime = createTime;
        builder.updateTime = updateTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String displayName;
        private String externalId;
        private OrganizationSettings settings;
        private Instant createTime;
        private Instant updateTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setDisplayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder setExternalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder setSettings(OrganizationSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder setCreateTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder setUpdateTime(Instant updateTime) {
            this.updateTime = updateTime;
            return this;
        }

        public Organization build() {
            Organization built = new Organization();
            built.id = id;
            built.displayName = displayName;
            built.externalId = externalId;
            built.settings = settings;
            built.createTime = createTime;
            built.updateTime = updateTime;
            return built;
        }
    }
}
