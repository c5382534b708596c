package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @ParameterizedTest(name = "{0} answered {1}: retried {2}")
    @CsvSource({
        "GET, 429, true", "POST, 429, true", "POST, 503, true", "DELETE, 503, true",
        "GET, 500, true", "PATCH, 502, true", "PUT, 504, true", "POST, 500, false", "POST, 502, false",
        "GET, 0, true", "POST, 0, false", "GET, 400, false", "GET, 401, false", "GET, 404, false", "GET, 409, false", "GET, 200, false",
    })
    void whatIsSentAgain(String method, int status, boolean retried) {
        assertEquals(retried, RetryPolicy.isRetryable(method, status));
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" is {1} ms")
    @CsvSource(value = {
        "0|0", "1|1000", "120|120000", " 7 |7000",
        "Fri, 01 May 2026 12:00:30 GMT|30000", "Fri, 01 May 2026 11:59:00 GMT|0",
        "-1|", "1.5|", "soon|", "|", "99999999999|",
    }, delimiter = '|')
    void retryAfterIsReadAsSecondsOrAnHttpDate(String header, Long millis) {
        Duration parsed = RetryPolicy.parseRetryAfter(header, NOW);
        assertEquals(millis, parsed == null ? null : parsed.toMillis());
    }

    @Test
    void backoffDoublesWithEqualJitterUpToTheCeiling() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        long[] ceilings = {250, 500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int retry = 0; retry < ceilings.length; retry++) {
            assertEquals(ceilings[retry] / 2, policy.delay(retry, null, NOW, () -> 0.0).toMillis(), "retry " + retry + " at the least");
            assertEquals(ceilings[retry], policy.delay(retry, null, NOW, () -> 1.0).toMillis(), "retry " + retry + " at the most");
        }
        assertEquals(8000, policy.delay(1000, null, NOW, () -> 1.0).toMillis(), "no overflow on a large retry count");
    }

    @Test
    void retryAfterWinsUpToTheLongestWaitAndIsRefusedPastIt() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertEquals(Duration.ofSeconds(5), policy.delay(0, "5", NOW, () -> 0.5));
        assertEquals(Duration.ofSeconds(60), policy.delay(0, "60", NOW, () -> 0.5));
        assertNull(policy.delay(0, "61", NOW, () -> 0.5), "longer than maxRetryAfter: not waited for");
        Duration unreadable = policy.delay(2, "later", NOW, () -> 0.5);
        assertTrue(unreadable.toMillis() >= 500 && unreadable.toMillis() <= 1000, "an unreadable Retry-After falls back to backoff: " + unreadable);
    }
}
