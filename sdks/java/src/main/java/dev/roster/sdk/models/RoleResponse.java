// Generated from Roster's OpenAPI document (components.schemas.RoleResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.RoleResponse. */
public final class RoleResponse extends ApiObject {
    @JsonProperty("role")
    private Role role;

    private RoleResponse() {}

    /** <code>role</code>. */
    public Role getRole() {
        return role;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.role = role;
        return builder;
    }

    public static final class Builder {
        private Role role;

        private Builder() {}

        public Builder setRole(Role role) {
            this.role = role;
            return this;
        }

        public RoleResponse build() {
            RoleResponse built = new RoleResponse();
            built.role = role;
            return built;
        }
    }
}
