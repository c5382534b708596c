// Generated from Roster's OpenAPI document (components.schemas.SampleDataCounts) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.SampleDataCounts. */
public final class SampleDataCounts extends ApiObject {
    @JsonProperty("users")
    private int users;
    @JsonProperty("groups")
    private int groups;

    private SampleDataCounts() {}

    /** <code>users</code>. */
    public int getUsers() {
        return users;
    }

    /** <code>groups</code>. */
    public int getGroups() {
        return groups;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.users = users;
        builder.groups = groups;
        return builder;
    }

    public static final class Builder {
        private int users;
        private int groups;

        private Builder() {}

        public Builder setUsers(int users) {
            this.users = users;
            return this;
        }

        public Builder setGroups(int groups) {
            this.groups = groups;
            return this;
        }

        public SampleDataCounts build() {
            SampleDataCounts built = new SampleDataCounts();
            built.users = users;
            built.groups = groups;
            return built;
        }
    }
}
