// Generated from Roster's OpenAPI document (components.schemas.RoleAssignments) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Which of the directory's groups grant which roles. */
public final class RoleAssignments extends ApiObject {
    @JsonProperty("assignments")
    private List<RoleAssignment> assignments;

    private RoleAssignments() {}

    /** <code>assignments</code>. */
    public List<RoleAssignment> getAssignments() {
        return assignments == null ? null : Collections.unmodifiableList(assignments);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.assignments = assignments;
        return builder;
    }

    public static final class Builder {
        private List<RoleAssignment> assignments;

        private Builder() {}

        public Builder setAssignments(List<RoleAssignment> assignments) {
            this.assignments = assignments == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(assignments));
            return this;
        }

        public RoleAssignments build() {
            RoleAssignments built = new RoleAssignments();
            built.assignments = assignments;
            return built;
        }
    }
}
