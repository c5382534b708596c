// Generated from Roster's OpenAPI document (components.schemas.CreateDirectorySecretResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.CreateDirectorySecretResponse. */
public final class CreateDirectorySecretResponse extends ApiObject {
    @JsonProperty("plain_secret")
    private String plainSecret;
    @JsonProperty("secret")
    private DirectorySecret secret;

    private CreateDirectorySecretResponse() {}

    /** The bearer token for the IdP, shown this once. */
    public String getPlainSecret() {
        return plainSecret;
    }

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
        builder.plainSecret = plainSecret;
        builder.secret = secret;
        return builder;
    }

    public static final class Builder {
        private String plainSecret;
        private DirectorySecret secret;

        private Builder() {}

        public Builder setPlainSecret(String plainSecret) {
            this.plainSecret = plainSecret;
            return this;
        }

        public Builder setSecret(DirectorySecret secret) {
            this.secret = secret;
            return this;
        }

        public CreateDirectorySecretResponse build() {
            CreateDirectorySecretResponse built = new CreateDirectorySecretResponse();
            built.plainSecret = plainSecret;
            built.secret = secret;
            return built;
        }
    }
}
