package dev.roster.sdk;

import dev.roster.sdk.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks webhook deliveries. Roster signs each per Standard Webhooks (https://www.standardwebhooks.com):
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">},
 * keyed with the base64 part of the endpoint's {@code whsec_...} secret. During a secret rotation
 * the header carries one space-separated signature per secret; any one of them is enough.
 *
 * <pre>{@code
 * WebhookVerification.verifyWebhookPayload(secret, exchange.getRequestHeaders(), body);
 * Event event = RosterJson.parse(body, Event.class);
 * }</pre>
 */
public final class WebhookVerification {
    /** Deliveries signed longer ago (or further ahead) than this are refused as replays. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";

    private WebhookVerification() {}

    /** {@link #verifyWebhookPayload(String, Map, byte[], Duration, Clock)} with a five-minute tolerance and the system clock. */
    public static boolean verifyWebhookPayload(String secret, Map<String, ?> headers, byte[] rawBody) {
        return verifyWebhookPayload(secret, headers, rawBody, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** The body as text, exactly as received (UTF-8). */
    public static boolean verifyWebhookPayload(String secret, Map<String, ?> headers, String rawBody) {
        return verifyWebhookPayload(secret, headers, rawBody.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks that a delivery was signed by Roster with {@code secret} and is recent. Pass the body
     * exactly as received: JSON parsed and serialized again no longer matches. {@code headers}
     * is any map of header names (in any case) to a value or a list of values, such as
     * {@code com.sun.net.httpserver.Headers}, Spring's {@code HttpHeaders}, or
     * {@code java.net.http.HttpHeaders.map()}. Returns true, or throws a
     * {@link WebhookVerificationException} saying why not.
     */
    public static boolean verifyWebhookPayload(String secret, Map<String, ?> headers, byte[] rawBody, Duration tolerance, Clock clock) {
        String id = header(headers, "webhook-id");
        String timestamp = header(headers, "webhook-timestamp");
        String signatures = header(headers, "webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "webhook-id, webhook-timestamp and webhook-signature are required");
        }
        byte[] key = signingKey(secret);

        if (!timestamp.matches("\\d{1,15}")) {
            throw new WebhookVerificationException(Reason.INVALID_TIMESTAMP, "webhook-timestamp \"" + timestamp + "\" is not a number of seconds");
        }
        long nowSeconds = Math.floorDiv(clock.millis(), 1000);
        if (Math.abs(nowSeconds - Long.parseLong(timestamp)) > tolerance.toSeconds()) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_OUT_OF_TOLERANCE, "webhook-timestamp is too far from now");
        }

        byte[] expected = hmac(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), rawBody);
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            // Other versions (v1a, asymmetric) are not Roster's; skip them rather than fail.
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) continue;
            byte[] presented;
            try {
                presented = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(presented, expected)) return true;
        }
        throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "no v1 signature matches the payload");
    }

    /** The header's value, names compared without case; several values are joined with spaces, as signatures are. */
    private static String header(Map<String, ?> headers, String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() == null || !entry.getKey().equalsIgnoreCase(name)) continue;
            Object value = entry.getValue();
            if (value instanceof Iterable<?> many) {
                for (Object each : many) values.add(String.valueOf(each));
            } else if (value instanceof Object[] many) {
                for (Object each : many) values.add(String.valueOf(each));
            } else if (value != null) {
                values.add(String.valueOf(value));
            }
        }
        String joined = String.join(" ", values);
        return joined.isEmpty() ? null : joined;
    }

    private static byte[] signingKey(String secret) {
        String encoded = secret == null ? "" : secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            key = new byte[0];
        }
        if (key.length == 0) throw new WebhookVerificationException(Reason.INVALID_SECRET, "the secret is not a whsec_ secret with a base64 key");
        return key;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }
}
