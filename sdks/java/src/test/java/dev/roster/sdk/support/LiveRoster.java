package dev.roster.sdk.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.RosterJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The Roster the live tests run against: ROSTER_URL, ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET
 * (packages/server/test/sdks/java.test.ts starts one and sets them). Without ROSTER_URL the
 * live tests are skipped, saying why.
 */
public final class LiveRoster {
    public static final String SKIPPED =
            "ROSTER_URL is not set: live tests need a running Roster and an API client (ROSTER_URL, ROSTER_CLIENT_ID, ROSTER_CLIENT_SECRET; see sdks/java/README.md, Tests)";

    private LiveRoster() {}

    private static boolean told;

    /** The base URL; skips the calling test when none is set (saying why once: Surefire does not print skip reasons). */
    public static String url() {
        String url = System.getenv("ROSTER_URL");
        if ((url == null || url.isBlank()) && !told) {
            told = true;
            System.err.println("Skipping the live tests: " + SKIPPED);
        }
        assumeTrue(url != null && !url.isBlank(), SKIPPED);
        return url.replaceAll("/+$", "");
    }

    public static String clientId() {
        url();
        return required("ROSTER_CLIENT_ID");
    }

    public static String clientSecret() {
        url();
        return required("ROSTER_CLIENT_SECRET");
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) throw new IllegalStateException("ROSTER_URL is set but " + name + " is not");
        return value;
    }

    public static RosterClient client() {
        return new RosterClient(url(), clientId(), clientSecret());
    }

    /** A token issued to the API client, as POST /oauth/token answers: access_token, expires_in. */
    public static JsonNode issueToken() {
        String form = "grant_type=client_credentials&client_id=" + clientId() + "&client_secret=" + clientSecret();
        return send(HttpRequest.newBuilder(URI.create(url() + "/oauth/token"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** GET {@code path} as JSON, exactly as the server sends it (no SDK in between). */
    public static JsonNode rawGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("authorization", "Bearer " + issueToken().get("access_token").asText()).build());
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            return RosterJson.mapper().readTree(response.body());
        } catch (IOException error) {
            throw new IllegalStateException(request.uri().toString(), error);
        } catch (InterruptedException error) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(error);
        }
    }

    /** The OpenAPI document the server serves at /api/openapi.json. */
    public static JsonNode openApiDocument() {
        return send(HttpRequest.newBuilder(URI.create(url() + "/api/openapi.json")).build());
    }
}
