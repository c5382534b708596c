package dev.roster.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook endpoint's fields, for {@code create} (the URL is required) and {@code update} (those not set keep their value). */
public final class WebhookFields extends BodyFields {
    private WebhookFields(Map<String, Object> body) {
        super(body);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder() {}

        /** Where events are POSTed (https:// in production). */
        public Builder setUrl(String url) {
            body.put("url", url);
            return this;
        }

        public Builder setDescription(String description) {
            body.put("description", description);
            return this;
        }

        /** Default true. Enabling clears the failure record. */
        public Builder setEnabled(boolean enabled) {
            body.put("enabled", enabled);
            return this;
        }

        /** Types to receive; all when left out or empty. */
        public Builder setEventTypes(List<String> eventTypes) {
            body.put("event_types", List.copyOf(eventTypes));
            return this;
        }

        /** Only this organization's events; all when left out. */
        public Builder setOrganizationId(String organizationId) {
            body.put("organization_id", organizationId);
            return this;
        }

        /** Receive every organization's events again (on update). */
        public Builder clearOrganizationId() {
            body.put("organization_id", null);
            return this;
        }

        public WebhookFields build() {
            return new WebhookFields(body);
        }
    }
}
