// Generated from Roster's OpenAPI document (components.schemas.WebhookDeliveryResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.WebhookDeliveryResponse. */
public final class WebhookDeliveryResponse extends ApiObject {
    @JsonProperty("delivery")
    private WebhookDelivery delivery;
    @JsonProperty("attempt_log")
    private List<WebhookDeliveryAttempt> attemptLog;

    private WebhookDeliveryResponse() {}

    /** <code>delivery</code>. */
    public WebhookDelivery getDelivery() {
        return delivery;
    }

    /** Every attempt, oldest first. */
    public List<WebhookDeliveryAttempt> getAttemptLog() {
        return attemptLog == null ? null : Collections.unmodifiableList(attemptLog);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.delivery = delivery;
        builder.attemptLog = attemptLog;
        return builder;
    }

    public static final class Builder {
        private WebhookDelivery delivery;
        private List<WebhookDeliveryAttempt> attemptLog;

        private Builder() {}

        public Builder setDelivery(WebhookDelivery delivery) {
            this.delivery = delivery;
            return this;
        }

        public Builder setAttemptLog(List<WebhookDeliveryAttempt> attemptLog) {
            this.attemptLog = attemptLog == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(attemptLog));
            return this;
        }

        public WebhookDeliveryResponse build() {
            WebhookDeliveryResponse built = new WebhookDeliveryResponse();
            built.delivery = delivery;
            built.attemptLog = attemptLog;
            return built;
        }
    }
}
