// Generated from Roster's OpenAPI document (components.schemas.ReplayWebhookResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.ReplayWebhookResponse. */
public final class ReplayWebhookResponse extends ApiObject {
    @JsonProperty("replayed")
    private int replayed;

    private ReplayWebhookResponse() {}

    /** Deliveries made due now. */
    public int getReplayed() {
        return replayed;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.replayed = replayed;
        return builder;
    }

    public static final class Builder {
        private int replayed;

        private Builder() {}

        public Builder setReplayed(int replayed) {
            this.replayed = replayed;
            return this;
        }

        public ReplayWebhookResponse build() {
            ReplayWebhookResponse built = new ReplayWebhookResponse();
            built.replayed = replayed;
            return built;
        }
    }
}
