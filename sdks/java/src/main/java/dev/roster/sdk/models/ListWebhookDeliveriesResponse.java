// Generated from Roster's OpenAPI document (components.schemas.ListWebhookDeliveriesResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.ListWebhookDeliveriesResponse. */
public final class ListWebhookDeliveriesResponse extends ApiObject {
    @JsonProperty("deliveries")
    private List<WebhookDelivery> deliveries;
    @JsonProperty("next_page_token")
    private String nextPageToken;

    private ListWebhookDeliveriesResponse() {}

    /** <code>deliveries</code>. */
    public List<WebhookDelivery> getDeliveries() {
        return deliveries == null ? null : Collections.unmodifiableList(deliveries);
    }

    /** Pass as page_token for the next page; empty on the last page. */
    public String getNextPageToken() {
        return nextPageToken;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.deliveries = deliveries;
        builder.nextPageToken = nextPageToken;
        return builder;
    }

    public static final class Builder {
        private List<WebhookDelivery> deliveries;
        private String nextPageToken;

        private Builder() {}

        public Builder setDeliveries(List<WebhookDelivery> deliveries) {
            this.deliveries = deliveries == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(deliveries));
            return this;
        }

        public Builder setNextPageToken(String nextPageToken) {
            this.nextPageToken = nextPageToken;
            return this;
        }

        public ListWebhookDeliveriesResponse build() {
            ListWebhookDeliveriesResponse built = new ListWebhookDeliveriesResponse();
            built.deliveries = deliveries;
            built.nextPageToken = nextPageToken;
            return built;
        }
    }
}
