// Generated from Roster's OpenAPI document (components.schemas.Role) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** A role of the app, with its permissions. */
public final class Role extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("display_name")
    private String displayName;
    @JsonProperty("description")
    private String description;
    @JsonProperty("permissions")
    private List<String> permissions;
    @JsonProperty("is_default")
    private boolean isDefault;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("update_time")
    private Instant updateTime;

    private Role() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** The key groups are mapped to, e.g. "admin". */
    public String getName() {
        return name;
    }

    /** <code>display_name</code>. */
    public String getDisplayName() {
        return displayName;
    }

    /** <code>description</code>. May be null. */
    public String getDescription() {
        return description;
    }

    /** <code>permissions</code>. */
    public List<String> getPermissions() {
        return permissions == null ? null : Collections.unmodifiableList(permissions);
    }

    /** Held by users in no group mapped to a role; at most one role is the default. */
    public boolean getIsDefault() {
        return isDefault;
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
        builder.name = name;
        builder.displayName = displayName;
        builder.description = description;
        builder.permissions = permissions;
        builder.isDefault = isDefault;
        builder.createTime = createTime;
        builder.updateTime = updateTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String name;
        private String displayName;
        private String description;
        private List<String> permissions;
        private boolean isDefault;
        private Instant createTime;
        private Instant updateTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setDisplayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder setDescription(String description) {
            this.description = description;
            return this;
        }

        public Builder setPermissions(List<String> permissions) {
            this.permissions = permissions == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(permissions));
            return this;
        }

        public Builder setIsDefault(boolean isDefault) {
            this.isDefault = isDefault;
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

        public Role build() {
            Role built = new Role();
            built.id = id;
            built.name = name;
            built.displayName = displayName;
            built.description = description;
            built.permissions = permissions;
            built.isDefault = isDefault;
            built.createTime = createTime;
            built.updateTime = updateTime;
            return built;
        }
    }
}
