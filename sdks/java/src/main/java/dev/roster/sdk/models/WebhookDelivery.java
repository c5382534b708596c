// Generated from Roster's OpenAPI document (components.schemas.WebhookDelivery) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Generated from components.schemas.WebhookDelivery. */
public final class WebhookDelivery extends ApiObject {
    @JsonProperty("webhook_id")
    private String webhookId;
    @JsonProperty("event_id")
    private String eventId;
    @JsonProperty("status")
    private WebhookDeliveryStatus status;
    @JsonProperty("attempts")
    private int attempts;
    @JsonProperty("next_attempt_time")
    private Instant nextAttemptTime;
    @JsonProperty("last_attempt_time")
    private Instant lastAttemptTime;
    @JsonProperty("last_status_code")
    private Integer lastStatusCode;
    @JsonProperty("last_error")
    private String lastError;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("complete_time")
    private Instant completeTime;

    private WebhookDelivery() {}

    /** <code>webhook_id</code>. */
    public String getWebhookId() {
        return webhookId;
    }

    /** <code>event_id</code>. */
    public String getEventId() {
        return eventId;
    }

    /** dead: its retries (about three days) ran out. */
    public WebhookDeliveryStatus getStatus() {
        return status;
    }

    /** <code>attempts</code>. */
    public int getAttempts() {
        return attempts;
    }

    /** While pending: when it is tried next (or when an attempt in flight times out). May be null. */
    public Instant getNextAttemptTime() {
        return nextAttemptTime;
    }

    /** <code>last_attempt_time</code>. May be null. */
    public Instant getLastAttemptTime() {
        return lastAttemptTime;
    }

    /** <code>last_status_code</code>. May be null. */
    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    /** <code>last_error</code>. May be null. */
    public String getLastError() {
        return lastError;
    }

    /** <code>create_time</code>. */
    public Instant getCreateTime() {
        return createTime;
    }

    /** <code>complete_time</code>. May be null. */
    public Instant getCompleteTime() {
        return completeTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.webhookId = webhookId;
        builder.eventId = eventId;
        builder.status = status;
        builder.attempts = attempts;
        builder.nextAttemptTime = nextAttemptTime;
        builder.lastAttemptTime = lastAttemptTime;
        builder.lastStatusCode = lastStatusCode;
        builder.lastError = lastError;
        builder.createTime = createTime;
        builder.completeTime = completeTime;
        return builder;
    }

    public static final class Builder {
        private String webhookId;
        private String eventId;
        private WebhookDeliveryStatus status;
        private int attempts;
        private Instant nextAttemptTime;
        private Instant lastAttemptTime;
        private Integer lastStatusCode;
        private String lastError;
        private Instant createTime;
        private Instant completeTime;

        private Builder() {}

        public Builder setWebhookId(String webhookId) {
            this.webhookId = webhookId;
            return this;
        }

        public Builder setEventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder setStatus(WebhookDeliveryStatus status) {
            this.status = status;
            return this;
        }

        public Builder setAttempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder setNextAttemptTime(Instant nextAttemptTime) {
            this.nextAttemptTime = nextAttemptTime;
            return this;
        }

        public Builder setLastAttemptTime(Instant lastAttemptTime) {
            this.lastAttemptTime = lastAttemptTime;
            return this;
        }

        public Builder setLastStatusCode(Integer lastStatusCode) {
            this.lastStatusCode = lastStatusCode;
            return this;
        }

        public Builder setLastError(String lastError) {
            this.lastError = lastError;
            return this;
        }

        public Builder setCreateTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder setCompleteTime(Instant completeTime) {
            this.completeTime = completeTime;
            return this;
        }

        public WebhookDelivery build() {
            WebhookDelivery built = new WebhookDelivery();
            built.webhookId = webhookId;
            built.eventId = eventId;
            built.status = status;
            built.attempts = attempts;
            built.nextAttemptTime = nextAttemptTime;
            built.lastAttemptTime = lastAttemptTime;
            built.lastStatusCode = lastStatusCode;
            built.lastError = lastError;
            built.createTime = createTime;
            built.completeTime = completeTime;
            return built;
        }
    }
}
