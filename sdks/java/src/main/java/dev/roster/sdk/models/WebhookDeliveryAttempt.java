// Generated from Roster's OpenAPI document (components.schemas.WebhookDeliveryResponse.attempt_log[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Generated from components.schemas.WebhookDeliveryResponse.attempt_log[]. */
public final class WebhookDeliveryAttempt extends ApiObject {
    @JsonProperty("attempt")
    private int attempt;
    @JsonProperty("attempt_time")
    private Instant attemptTime;
    @JsonProperty("status_code")
    private Integer statusCode;
    @JsonProperty("latency_ms")
    private int latencyMs;
    @JsonProperty("error")
    private String error;
    @JsonProperty("response_excerpt")
    private String responseExcerpt;

    private WebhookDeliveryAttempt() {}

    /** <code>attempt</code>. */
    public int getAttempt() {
        return attempt;
    }

    /** <code>attempt_time</code>. */
    public Instant getAttemptTime() {
        return attemptTime;
    }

    /** null: no response (refused, timed out, connection failed). May be null. */
    public Integer getStatusCode() {
        return statusCode;
    }

    /** <code>latency_ms</code>. */
    public int getLatencyMs() {
        return latencyMs;
    }

    /** <code>error</code>. May be null. */
    public String getError() {
        return error;
    }

    /** The first 1,000 characters of the response body. May be null. */
    public String getResponseExcerpt() {
        return responseExcerpt;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.attempt = attempt;
        builder.attemptTime = attemptTime;
        builder.statusCode = statusCode;
        builder.latencyMs = latencyMs;
        builder.error = error;
        builder.responseExcerpt = responseExcerpt;
        return builder;
    }

    public static final class Builder {
        private int attempt;
        private Instant attemptTime;
        private Integer statusCode;
        private int latencyMs;
        private String error;
        private String responseExcerpt;

        private Builder() {}

        public Builder setAttempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        public Builder setAttemptTime(Instant attemptTime) {
            this.attemptTime = attemptTime;
            return this;
        }

        public Builder setStatusCode(Integer statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder setLatencyMs(int latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        public Builder setError(String error) {
            this.error = error;
            return this;
        }

        public Builder setResponseExcerpt(String responseExcerpt) {
            this.responseExcerpt = responseExcerpt;
            return this;
        }

        public WebhookDeliveryAttempt build() {
            WebhookDeliveryAttempt built = new WebhookDeliveryAttempt();
            built.attempt = attempt;
            built.attemptTime = attemptTime;
            built.statusCode = statusCode;
            built.latencyMs = latencyMs;
            built.error = error;
            built.responseExcerpt = responseExcerpt;
            return built;
        }
    }
}
