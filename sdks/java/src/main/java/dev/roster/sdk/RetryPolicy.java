package dev.roster.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before sending a request again: {@code maxRetries} attempts after the
 * first, exponential backoff from {@code baseDelay} (doubling, at most {@code maxDelay}) with
 * jitter, and a server's {@code Retry-After} honored up to {@code maxRetryAfter}.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));
    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more");
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) throw new IllegalArgumentException("delays cannot be negative");
    }

    public RetryPolicy withMaxRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRetryAfter);
    }

    public RetryPolicy withBaseDelay(Duration baseDelay) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRetryAfter);
    }

    /**
     * 429 and 503 mean the server did not act on the request, so any method is sent again. Other
     * 5xx answers (and lost connections, {@code status} 0) may come after the change was made: only
     * methods whose repeat leaves the same state are sent again. Every Roster route but POST is
     * such a method (PUT and PATCH set fields; DELETE of a deleted resource is a 404).
     */
    static boolean isRetryable(String method, int status) {
        if (status == 429 || status == 503) return true;
        boolean repeatable = !"POST".equalsIgnoreCase(method);
        if (status == 0) return repeatable;
        return repeatable && status >= 500;
    }

    /** Retry-After as a wait from {@code now}: delta-seconds or an HTTP-date (RFC 9110 section 10.2.3); null when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,10}")) return Duration.ofSeconds(Long.parseLong(trimmed));
        try {
            Instant date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
            Duration wait = Duration.between(now, date);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * The wait before retry number {@code retry} (0 for the first retry), or null when the server
     * asks for longer than this policy waits. Exponential backoff with "equal jitter" (half fixed,
     * half random) so clients that failed together do not come back together; Retry-After wins.
     */
    Duration delay(int retry, String retryAfter, Instant now, DoubleSupplier random) {
        Duration asked = parseRetryAfter(retryAfter, now);
        if (asked != null) return asked.compareTo(maxRetryAfter) <= 0 ? asked : null;
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(retry, 30)));
        return Duration.ofMillis(ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2)));
    }
}
