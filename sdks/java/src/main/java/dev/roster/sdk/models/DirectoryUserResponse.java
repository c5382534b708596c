// Generated from Roster's OpenAPI document (components.schemas.DirectoryUserResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryUserResponse. */
public final class DirectoryUserResponse extends ApiObject {
    @JsonProperty("user")
    private DirectoryUser user;

    private DirectoryUserResponse() {}

    /** <code>user</code>. */
    public DirectoryUser getUser() {
        return user;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.user = user;
        return builder;
    }

    public static final class Builder {
        private DirectoryUser user;

        private Builder() {}

        public Builder setUser(DirectoryUser user) {
            this.user = user;
            return this;
        }

        public DirectoryUserResponse build() {
            DirectoryUserResponse built = new DirectoryUserResponse();
            built.user = user;
            return built;
        }
    }
}
