package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.sdk.ListWebhookDeliveriesOptions;
import dev.roster.sdk.NotFoundException;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.WebhookFields;
import dev.roster.sdk.WebhookVerification;
import dev.roster.sdk.WebhookVerificationException;
import dev.roster.sdk.WebhookVerificationException.Reason;
import dev.roster.sdk.models.CreateWebhookResponse;
import dev.roster.sdk.models.RotateWebhookSecretResponse;
import dev.roster.sdk.models.Webhook;
import dev.roster.sdk.models.WebhookDeliveryStatus;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.Scim;
import dev.roster.sdk.support.WebhookReceiver;
import dev.roster.sdk.support.WebhookReceiver.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real deliveries from the live Roster to a handler on loopback, verified with the SDK: good, tampered, expired, across a secret rotation. */
class WebhookDeliveryTest {
    private static final String USER_CREATED = "organization.directory.user_created";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String userId(Delivery delivery) {
        return delivery.event() == null ? null : delivery.event().getData().path("id").asText();
    }

    @Test
    void deliveriesVerifyAndTamperedOrExpiredCopiesDoNot() throws Exception {
        RosterClient client = LiveRoster.client();
        Scim scim = Scim.provision(client, "Hooked");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            CreateWebhookResponse created = client.webhooks().create(WebhookFields.newBuilder()
                    .setUrl(receiver.url()).setDescription("user changes").setEventTypes(List.of(USER_CREATED)).setOrganizationId(scim.organizationId).build());
            String secret = created.getSecret();
            assertTrue(secret.startsWith("whsec_"), secret);
            receiver.secret(secret);
            Webhook webhook = created.getWebhook();
            assertEquals(List.of(USER_CREATED), webhook.getEventTypes());
            assertEquals(webhook, client.webhooks().get(webhook.getId()));
            assertTrue(client.webhooks().list().getWebhooks().contains(webhook));

            String userId = scim.createUser("hooked@example.com", "Hooked", "User");
            Delivery delivery = receiver.await(each -> userId.equals(userId(each)), WAIT);
            assertNull(delivery.refusal(), "the handler verified the delivery");
            assertEquals(USER_CREATED, delivery.event().getType());
            assertEquals(scim.organizationId, delivery.event().getOrganizationId());
            assertEquals(delivery.event().getId(), delivery.headers().get("Webhook-id").get(0), "webhook-id is the event's id");
            assertEquals(delivery.event(), client.events().get(delivery.event().getId()), "the Events API has the same event");

            Map<String, List<String>> headers = delivery.headers();
            byte[] body = delivery.body();
            assertTrue(WebhookVerification.verifyWebhookPayload(secret, headers, body), "good");
            assertTrue(client.verifyWebhookPayload(secret, headers, new String(body, StandardCharsets.UTF_8)), "good, as text, through the client");

            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("hooked@example.com", "mallory@example.com").getBytes(StandardCharsets.UTF_8);
            assertFalse(new String(tampered, StandardCharsets.UTF_8).equals(new String(body, StandardCharsets.UTF_8)));
            assertEquals(Reason.NO_MATCHING_SIGNATURE, assertThrows(WebhookVerificationException.class,
                    () -> WebhookVerification.verifyWebhookPayload(secret, headers, tampered)).getReason(), "tampered body");
            assertEquals(Reason.NO_MATCHING_SIGNATURE, assertThrows(WebhookVerificationException.class,
                    () -> WebhookVerification.verifyWebhookPayload(client.webhooks().create(WebhookFields.newBuilder().setUrl(receiver.url()).setEnabled(false).build()).getSecret(), headers, body)).getReason(),
                    "another endpoint's secret");

            long signedAt = Long.parseLong(headers.get("Webhook-timestamp").get(0));
            Clock sixMinutesLater = Clock.fixed(Instant.ofEpochSecond(signedAt).plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
            assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE, assertThrows(WebhookVerificationException.class,
                    () -> WebhookVerification.verifyWebhookPayload(secret, headers, body, WebhookVerification.DEFAULT_TOLERANCE, sixMinutesLater)).getReason(),
                    "expired: replayed six minutes later");
            Clock fourMinutesLater = Clock.fixed(Instant.ofEpochSecond(signedAt).plus(Duration.ofMinutes(4)), ZoneOffset.UTC);
            assertTrue(WebhookVerification.verifyWebhookPayload(secret, headers, body, WebhookVerification.DEFAULT_TOLERANCE, fourMinutesLater));

            // Rotation: both secrets sign until the grace period ends.
            RotateWebhookSecretResponse rotated = client.webhooks().rotateSecret(webhook.getId(), Duration.ofHours(1));
            receiver.secret(rotated.getSecret());
            String second = scim.createUser("rotated@example.com", "Rotated", "User");
            Delivery afterRotation = receiver.await(each -> second.equals(userId(each)), WAIT);
            assertNull(afterRotation.refusal(), "verified with the new secret");
            assertTrue(WebhookVerification.verifyWebhookPayload(secret, afterRotation.headers(), afterRotation.body()), "and with the old one during the grace period");
            assertEquals(2, afterRotation.headers().get("Webhook-signature").get(0).split(" ").length);

            // The delivery log, a replay, an update and a delete.
            String eventId = delivery.event().getId();
            assertEquals(WebhookDeliveryStatus.SUCCEEDED, client.webhooks().getDelivery(webhook.getId(), eventId).getDelivery().getStatus());
            assertTrue(client.webhooks().listDeliveries(webhook.getId(), ListWebhookDeliveriesOptions.newBuilder().setStatus(WebhookDeliveryStatus.SUCCEEDED).build())
                    .getDeliveries().stream().anyMatch(each -> each.getEventId().equals(eventId)));
            assertEquals(1, client.webhooks().replay(webhook.getId(), eventId).getReplayed());
            receiver.await(each -> each != delivery && userId.equals(userId(each)), WAIT);
            assertFalse(client.webhooks().update(webhook.getId(), WebhookFields.newBuilder().setEnabled(false).build()).getEnabled());
            client.webhooks().delete(webhook.getId());
            assertThrows(NotFoundException.class, () -> client.webhooks().get(webhook.getId()));
        }
    }
}
