package dev.roster.sdk;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The client_credentials access token (POST /oauth/token): fetched when first needed, shared by
 * every thread, and fetched again shortly before it expires so no request carries a token that
 * lapses on the way. Concurrent callers wait for one fetch instead of each making their own.
 */
final class AccessTokenCache {
    /** A token and how many seconds it is valid for, as /oauth/token answers. */
    record IssuedToken(String accessToken, long expiresInSeconds) {}

    private final Supplier<IssuedToken> issue;
    private final Clock clock;
    private String token;
    private long refreshAtMillis;

    AccessTokenCache(Supplier<IssuedToken> issue, Clock clock) {
        this.issue = issue;
        this.clock = clock;
    }

    /** How long before expiry a token is replaced: a fifth of its lifetime, at most a minute. */
    static long refreshMarginMillis(long lifetimeMillis) {
        return Math.min(60_000, lifetimeMillis / 5);
    }

    /** A token believed valid: the cached one, or a new one. */
    synchronized String get() {
        if (token != null && clock.millis() < refreshAtMillis) return token;
        long requestedAt = clock.millis();
        IssuedToken issued = issue.get();
        long lifetimeMillis = issued.expiresInSeconds() * 1000;
        // Counted from when it was asked for: the server's clock started no later than that.
        refreshAtMillis = requestedAt + lifetimeMillis - refreshMarginMillis(lifetimeMillis);
        token = issued.accessToken();
        return token;
    }

    /** Forgets {@code refused} if it is still the cached token: the server no longer takes it. */
    synchronized void invalidate(String refused) {
        if (refused.equals(token)) token = null;
    }
}
