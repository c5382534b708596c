// Generated from Roster's OpenAPI document (components.schemas.DirectoryGroup) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/** A group the IdP provisioned. */
public final class DirectoryGroup extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("display_name")
    private String displayName;
    @JsonProperty("total_users")
    private int totalUsers;
    @JsonProperty("updated_at")
    private Instant updatedAt;
    @JsonProperty("group_detail")
    private Map<String, Object> groupDetail;

    private DirectoryGroup() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>display_name</code>. */
    public String getDisplayName() {
        return displayName;
    }

    /** Users who are direct members. */
    public int getTotalUsers() {
        return totalUsers;
    }

    /** <code>updated_at</code>. */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The stored SCIM resource (without members), with include_detail=true. May be null. */
    public Map<String, Object> getGroupDetail() {
        return groupDetail == null ? null : Collections.unmodifiableMap(groupDetail);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.displayName = displayName;
        builder.totalUsers = totalUsers;
        builder.updatedAt = updatedAt;
        builder.groupDetail = groupDetail;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String displayName;
        private int totalUsers;
        private Instant updatedAt;
        private Map<String, Object> groupDetail;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setDisplayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder setTotalUsers(int totalUsers) {
            this.totalUsers = totalUsers;
            return this;
        }

        public Builder setUpdatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder setGroupDetail(Map<String, Object> groupDetail) {
            this.groupDetail = groupDetail == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupDetail));
            return this;
        }

        public DirectoryGroup build() {
            DirectoryGroup built = new DirectoryGroup();
            built.id = id;
            built.displayName = displayName;
            built.totalUsers = totalUsers;
            built.updatedAt = updatedAt;
            built.groupDetail = groupDetail;
            return built;
        }
    }
}
