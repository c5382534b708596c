// Generated from Roster's OpenAPI document (components.schemas.SyncRunCounts) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a run saw in the source and changed in the directory; source_calls counts every call to the source, retries included. */
public final class SyncRunCounts extends ApiObject {
    @JsonProperty("users_seen")
    private int usersSeen;
    @JsonProperty("groups_seen")
    private int groupsSeen;
    @JsonProperty("users_created")
    private int usersCreated;
    @JsonProperty("users_updated")
    private int usersUpdated;
    @JsonProperty("users_deactivated")
    private int usersDeactivated;
    @JsonProperty("users_deleted")
    private int usersDeleted;
    @JsonProperty("groups_created")
    private int groupsCreated;
    @JsonProperty("groups_updated")
    private int groupsUpdated;
    @JsonProperty("groups_deleted")
    private int groupsDeleted;
    @JsonProperty("memberships_added")
    private int membershipsAdded;
    @JsonProperty("memberships_removed")
    private int membershipsRemoved;
    @JsonProperty("objects_failed")
    private int objectsFailed;
    @JsonProperty("source_calls")
    private int sourceCalls;

    private SyncRunCounts() {}

    /** <code>users_seen</code>. */
    public int getUsersSeen() {
        return usersSeen;
    }

    /** <code>groups_seen</code>. */
    public int getGroupsSeen() {
        return groupsSeen;
    }

    /** <code>users_created</code>. */
    public int getUsersCreated() {
        return usersCreated;
    }

    /** <code>users_updated</code>. */
    public int getUsersUpdated() {
        return usersUpdated;
    }

    /** <code>users_deactivated</code>. */
    public int getUsersDeactivated() {
        return usersDeactivated;
    }

    /** <code>users_deleted</code>. */
    public int getUsersDeleted() {
        return usersDeleted;
    }

    /** <code>groups_created</code>. */
    public int getGroupsCreated() {
        return groupsCreated;
    }

    /** <code>groups_updated</code>. */
    public int getGroupsUpdated() {
        return groupsUpdated;
    }

    /** <code>groups_deleted</code>. */
    public int getGroupsDeleted() {
        return groupsDeleted;
    }

    /** <code>memberships_added</code>. */
    public int getMembershipsAdded() {
        return membershipsAdded;
    }

    /** <code>memberships_removed</code>. */
    public int getMembershipsRemoved() {
        return membershipsRemoved;
    }

    /** <code>objects_failed</code>. */
    public int getObjectsFailed() {
        return objectsFailed;
    }

    /** <code>source_calls</code>. */
    public int getSourceCalls() {
        return sourceCalls;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.usersSeen = usersSeen;
        builder.groupsSeen = groupsSeen;
        builder.usersCreated = usersCreated;
        builder.usersUpdated = usersUpdated;
        builder.usersDeactivated = usersDeactivated;
        builder.usersDeleted = usersDeleted;
        builder.groupsCreated = groupsCreated;
        builder.groupsUpdated = groupsUpdated;
        builder.groupsDeleted = groupsDeleted;
        builder.membershipsAdded = membershipsAdded;
        builder.membershipsRemoved = membershipsRemoved;
        builder.objectsFailed = objectsFailed;
        builder.sourceCalls = sourceCalls;
        return builder;
    }

    public static final class Builder {
        private int usersSeen;
        private int groupsSeen;
        private int usersCreated;
        private int usersUpdated;
        private int usersDeactivated;
        private int usersDeleted;
        private int groupsCreated;
        private int groupsUpdated;
        private int groupsDeleted;
        private int membershipsAdded;
        private int membershipsRemoved;
        private int objectsFailed;
        private int sourceCalls;

        private Builder() {}

        public Builder setUsersSeen(int usersSeen) {
            this.usersSeen = usersSeen;
            return this;
        }

        public Builder setGroupsSeen(int groupsSeen) {
            this.groupsSeen = groupsSeen;
            return this;
        }

        public Builder setUsersCreated(int usersCreated) {
            this.usersCreated = usersCreated;
            return this;
        }

        public Builder setUsersUpdated(int usersUpdated) {
            this.usersUpdated = usersUpdated;
            return this;
        }

        public Builder setUsersDeactivated(int usersDeactivated) {
            this.usersDeactivated = usersDeactivated;
            return this;
        }

        public Builder setUsersDeleted(int usersDeleted) {
            this.usersDeleted = usersDeleted;
            return this;
        }

        public Builder setGroupsCreated(int groupsCreated) {
            this.groupsCreated = groupsCreated;
            return this;
        }

        public Builder setGroupsUpdated(int groupsUpdated) {
            this.groupsUpdated = groupsUpdated;
            return this;
        }

        public Builder setGroupsDeleted(int groupsDeleted) {
            this.groupsDeleted = groupsDeleted;
            return this;
        }

        public Builder setMembershipsAdded(int membershipsAdded) {
            this.membershipsAdded = membershipsAdded;
            return this;
        }

        public Builder setMembershipsRemoved(int membershipsRemoved) {
            this.membershipsRemoved = membershipsRemoved;
            return this;
        }

        public Builder setObjectsFailed(int objectsFailed) {
            this.objectsFailed = objectsFailed;
            return this;
        }

        public Builder setSourceCalls(int sourceCalls) {
            this.sourceCalls = sourceCalls;
            return this;
        }

        public SyncRunCounts build() {
            SyncRunCounts built = new SyncRunCounts();
            built.usersSeen = usersSeen;
            built.groupsSeen = groupsSeen;
            built.usersCreated = usersCreated;
            built.usersUpdated = usersUpdated;
            built.usersDeactivated = usersDeactivated;
            built.usersDeleted = usersDeleted;
            built.groupsCreated = groupsCreated;
            built.groupsUpdated = groupsUpdated;
            built.groupsDeleted = groupsDeleted;
            built.membershipsAdded = membershipsAdded;
            built.membershipsRemoved = membershipsRemoved;
            built.objectsFailed = objectsFailed;
            built.sourceCalls = sourceCalls;
            return built;
        }
    }
}
