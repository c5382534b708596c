// Generated from Roster's OpenAPI document (components.schemas.CreateApiClientResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.CreateApiClientResponse. */
public final class CreateApiClientResponse extends ApiObject {
    @JsonProperty("client")
    private ApiClient client;
    @JsonProperty("plain_secret")
    private String plainSecret;

    private CreateApiClientResponse() {}

    /** <code>client</code>. */
    public ApiClient getClient() {
        return client;
    }

    /** The client_secret, shown this once. */
    public String getPlainSecret() {
        return plainSecret;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.client = client;
        builder.plainSecret = plainSecret;
        return builder;
    }

    public static final class Builder {
        private ApiClient client;
        private String plainSecret;

        private Builder() {}

        public Builder setClient(ApiClient client) {
            this.client = client;
            return this;
        }

        public Builder setPlainSecret(String plainSecret) {
            this.plainSecret = plainSecret;
            return this;
        }

        public CreateApiClientResponse build() {
            CreateApiClientResponse built = new CreateApiClientResponse();
            built.client = client;
            built.plainSecret = plainSecret;
            return built;
        }
    }
}
