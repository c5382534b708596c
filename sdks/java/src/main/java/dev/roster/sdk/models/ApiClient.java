// Generated from Roster's OpenAPI document (components.schemas.ApiClient) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Credentials of the app's backend for the management API. */
public final class ApiClient extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("revoke_time")
    private Instant revokeTime;

    private ApiClient() {}

    /** The client_id for POST /oauth/token. */
    public String getId() {
        return id;
    }

    /** <code>name</code>. */
    public String getName() {
        return name;
    }

    /** <code>create_time</code>. */
    public Instant getCreateTime() {
        return createTime;
    }

    /** <code>revoke_time</code>. May be null. */
    public Instant getRevokeTime() {
        return revokeTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.name = name;
        builder.createTime = createTime;
        builder.revokeTime = revokeTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String name;
        private Instant createTime;
        private Instant revokeTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setCreateTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder setRevokeTime(Instant revokeTime) {
            this.revokeTime = revokeTime;
            return this;
        }

        public ApiClient build() {
            ApiClient built = new ApiClient();
            built.id = id;
            built.name = name;
            built.createTime = createTime;
            built.revokeTime = revokeTime;
            return built;
        }
    }
}
