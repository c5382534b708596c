// Generated from Roster's OpenAPI document (components.schemas.RegenerateDirectorySecretResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.RegenerateDirectorySecretResponse. */
public final class RegenerateDirectorySecretResponse extends ApiObject {
    @JsonProperty("plain_secret")
    private String plainSecret;
    @JsonProperty("secret")
    private DirectorySecret secret;
    @JsonProperty("expiring_secrets")
    private List<DirectorySecret> expiringSecrets;

    private RegenerateDirectorySecretResponse() {}

    /** The new bearer token for the IdP, shown this once. */
    public String getPlainSecret() {
        return plainSecret;
    }

    /** <code>secret</code>. */
    public DirectorySecret getSecret() {
        return secret;
    }

    /** The secrets it replaces, now expiring at the end of the grace period. */
    public List<DirectorySecret> getExpiringSecrets() {
        return expiringSecrets == null ? null : Collections.unmodifiableList(expiringSecrets);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.plainSecret = plainSecret;
        builder.secret = secret;
        builder.expiringSecrets = expiringSecrets;
        return builder;
    }

    public static final class Builder {
        private String plainSecret;
        private DirectorySecret secret;
        private List<DirectorySecret> expiringSecrets;

        private Builder() {}

        public Builder setPlainSecret(String plainSecret) {
            this.plainSecret = plainSecret;
            return this;
        }

        public Builder setSecret(DirectorySecret secret) {
            this.secret = secret;
            return this;
        }

        public Builder setExpiringSecrets(List<DirectorySecret> expiringSecrets) {
            this.expiringSecrets = expiringSecrets == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(expiringSecrets));
            return this;
        }

        public RegenerateDirectorySecretResponse build() {
            RegenerateDirectorySecretResponse built = new RegenerateDirectorySecretResponse();
            built.plainSecret = plainSecret;
            built.secret = secret;
            built.expiringSecrets = expiringSecrets;
            return built;
        }
    }
}
