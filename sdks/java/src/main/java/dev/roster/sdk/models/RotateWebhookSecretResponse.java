// Generated from Roster's OpenAPI document (components.schemas.RotateWebhookSecretResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Generated from components.schemas.RotateWebhookSecretResponse. */
public final class RotateWebhookSecretResponse extends ApiObject {
    @JsonProperty("secret")
    private String secret;
    @JsonProperty("previous_secrets_expire_time")
    private Instant previousSecretsExpireTime;

    private RotateWebhookSecretResponse() {}

    /** The new whsec_... secret, shown only now. */
    public String getSecret() {
        return secret;
    }

    /** Until then deliveries carry a signature for each secret. */
    public Instant getPreviousSecretsExpireTime() {
        return previousSecretsExpireTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.secret = secret;
        builder.previousSecretsExpireTime = previousSecretsExpireTime;
        return builder;
    }

    public static final class Builder {
        private String secret;
        private Instant previousSecretsExpireTime;

        private Builder() {}

        public Builder setSecret(String secret) {
            this.secret = secret;
            return this;
        }

        public Builder setPreviousSecretsExpireTime(Instant previousSecretsExpireTime) {
            this.previousSecretsExpireTime = previousSecretsExpireTime;
            return this;
        }

        public RotateWebhookSecretResponse build() {
            RotateWebhookSecretResponse built = new RotateWebhookSecretResponse();
            built.secret = secret;
            built.previousSecretsExpireTime = previousSecretsExpireTime;
            return built;
        }
    }
}
