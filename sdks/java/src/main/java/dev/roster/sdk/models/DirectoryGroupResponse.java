// Generated from Roster's OpenAPI document (components.schemas.DirectoryGroupResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryGroupResponse. */
public final class DirectoryGroupResponse extends ApiObject {
    @JsonProperty("group")
    private DirectoryGroup group;

    private DirectoryGroupResponse() {}

    /** <code>group</code>. */
    public DirectoryGroup getGroup() {
        return group;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.group = group;
        return builder;
    }

    public static final class Builder {
        private DirectoryGroup group;

        private Builder() {}

        public Builder setGroup(DirectoryGroup group) {
            this.group = group;
            return this;
        }

        public DirectoryGroupResponse build() {
            DirectoryGroupResponse built = new DirectoryGroupResponse();
            built.group = group;
            return built;
        }
    }
}
