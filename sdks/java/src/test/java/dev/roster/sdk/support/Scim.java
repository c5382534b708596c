package dev.roster.sdk.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.RosterJson;
import dev.roster.sdk.models.CreateDirectorySecretResponse;
import dev.roster.sdk.models.Directory;
import dev.roster.sdk.models.DirectoryProvider;
import dev.roster.sdk.models.Organization;
import dev.roster.sdk.models.OrganizationSettingsFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A directory as an IdP sees it: its SCIM endpoint and bearer secret, made through the SDK, and
 * SCIM requests sent with java.net.http as Okta or Entra would send them.
 */
public final class Scim {
    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final String organizationId;
    public final String directoryId;
    public final String endpoint;
    public final String secret;

    private Scim(String organizationId, String directoryId, String endpoint, String secret) {
        this.organizationId = organizationId;
        this.directoryId = directoryId;
        this.endpoint = endpoint;
        this.secret = secret;
    }

    /** An organization (unique name) with SCIM on, an Okta directory and a secret. */
    public static Scim provision(RosterClient client, String name) {
        Organization organization = client.organizations().createOrganization(name + " " + UUID.randomUUID().toString().substring(0, 8));
        client.organizations().updateOrganizationSettings(organization.getId(), List.of(OrganizationSettingsFeature.newBuilder().setName("scim").setEnabled(true).build()));
        Directory directory = client.directories().createDirectory(organization.getId(), DirectoryProvider.OKTA);
        CreateDirectorySecretResponse secret = client.directories().createDirectorySecret(organization.getId(), directory.getId());
        return new Scim(organization.getId(), directory.getId(), directory.getDirectoryEndpoint(), secret.getPlainSecret());
    }

    /** POSTs a SCIM user; returns its id. */
    public String createUser(String userName, String givenName, String familyName) {
        return create("Users", Map.of(
                "schemas", List.of(USER_SCHEMA),
                "userName", userName,
                "name", Map.of("givenName", givenName, "familyName", familyName),
                "emails", List.of(Map.of("value", userName, "type", "work", "primary", true)),
                "active", true));
    }

    /** POSTs a SCIM group with these members; returns its id. */
    public String createGroup(String displayName, List<String> memberIds) {
        return create("Groups", Map.of("schemas", List.of(GROUP_SCHEMA), "displayName", displayName, "members", memberIds.stream().map(id -> Map.of("value", id)).toList()));
    }

    private String create(String type, Map<String, Object> resource) {
        HttpResponse<String> response = send("POST", "/" + type, RosterJson.write(resource));
        assertEquals(201, response.statusCode(), response.body());
        return RosterJson.parse(response.body(), JsonNode.class).get("id").asText();
    }

    public HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).header("authorization", "Bearer " + secret);
        if (body != null) request.header("content-type", "application/scim+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException error) {
            throw new IllegalStateException(method + " " + path, error);
        } catch (InterruptedException error) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(error);
        }
    }
}
