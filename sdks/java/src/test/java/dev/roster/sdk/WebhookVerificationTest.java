package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.sdk.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * verifyWebhookPayload against the Standard Webhooks reference test vectors: the key, message id,
 * timestamp, payload and signature below, and the cases around them, are those of the reference
 * libraries' own tests (github.com/standard-webhooks/standard-webhooks,
 * libraries/javascript/src/webhook.test.ts and
 * libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java).
 */
class WebhookVerificationTest {
    private static final String SECRET = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Duration TOLERANCE = WebhookVerification.DEFAULT_TOLERANCE;

    private static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    private static Map<String, Object> headers(String id, String timestamp, String signature) {
        Map<String, Object> headers = new HashMap<>();
        if (id != null) headers.put("webhook-id", id);
        if (timestamp != null) headers.put("webhook-timestamp", timestamp);
        if (signature != null) headers.put("webhook-signature", signature);
        return headers;
    }

    private static Map<String, Object> signed(long timestamp) {
        return headers(MESSAGE_ID, Long.toString(timestamp), sign(SECRET, MESSAGE_ID, timestamp, PAYLOAD));
    }

    /** A signature made here, independently of the SDK, as the reference tests make theirs. */
    static String sign(String base64Key, String id, long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Reason refused(String secret, Map<String, ?> headers, String payload, Clock clock) {
        return assertThrows(WebhookVerificationException.class,
                () -> WebhookVerification.verifyWebhookPayload(secret, headers, payload.getBytes(StandardCharsets.UTF_8), TOLERANCE, clock)).getReason();
    }

    private static boolean accepted(String secret, Map<String, ?> headers, String payload, Clock clock) {
        return WebhookVerification.verifyWebhookPayload(secret, headers, payload.getBytes(StandardCharsets.UTF_8), TOLERANCE, clock);
    }

    @Test
    void theReferenceSignatureVerifiesWithOrWithoutTheWhsecPrefix() {
        Map<String, Object> reference = headers(MESSAGE_ID, Long.toString(TIMESTAMP), SIGNATURE);
        assertTrue(accepted("whsec_" + SECRET, reference, PAYLOAD, at(TIMESTAMP)));
        assertTrue(accepted(SECRET, reference, PAYLOAD, at(TIMESTAMP)));
        assertEquals(SIGNATURE, sign(SECRET, MESSAGE_ID, TIMESTAMP, PAYLOAD), "the test's own signer agrees with the reference vector");
    }

    @Test
    void theReferenceRefusals() {
        long now = TIMESTAMP;
        Map<String, Object> valid = signed(now);
        assertEquals(Reason.MISSING_HEADER, refused(SECRET, headers(null, Long.toString(now), (String) valid.get("webhook-signature")), PAYLOAD, at(now)), "missing id");
        assertEquals(Reason.MISSING_HEADER, refused(SECRET, headers(MESSAGE_ID, null, (String) valid.get("webhook-signature")), PAYLOAD, at(now)), "missing timestamp");
        assertEquals(Reason.MISSING_HEADER, refused(SECRET, headers(MESSAGE_ID, Long.toString(now), null), PAYLOAD, at(now)), "missing signature");
        assertEquals(Reason.INVALID_TIMESTAMP, refused(SECRET, headers(MESSAGE_ID, "hello", (String) valid.get("webhook-signature")), PAYLOAD, at(now)), "invalid timestamp");
        assertEquals(Reason.NO_MATCHING_SIGNATURE, refused(SECRET, headers(MESSAGE_ID, Long.toString(now), "v1,dawfeoifkpqwoekfpqoekf"), PAYLOAD, at(now)), "invalid signature");
        String full = (String) valid.get("webhook-signature");
        assertEquals(Reason.NO_MATCHING_SIGNATURE, refused(SECRET, headers(MESSAGE_ID, Long.toString(now), full.substring(0, 8)), PAYLOAD, at(now)), "partial signature");
        assertEquals(Reason.NO_MATCHING_SIGNATURE, refused(SECRET, headers(MESSAGE_ID, Long.toString(now), "v1,"), PAYLOAD, at(now)), "empty signature");
        assertEquals(Reason.NO_MATCHING_SIGNATURE, refused(SECRET, headers(MESSAGE_ID, Long.toString(now), full.replace("v1,", "v2,")), PAYLOAD, at(now)), "another version");
        assertEquals(Reason.INVALID_SECRET, refused("", valid, PAYLOAD, at(now)), "empty key");
        assertEquals(Reason.INVALID_SECRET, refused("whsec_", valid, PAYLOAD, at(now)), "empty key after the prefix");
    }

    @Test
    void theReferenceTimestampsOutsideFiveMinutesAreRefused() {
        long now = TIMESTAMP;
        long tolerance = TOLERANCE.toSeconds();
        assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE, refused(SECRET, signed(now - tolerance - 1), PAYLOAD, at(now)), "old");
        assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE, refused(SECRET, signed(now + tolerance + 1), PAYLOAD, at(now)), "new");
        assertTrue(accepted(SECRET, signed(now - tolerance), PAYLOAD, at(now)), "exactly five minutes old is still on time");
        assertTrue(accepted(SECRET, signed(now + tolerance), PAYLOAD, at(now)));
    }

    @Test
    void theReferenceMultiSignatureHeaderIsValid() {
        String valid = sign(SECRET, MESSAGE_ID, TIMESTAMP, PAYLOAD);
        String signatures = String.join(" ", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", valid,
                "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        assertTrue(accepted(SECRET, headers(MESSAGE_ID, Long.toString(TIMESTAMP), signatures), PAYLOAD, at(TIMESTAMP)));
    }

    @Test
    void headersAsServersHandThemOver() {
        String signature = sign(SECRET, MESSAGE_ID, TIMESTAMP, PAYLOAD);
        // com.sun.net.httpserver.Headers: names capitalized, values as lists.
        Map<String, List<String>> httpServer = Map.of("Webhook-id", List.of(MESSAGE_ID), "Webhook-timestamp", List.of(Long.toString(TIMESTAMP)), "Webhook-signature", List.of(signature));
        assertTrue(accepted(SECRET, httpServer, PAYLOAD, at(TIMESTAMP)));
        // A repeated signature header: any one value may carry the matching signature.
        Map<String, List<String>> repeated = Map.of("webhook-id", List.of(MESSAGE_ID), "webhook-timestamp", List.of(Long.toString(TIMESTAMP)),
                "webhook-signature", List.of("v1," + Base64.getEncoder().encodeToString(new byte[32]), signature));
        assertTrue(accepted(SECRET, repeated, PAYLOAD, at(TIMESTAMP)));
        Map<String, String[]> arrays = Map.of("WEBHOOK-ID", new String[] {MESSAGE_ID}, "WEBHOOK-TIMESTAMP", new String[] {Long.toString(TIMESTAMP)}, "WEBHOOK-SIGNATURE", new String[] {signature});
        assertTrue(accepted(SECRET, arrays, PAYLOAD, at(TIMESTAMP)));
        assertEquals(Reason.NO_MATCHING_SIGNATURE, refused(SECRET, httpServer, PAYLOAD.replace("2432232314", "2432232315"), at(TIMESTAMP)), "a changed body");
        assertEquals(Reason.NO_MATCHING_SIGNATURE, refused(SECRET, httpServer, "{\"test\":2432232314}", at(TIMESTAMP)), "the same JSON serialized again");
        assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE, assertThrows(WebhookVerificationException.class,
                () -> WebhookVerification.verifyWebhookPayload(SECRET, httpServer, PAYLOAD.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60), at(TIMESTAMP + 61))).getReason(),
                "a tighter tolerance");
        assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE, refused(SECRET, headers(MESSAGE_ID, Long.toString(TIMESTAMP * 1000), signature), PAYLOAD, at(TIMESTAMP)), "milliseconds");
        assertEquals(Reason.INVALID_TIMESTAMP, refused(SECRET, headers(MESSAGE_ID, "1".repeat(16), signature), PAYLOAD, at(TIMESTAMP)), "too many digits");
        assertEquals(Reason.INVALID_SECRET, refused("whsec_not base64!", httpServer, PAYLOAD, at(TIMESTAMP)));
    }
}
