// Generated from Roster's OpenAPI document (components.schemas.DirectorySecretEventData) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The SCIM bearer secret the event is about (never the secret itself). */
public final class DirectorySecretEventData extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("secret_suffix")
    private String secretSuffix;

    private DirectorySecretEventData() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** The last four characters of the secret. */
    public String getSecretSuffix() {
        return secretSuffix;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.secretSuffix = secretSuffix;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String secretSuffix;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setSecretSuffix(String secretSuffix) {
            this.secretSuffix = secretSuffix;
            return this;
        }

        public DirectorySecretEventData build() {
            DirectorySecretEventData built = new DirectorySecretEventData();
            built.id = id;
            built.secretSuffix = secretSuffix;
            return built;
        }
    }
}
