// Generated from Roster's OpenAPI document (components.schemas.ApiClientResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.ApiClientResponse. */
public final class ApiClientResponse extends ApiObject {
    @JsonProperty("client")
    private ApiClient client;

    private ApiClientResponse() {}

    /** <code>client</code>. */
    public ApiClient getClient() {
        return client;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.client = client;
        return builder;
    }

    public static final class Builder {
        private ApiClient client;

        private Builder() {}

        public Builder setClient(ApiClient client) {
            this.client = client;
            return this;
        }

        public ApiClientResponse build() {
            ApiClientResponse built = new ApiClientResponse();
            built.client = client;
            return built;
        }
    }
}
