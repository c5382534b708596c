package dev.roster.sdk;

import dev.roster.sdk.models.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends every call: adds the bearer token (fetching one when needed, and once more after a 401),
 * retries per the {@link RetryPolicy}, and turns answers into models or typed exceptions.
 */
final class Transport {
    private static final String USER_AGENT = "roster-sdk-java/0.1.0";

    private final URI baseUrl;
    private final RosterClientOptions options;
    private final HttpClient http;
    private final AccessTokenCache tokens;

    Transport(URI baseUrl, String clientId, String clientSecret, RosterClientOptions options) {
        this.baseUrl = baseUrl;
        this.options = options;
        this.http = options.httpClient() != null ? options.httpClient() : HttpClient.newBuilder().connectTimeout(options.timeout()).build();
        this.tokens = new AccessTokenCache(() -> issueToken(clientId, clientSecret), options.clock());
    }

    /** Sends the call and reads the answer as {@code type}; null for a 204 (and {@code Void.class}). */
    <T> T call(ApiRequest request, Class<T> type) {
        HttpResponse<byte[]> response = authorized(request);
        return read(request, response, type);
    }

    private AccessTokenCache.IssuedToken issueToken(String clientId, String clientSecret) {
        ApiRequest request = ApiRequest.post("/oauth/token")
                .body(ApiRequest.fields("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
        AccessToken token = read(request, withRetries(request, null), AccessToken.class);
        return new AccessTokenCache.IssuedToken(token.getAccessToken(), token.getExpiresIn());
    }

    /**
     * A 401 means the server no longer takes the token (expired early, or its client was revoked):
     * the call is sent once more with a fresh token, and a second 401 is the caller's error.
     */
    private HttpResponse<byte[]> authorized(ApiRequest request) {
        String token = tokens.get();
        HttpResponse<byte[]> response = withRetries(request, token);
        if (response.statusCode() != 401) return response;
        tokens.invalidate(token);
        return withRetries(request, tokens.get());
    }

    private HttpResponse<byte[]> withRetries(ApiRequest request, String token) {
        RetryPolicy policy = options.retryPolicy();
        byte[] body = request.body == null ? null : RosterJson.writeBytes(request.body);
        for (int retry = 0; ; retry++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(build(request, body, token), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException failure) {
                Duration delay = policy.delay(retry, null, options.clock().instant(), ThreadLocalRandom.current()::nextDouble);
                if (retry < policy.maxRetries() && RetryPolicy.isRetryable(request.method, 0)) {
                    sleep(delay);
                    continue;
                }
                throw new ConnectionException(request.method + " " + request.path + " got no response: " + failure, failure);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ConnectionException(request.method + " " + request.path + " was interrupted", interrupted);
            }
            if (retry < policy.maxRetries() && RetryPolicy.isRetryable(request.method, response.statusCode())) {
                String retryAfter = response.headers().firstValue("retry-after").orElse(null);
                Duration delay = policy.delay(retry, retryAfter, options.clock().instant(), ThreadLocalRandom.current()::nextDouble);
                if (delay != null) {
                    sleep(delay);
                    continue;
                }
            }
            return response;
        }
    }

    private HttpRequest build(ApiRequest request, byte[] body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri(baseUrl))
                .timeout(options.timeout())
                .header("accept", "application/json")
                .header("user-agent", USER_AGENT);
        if (token != null) builder.header("authorization", "Bearer " + token);
        if (body != null) builder.header("content-type", "application/json");
        return builder.method(request.method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static <T> T read(ApiRequest request, HttpResponse<byte[]> response, Class<T> type) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) throw RosterException.fromResponse(status, response.body(), response.headers());
        if (type == Void.class || status == 204) return null;
        if (response.body().length == 0) {
            throw new RosterException(status, "empty_response", request.method + " " + request.path + ": " + status + " came without the expected body", Map.of(), response.headers(), null);
        }
        try {
            return RosterJson.mapper().readValue(response.body(), type);
        } catch (IOException unreadable) {
            throw new RosterException(status, "invalid_response", request.method + " " + request.path + ": the answer is not a " + type.getSimpleName() + ": " + unreadable.getMessage(), Map.of(), response.headers(), unreadable);
        }
    }

    private void sleep(Duration delay) {
        try {
            options.sleeper().sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting to retry", interrupted);
        }
    }
}
