// Generated from Roster's OpenAPI document (components.schemas.AccessToken) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.AccessToken. */
public final class AccessToken extends ApiObject {
    @JsonProperty("access_token")
    private String accessToken;
    @JsonProperty("token_type")
    private String tokenType;
    @JsonProperty("expires_in")
    private int expiresIn;

    private AccessToken() {}

    /** Send as <code>Authorization: Bearer &lt;access_token&gt;</code>. */
    public String getAccessToken() {
        return accessToken;
    }

    /** <code>token_type</code>. */
    public String getTokenType() {
        return tokenType;
    }

    /** Seconds until the token expires. */
    public int getExpiresIn() {
        return expiresIn;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.accessToken = accessToken;
        builder.tokenType = tokenType;
        builder.expiresIn = expiresIn;
        return builder;
    }

    public static final class Builder {
        private String accessToken;
        private String tokenType;
        private int expiresIn;

        private Builder() {}

        public Builder setAccessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder setTokenType(String tokenType) {
            this.tokenType = tokenType;
            return this;
        }

        public Builder setExpiresIn(int expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        public AccessToken build() {
            AccessToken built = new AccessToken();
            built.accessToken = accessToken;
            built.tokenType = tokenType;
            built.expiresIn = expiresIn;
            return built;
        }
    }
}
