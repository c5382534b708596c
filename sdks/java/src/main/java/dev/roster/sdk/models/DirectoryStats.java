// Generated from Roster's OpenAPI document (components.schemas.Directory.stats) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Generated from components.schemas.Directory.stats. */
public final class DirectoryStats extends ApiObject {
    @JsonProperty("total_users")
    private int totalUsers;
    @JsonProperty("total_groups")
    private int totalGroups;
    @JsonProperty("user_updated_at")
    private Instant userUpdatedAt;
    @JsonProperty("group_updated_at")
    private Instant groupUpdatedAt;

    private DirectoryStats() {}

    /** <code>total_users</code>. */
    public int getTotalUsers() {
        return totalUsers;
    }

    /** <code>total_groups</code>. */
    public int getTotalGroups() {
        return totalGroups;
    }

    /** <code>user_updated_at</code>. May be null. */
    public Instant getUserUpdatedAt() {
        return userUpdatedAt;
    }

    /** <code>group_updated_at</code>. May be null. */
    public Instant getGroupUpdatedAt() {
        return groupUpdatedAt;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.totalUsers = totalUsers;
        builder.totalGroups = totalGroups;
        builder.userUpdatedAt = userUpdatedAt;
        builder.groupUpdatedAt = groupUpdatedAt;
        return builder;
    }

    public static final class Builder {
        private int totalUsers;
        private int totalGroups;
        private Instant userUpdatedAt;
        private Instant groupUpdatedAt;

        private Builder() {}

        public Builder setTotalUsers(int totalUsers) {
            this.totalUsers = totalUsers;
            return this;
        }

        public Builder setTotalGroups(int totalGroups) {
            this.totalGroups = totalGroups;
            return this;
        }

        public Builder setUserUpdatedAt(Instant userUpdatedAt) {
            this.userUpdatedAt = userUpdatedAt;
            return this;
        }

        public Builder setGroupUpdatedAt(Instant groupUpdatedAt) {
            this.groupUpdatedAt = groupUpdatedAt;
            return this;
        }

        public DirectoryStats build() {
            DirectoryStats built = new DirectoryStats();
            built.totalUsers = totalUsers;
            built.totalGroups = totalGroups;
            built.userUpdatedAt = userUpdatedAt;
            built.groupUpdatedAt = groupUpdatedAt;
            return built;
        }
    }
}
