// Generated from Roster's OpenAPI document (components.schemas.WebhookResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.WebhookResponse. */
public final class WebhookResponse extends ApiObject {
    @JsonProperty("webhook")
    private Webhook webhook;

    private WebhookResponse() {}

    /** <code>webhook</code>. */
    public Webhook getWebhook() {
        return webhook;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.webhook = webhook;
        return builder;
    }

    public static final class Builder {
        private Webhook webhook;

        private Builder() {}

        public Builder setWebhook(Webhook webhook) {
            this.webhook = webhook;
            return this;
        }

        public WebhookResponse build() {
            WebhookResponse built = new WebhookResponse();
            built.webhook = webhook;
            return built;
        }
    }
}
