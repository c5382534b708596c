package dev.roster.sdk;

import dev.roster.sdk.models.WebhookDeliveryStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which deliveries of a webhook endpoint, and which page. */
public final class ListWebhookDeliveriesOptions {
    private final Map<String, String> query;

    private ListWebhookDeliveriesOptions(Map<String, String> query) {
        this.query = Map.copyOf(query);
    }

    public static ListWebhookDeliveriesOptions none() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    Map<String, String> query() {
        return query;
    }

    public static final class Builder {
        private final Map<String, String> query = new LinkedHashMap<>();

        private Builder() {}

        public Builder setStatus(WebhookDeliveryStatus status) {
            if (status == WebhookDeliveryStatus.UNRECOGNIZED) throw new IllegalArgumentException("UNRECOGNIZED is not a status to filter by");
            query.put("status", status.getValue());
            return this;
        }

        /** Deliveries per page, 1 to 200 (default 50). */
        public Builder setPageSize(int pageSize) {
            query.put("page_size", Integer.toString(pageSize));
            return this;
        }

        public Builder setPageToken(String pageToken) {
            if (pageToken != null && !pageToken.isEmpty()) query.put("page_token", pageToken);
            return this;
        }

        public ListWebhookDeliveriesOptions build() {
            return new ListWebhookDeliveriesOptions(query);
        }
    }
}
