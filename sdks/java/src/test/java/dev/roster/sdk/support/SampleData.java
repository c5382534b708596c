package dev.roster.sdk.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.RosterJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * "Send sample data" as an admin presses it in the customer portal, with java.net.http (not the
 * SDK): the portal link opened for its session cookie, the session read for its CSRF token, then
 * the push.
 */
public final class SampleData {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SampleData() {}

    /** Opens the portal with {@code portalLink} and pushes the sample users and groups into the directory; returns the push's result (users, groups, failed_requests). */
    public static JsonNode push(String portalLink, String directoryId) {
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(portalLink)).GET().build());
        assertTrue(opened.statusCode() < 400, opened.body());
        // The session cookie is Secure; sent by hand to the plain-http loopback server.
        String cookie = opened.headers().allValues("set-cookie").stream().filter(value -> value.startsWith("roster_portal=")).map(value -> value.split(";")[0]).findFirst().orElse(null);
        assertNotNull(cookie, "the portal link set no session cookie");
        URI origin = URI.create(portalLink).resolve("/");
        HttpResponse<String> session = send(HttpRequest.newBuilder(origin.resolve("/api/v1/portal/session")).header("cookie", cookie).GET().build());
        assertEquals(200, session.statusCode(), session.body());
        String csrf = RosterJson.parse(session.body(), JsonNode.class).get("csrf_token").asText();
        HttpResponse<String> pushed = send(HttpRequest.newBuilder(origin.resolve("/api/v1/portal/directories/" + directoryId + ":simulate"))
                .header("cookie", cookie).header("x-roster-csrf", csrf).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, pushed.statusCode(), pushed.body());
        return RosterJson.parse(pushed.body(), JsonNode.class).get("result");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException error) {
            throw new IllegalStateException(request.uri().toString(), error);
        } catch (InterruptedException error) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(error);
        }
    }
}
