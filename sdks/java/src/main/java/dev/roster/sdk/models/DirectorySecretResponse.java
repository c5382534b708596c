// Generated from Roster's OpenAPI document (components.schemas.DirectorySecretResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectorySecretResponse. */
public final class DirectorySecretResponse extends ApiObject {
    @JsonProperty("secret")
    private DirectorySecret secret;

    private DirectorySecretResponse() {}

    /** <code>secret</code>. */
    public DirectorySecret getSecret() {
        return secret;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.secret = secret;
        return builder;
    }

    public static final class Builder {
        private DirectorySecret secret;

        private Builder() {}

        public Builder setSecret(DirectorySecret secret) {
            this.secret = secret;
            return this;
        }

        public DirectorySecretResponse build() {
            DirectorySecretResponse built = new DirectorySecretResponse();
            built.secret = secret;
            return built;
        }
    }
}
