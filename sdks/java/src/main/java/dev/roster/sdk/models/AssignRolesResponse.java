// Generated from Roster's OpenAPI document (components.schemas.AssignRolesResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.AssignRolesResponse. */
public final class AssignRolesResponse extends ApiObject {
    @JsonProperty("role_assignments")
    private RoleAssignments roleAssignments;

    private AssignRolesResponse() {}

    /** <code>role_assignments</code>. */
    public RoleAssignments getRoleAssignments() {
        return roleAssignments;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.roleAssignments = roleAssignments;
        return builder;
    }

    public static final class Builder {
        private RoleAssignments roleAssignments;

        private Builder() {}

        public Builder setRoleAssignments(RoleAssignments roleAssignments) {
            this.roleAssignments = roleAssignments;
            return this;
        }

        public AssignRolesResponse build() {
            AssignRolesResponse built = new AssignRolesResponse();
            built.roleAssignments = roleAssignments;
            return built;
        }
    }
}
