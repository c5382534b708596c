// Generated from Roster's OpenAPI document (components.schemas.Webhook) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** An endpoint that receives events, signed per Standard Webhooks. */
public final class Webhook extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("url")
    private String url;
    @JsonProperty("description")
    private String description;
    @JsonProperty("enabled")
    private boolean enabled;
    @JsonProperty("disabled_reason")
    private WebhookDisabledReason disabledReason;
    @JsonProperty("event_types")
    private List<String> eventTypes;
    @JsonProperty("organization_id")
    private String organizationId;
    @JsonProperty("failing_since")
    private Instant failingSince;
    @JsonProperty("last_success_time")
    private Instant lastSuccessTime;
    @JsonProperty("last_failure_time")
    private Instant lastFailureTime;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("update_time")
    private Instant updateTime;

    private Webhook() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>url</code>. */
    public String getUrl() {
        return url;
    }

    /** <code>description</code>. */
    public String getDescription() {
        return description;
    }

    /** <code>enabled</code>. */
    public boolean getEnabled() {
        return enabled;
    }

    /** "failing": Roster disabled it after it failed without a success for ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS and a delivery died. May be null. */
    public WebhookDisabledReason getDisabledReason() {
        return disabledReason;
    }

    /** The event types it receives; empty: all. */
    public List<String> getEventTypes() {
        return eventTypes == null ? null : Collections.unmodifiableList(eventTypes);
    }

    /** Only this organization's events; null: all. May be null. */
    public String getOrganizationId() {
        return organizationId;
    }

    /** The first failed attempt since the last success. May be null. */
    public Instant getFailingSince() {
        return failingSince;
    }

    /** <code>last_success_time</code>. May be null. */
    public Instant getLastSuccessTime() {
        return lastSuccessTime;
    }

    /** <code>last_failure_time</code>. May be null. */
    public Instant getLastFailureTime() {
        return lastFailureTime;
    }

    /** <code>create_time</code>. */
    public Instant getCreateTime() {
        return createTime;
    }

    /** <code>update_time</code>. */
    public Instant getUpdateTime() {
        return updateTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.url = url;
        builder.description = description;
        builder.enabled = enabled;
        builder.disabledReason = disabledReason;
        builder.eventTypes = eventTypes;
        builder.organizationId = organizationId;
        builder.failingSince = failingSince;
        builder.lastSuccessTime = lastSuccessTime;
        builder.lastFailureTime = lastFailureTime;
        builder.createTime = createTime;
        builder.updateTime = updateTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String url;
        private String description;
        private boolean enabled;
        private WebhookDisabledReason disabledReason;
        private List<String> eventTypes;
        private String organizationId;
        private Instant failingSince;
        private Instant lastSuccessTime;
        private Instant lastFailureTime;
        private Instant createTime;
        private Instant updateTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setUrl(String url) {
            this.url = url;
            return this;
        }

        public Builder setDescription(String description) {
            this.description = description;
            return this;
        }

        public Builder setEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder setDisabledReason(WebhookDisabledReason disabledReason) {
            this.disabledReason = disabledReason;
            return this;
        }

        public Builder setEventTypes(List<String> eventTypes) {
            this.eventTypes = eventTypes == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(eventTypes));
            return this;
        }

        public Builder setOrganizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder setFailingSince(Instant failingSince) {
            this.failingSince = failingSince;
            return this;
        }

        public Builder setLastSuccessTime(Instant lastSuccessTime) {
            this.lastSuccessTime = lastSuccessTime;
            return this;
        }

        public Builder setLastFailureTime(Instant lastFailureTime) {
            this.lastFailureTime = lastFailureTime;
            return this;
        }

        public Builder setCreateTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder setUpdateTime(Instant updateTime) {
            this.updateTime = updateTime;
            return this;
        }

        public Webhook build() {
            Webhook built = new Webhook();
            built.id = id;
            built.url = url;
            built.description = description;
            built.enabled = enabled;
            built.disabledReason = disabledReason;
            built.eventTypes = eventTypes;
            built.organizationId = organizationId;
            built.failingSince = failingSince;
            built.lastSuccessTime = lastSuccessTime;
            built.lastFailureTime = lastFailureTime;
            built.createTime = createTime;
            built.updateTime = updateTime;
            return built;
        }
    }
}
