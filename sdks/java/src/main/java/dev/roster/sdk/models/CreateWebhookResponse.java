// Generated from Roster's OpenAPI document (components.schemas.CreateWebhookResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.CreateWebhookResponse. */
public final class CreateWebhookResponse extends ApiObject {
    @JsonProperty("webhook")
    private Webhook webhook;
    @JsonProperty("secret")
    private String secret;

    private CreateWebhookResponse() {}

    /** <code>webhook</code>. */
    public Webhook getWebhook() {
        return webhook;
    }

    /** whsec_...: the signing secret, shown only now. */
    public String getSecret() {
        return secret;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.webhook = webhook;
        builder.secret = secret;
        return builder;
    }

    public static final class Builder {
        private Webhook webhook;
        private String secret;

        private Builder() {}

        public Builder setWebhook(Webhook webhook) {
            this.webhook = webhook;
            return this;
        }

        public Builder setSecret(String secret) {
            this.secret = secret;
            return this;
        }

        public CreateWebhookResponse build() {
            CreateWebhookResponse built = new CreateWebhookResponse();
            built.webhook = webhook;
            built.secret = secret;
            return built;
        }
    }
}
