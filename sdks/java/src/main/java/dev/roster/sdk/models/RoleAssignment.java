// Generated from Roster's OpenAPI document (components.schemas.RoleAssignments.assignments[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.RoleAssignments.assignments[]. */
public final class RoleAssignment extends ApiObject {
    @JsonProperty("group_id")
    private String groupId;
    @JsonProperty("role_name")
    private String roleName;

    private RoleAssignment() {}

    /** <code>group_id</code>. */
    public String getGroupId() {
        return groupId;
    }

    /** <code>role_name</code>. */
    public String getRoleName() {
        return roleName;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.groupId = groupId;
        builder.roleName = roleName;
        return builder;
    }

    public static final class Builder {
        private String groupId;
        private String roleName;

        private Builder() {}

        public Builder setGroupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        public Builder setRoleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public RoleAssignment build() {
            RoleAssignment built = new RoleAssignment();
            built.groupId = groupId;
            built.roleName = roleName;
            return built;
        }
    }
}
