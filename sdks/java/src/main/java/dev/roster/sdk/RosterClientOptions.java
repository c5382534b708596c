package dev.roster.sdk;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RosterClient} sends: retries, the per-attempt timeout, the HTTP client, the clock
 * deciding when the access token is renewed.
 *
 * <pre>{@code
 * RosterClientOptions options = RosterClientOptions.newBuilder()
 *     .setRetryPolicy(RetryPolicy.DEFAULT.withMaxRetries(5))
 *     .setTimeout(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 */
public final class RosterClientOptions {
    /** How to wait between retries (a seam for tests). */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final HttpClient httpClient;
    private final Clock clock;
    private final Sleeper sleeper;

    private RosterClientOptions(Builder builder) {
        this.retryPolicy = builder.retryPolicy;
        this.timeout = builder.timeout;
        this.httpClient = builder.httpClient;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
    }

    public static RosterClientOptions defaults() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The HTTP client given, or null for one made by the SDK. */
    public HttpClient httpClient() {
        return httpClient;
    }

    public Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    public static final class Builder {
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration timeout = Duration.ofSeconds(30);
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

        private Builder() {}

        /** Retries on 429, 503 and (but for POST) other 5xx and lost connections; {@link RetryPolicy#NONE} turns them off. */
        public Builder setRetryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** Per attempt (default 30 seconds). */
        public Builder setTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
            this.timeout = timeout;
            return this;
        }

        /** The HTTP client to send with (proxies, TLS settings, an executor); by default the SDK makes one. */
        public Builder setHttpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** The clock deciding when the access token is renewed (default the system clock). */
        public Builder setClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        Builder setSleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        public RosterClientOptions build() {
            return new RosterClientOptions(this);
        }
    }
}
