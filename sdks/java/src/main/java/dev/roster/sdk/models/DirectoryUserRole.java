// Generated from Roster's OpenAPI document (components.schemas.DirectoryUser.roles[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryUser.roles[]. */
public final class DirectoryUserRole extends ApiObject {
    @JsonProperty("role_name")
    private String roleName;

    private DirectoryUserRole() {}

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
        builder.roleName = roleName;
        return builder;
    }

    public static final class Builder {
        private String roleName;

        private Builder() {}

        public Builder setRoleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public DirectoryUserRole build() {
            DirectoryUserRole built = new DirectoryUserRole();
            built.roleName = roleName;
            return built;
        }
    }
}
