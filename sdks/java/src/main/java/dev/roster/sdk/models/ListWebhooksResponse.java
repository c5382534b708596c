// Generated from Roster's OpenAPI document (components.schemas.ListWebhooksResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.ListWebhooksResponse. */
public final class ListWebhooksResponse extends ApiObject {
    @JsonProperty("webhooks")
    private List<Webhook> webhooks;

    private ListWebhooksResponse() {}

    /** <code>webhooks</code>. */
    public List<Webhook> getWebhooks() {
        return webhooks == null ? null : Collections.unmodifiableList(webhooks);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.webhooks = webhooks;
        return builder;
    }

    public static final class Builder {
        private List<Webhook> webhooks;

        private Builder() {}

        public Builder setWebhooks(List<Webhook> webhooks) {
            this.webhooks = webhooks == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(webhooks));
            return this;
        }

        public ListWebhooksResponse build() {
            ListWebhooksResponse built = new ListWebhooksResponse();
            built.webhooks = webhooks;
            return built;
        }
    }
}
