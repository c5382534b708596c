package dev.roster.sdk;

import static dev.roster.sdk.ApiRequest.fields;

import dev.roster.sdk.models.CreateWebhookResponse;
import dev.roster.sdk.models.ListWebhookDeliveriesResponse;
import dev.roster.sdk.models.ListWebhooksResponse;
import dev.roster.sdk.models.ReplayWebhookResponse;
import dev.roster.sdk.models.RotateWebhookSecretResponse;
import dev.roster.sdk.models.Webhook;
import dev.roster.sdk.models.WebhookDeliveryResponse;
import dev.roster.sdk.models.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code client.webhooks()}: endpoints that receive events signed per Standard Webhooks (check them with {@link WebhookVerification}). */
public final class WebhooksClient {
    private static final String WEBHOOK = "/api/v1/webhooks/{webhook_id}";

    private final Transport transport;

    WebhooksClient(Transport transport) {
        this.transport = transport;
    }

    /** The signing secret ({@code whsec_...}, {@code getSecret()}) is in this answer only. */
    public CreateWebhookResponse create(WebhookFields fields) {
        Map<String, Object> body = fields.body();
        if (!(body.get("url") instanceof String)) throw new IllegalArgumentException("a webhook needs a url (WebhookFields.Builder.setUrl)");
        return transport.call(ApiRequest.post("/api/v1/webhooks").body(body), CreateWebhookResponse.class);
    }

    public ListWebhooksResponse list() {
        return transport.call(ApiRequest.get("/api/v1/webhooks"), ListWebhooksResponse.class);
    }

    public Webhook get(String webhookId) {
        return transport.call(ApiRequest.get(WEBHOOK, webhookId), WebhookResponse.class).getWebhook();
    }

    /** Fields not set keep their value. */
    public Webhook update(String webhookId, WebhookFields fields) {
        return transport.call(ApiRequest.patch(WEBHOOK, webhookId).body(fields.body()), WebhookResponse.class).getWebhook();
    }

    public void delete(String webhookId) {
        transport.call(ApiRequest.delete(WEBHOOK, webhookId), Void.class);
    }

    /** A new signing secret; deliveries carry a signature for each secret for 24 hours. */
    public RotateWebhookSecretResponse rotateSecret(String webhookId) {
        return rotateSecret(webhookId, null);
    }

    /** A new signing secret; the old ones keep signing for {@code gracePeriod} (whole seconds, at most 7 days; null for 24 hours). */
    public RotateWebhookSecretResponse rotateSecret(String webhookId, Duration gracePeriod) {
        Map<String, Object> body = fields();
        if (gracePeriod != null) body.put("grace_period_seconds", gracePeriod.toSeconds());
        return transport.call(ApiRequest.post(WEBHOOK + "/secrets:rotate", webhookId).body(body), RotateWebhookSecretResponse.class);
    }

    /** Sends one event again. */
    public ReplayWebhookResponse replay(String webhookId, String eventId) {
        return transport.call(ApiRequest.post(WEBHOOK + ":replay", webhookId).body(fields("event_id", eventId)), ReplayWebhookResponse.class);
    }

    /** Sends every event since {@code since} again. */
    public ReplayWebhookResponse replay(String webhookId, Instant since) {
        return transport.call(ApiRequest.post(WEBHOOK + ":replay", webhookId).body(fields("since", since.toString())), ReplayWebhookResponse.class);
    }

    /** Deliveries, newest event first. */
    public ListWebhookDeliveriesResponse listDeliveries(String webhookId) {
        return listDeliveries(webhookId, ListWebhookDeliveriesOptions.none());
    }

    public ListWebhookDeliveriesResponse listDeliveries(String webhookId, ListWebhookDeliveriesOptions options) {
        return transport.call(ApiRequest.get(WEBHOOK + "/deliveries", webhookId).query(options.query()), ListWebhookDeliveriesResponse.class);
    }

    /** One delivery with its attempt log. */
    public WebhookDeliveryResponse getDelivery(String webhookId, String eventId) {
        return transport.call(ApiRequest.get(WEBHOOK + "/deliveries/{event_id}", webhookId, eventId), WebhookDeliveryResponse.class);
    }
}
