// Generated from Roster's OpenAPI document (components.schemas.HeldSyncRun) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** What a run held by the safety threshold would have removed. Approve the run to let the next one apply it. */
public final class HeldSyncRun extends ApiObject {
    @JsonProperty("users_deactivated")
    private int usersDeactivated;
    @JsonProperty("users_deleted")
    private int usersDeleted;
    @JsonProperty("groups_deleted")
    private int groupsDeleted;
    @JsonProperty("users_in_directory")
    private int usersInDirectory;
    @JsonProperty("groups_in_directory")
    private int groupsInDirectory;
    @JsonProperty("threshold_percent")
    private int thresholdPercent;
    @JsonProperty("user_share_percent")
    private double userSharePercent;
    @JsonProperty("group_share_percent")
    private double groupSharePercent;
    @JsonProperty("reason")
    private String reason;
    @JsonProperty("sample")
    private List<HeldSyncRunSample> sample;

    private HeldSyncRun() {}

    /** <code>users_deactivated</code>. */
    public int getUsersDeactivated() {
        return usersDeactivated;
    }

    /** <code>users_deleted</code>. */
    public int getUsersDeleted() {
        return usersDeleted;
    }

    /** <code>groups_deleted</code>. */
    public int getGroupsDeleted() {
        return groupsDeleted;
    }

    /** <code>users_in_directory</code>. */
    public int getUsersInDirectory() {
        return usersInDirectory;
    }

    /** <code>groups_in_directory</code>. */
    public int getGroupsInDirectory() {
        return groupsInDirectory;
    }

    /** <code>threshold_percent</code>. */
    public int getThresholdPercent() {
        return thresholdPercent;
    }

    /** <code>user_share_percent</code>. */
    public double getUserSharePercent() {
        return userSharePercent;
    }

    /** <code>group_share_percent</code>. */
    public double getGroupSharePercent() {
        return groupSharePercent;
    }

    /** <code>reason</code>. */
    public String getReason() {
        return reason;
    }

    /** Up to 25 of the users and groups the run would have removed. */
    public List<HeldSyncRunSample> getSample() {
        return sample == null ? null : Collections.unmodifiableList(sample);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.usersDeactivated = usersDeactivated;
        builder.usersDeleted = usersDeleted;
        builder.groupsDeleted = groupsDeleted;
        builder.usersInDirectory = usersInDirectory;
        builder.groupsInDirectory = groupsInDirectory;
        builder.thresholdPercent = thresholdPercent;
        builder.userSharePercent = userSharePercent;
        builder.groupSharePercent = groupSharePercent;
        builder.reason = reason;
        builder.sample = sample;
        return builder;
    }

    public static final class Builder {
        private int usersDeactivated;
        private int usersDeleted;
        private int groupsDeleted;
        private int usersInDirectory;
        private int groupsInDirectory;
        private int thresholdPercent;
        private double userSharePercent;
        private double groupSharePercent;
        private String reason;
        private List<HeldSyncRunSample> sample;

        private Builder() {}

        public Builder setUsersDeactivated(int usersDeactivated) {
            this.usersDeactivated = usersDeactivated;
            return this;
        }

        public Builder setUsersDeleted(int usersDeleted) {
            this.usersDeleted = usersDeleted;
            return this;
        }

        public Builder setGroupsDeleted(int groupsDeleted) {
            this.groupsDeleted = groupsDeleted;
            return this;
        }

        public Builder setUsersInDirectory(int usersInDirectory) {
            this.usersInDirectory = usersInDirectory;
            return this;
        }

        public Builder setGroupsInDirectory(int groupsInDirectory) {
            this.groupsInDirectory = groupsInDirectory;
            return this;
        }

        public Builder setThresholdPercent(int thresholdPercent) {
            this.thresholdPercent = thresholdPercent;
            return this;
        }

        public Builder setUserSharePercent(double userSharePercent) {
            this.userSharePercent = userSharePercent;
            return this;
        }

        public Builder setGroupSharePercent(double groupSharePercent) {
            this.groupSharePercent = groupSharePercent;
            return this;
        }

        public Builder setReason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder setSample(List<HeldSyncRunSample> sample) {
            this.sample = sample == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(sample));
            return this;
        }

        public HeldSyncRun build() {
            HeldSyncRun built = new HeldSyncRun();
            built.usersDeactivated = usersDeactivated;
            built.usersDeleted = usersDeleted;
            built.groupsDeleted = groupsDeleted;
            built.usersInDirectory = usersInDirectory;
            built.groupsInDirectory = groupsInDirectory;
            built.thresholdPercent = thresholdPercent;
            built.userSharePercent = userSharePercent;
            built.groupSharePercent = groupSharePercent;
            built.reason = reason;
            built.sample = sample;
            return built;
        }
    }
}
