package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same payloads, same verdicts: packages/server/test/sdks/java.test.ts signs deliveries with the
 * server's own signer (events/signing.ts), records what {@code @roster/sdk}'s verifyWebhookPayload
 * says of each (and of tampered, stale and re-keyed copies), and hands them over as a JSON file
 * named by ROSTER_WEBHOOK_FIXTURES. The Java verifier must agree on every one.
 */
class WebhookCrossCheckTest {
    @Test
    void theJavaVerifierAgreesWithTheTypeScriptSdkOnTheServersSignatures() throws IOException {
        String file = System.getenv("ROSTER_WEBHOOK_FIXTURES");
        assumeTrue(file != null && !file.isBlank(), "ROSTER_WEBHOOK_FIXTURES is not set: packages/server/test/sdks/java.test.ts writes the signed payloads it names");
        JsonNode fixtures = RosterJson.mapper().readTree(Files.readString(Path.of(file)));
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (JsonNode fixture : fixtures.get("cases")) {
            Map<String, Object> headers = new LinkedHashMap<>();
            fixture.get("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
            byte[] body = Base64.getDecoder().decode(fixture.get("body_base64").asText());
            Clock clock = Clock.fixed(Instant.ofEpochMilli(fixture.get("now_ms").asLong()), ZoneOffset.UTC);
            Duration tolerance = Duration.ofSeconds(fixture.get("tolerance_seconds").asLong());
            String verdict;
            try {
                WebhookVerification.verifyWebhookPayload(fixture.get("secret").asText(), headers, body, tolerance, clock);
                verdict = "ok";
                accepted++;
            } catch (WebhookVerificationException refused) {
                verdict = refused.getReason().getCode();
            }
            String expected = fixture.get("expected").asText();
            if (!verdict.equals(expected)) disagreements.add(fixture.get("name").asText() + ": @roster/sdk says " + expected + ", Java says " + verdict);
        }
        assertTrue(fixtures.get("cases").size() >= 10, "the fixture file has its cases");
        assertTrue(accepted >= 2, "some signatures are good");
        assertEquals(List.of(), disagreements);
    }
}
