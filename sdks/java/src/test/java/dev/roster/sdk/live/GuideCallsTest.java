package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.RosterJson;
import dev.roster.sdk.models.Directory;
import dev.roster.sdk.models.DirectoryGroupsTracked;
import dev.roster.sdk.models.DirectoryProvider;
import dev.roster.sdk.models.DirectorySecretStatus;
import dev.roster.sdk.models.DirectoryStatus;
import dev.roster.sdk.models.DirectoryType;
import dev.roster.sdk.models.ListDirectoriesResponse;
import dev.roster.sdk.models.Organization;
import dev.roster.sdk.models.OrganizationSettingsFeature;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.Scim;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Scalekit's SCIM guide, its Java calls as written (but for the client's name), against a live Roster. */
class GuideCallsTest {
    @Test
    void theGuidesCallsCompileAndRunAsWritten() {
        RosterClient client = LiveRoster.client();
        String organizationId = client.organizations().createOrganization("Guide Inc", "guide-" + System.nanoTime()).getId();

        OrganizationSettingsFeature featureSCIM = OrganizationSettingsFeature.newBuilder().setName("scim").setEnabled(true).build();
        Organization updated = client.organizations().updateOrganizationSettings(organizationId, List.of(featureSCIM));
        ListDirectoriesResponse response = client.directories().listDirectories(organizationId);

        assertEquals(organizationId, updated.getId());
        assertTrue(updated.getSettings().getFeatures().stream().anyMatch(feature -> feature.getName().equals("scim") && feature.getEnabled()), updated.toString());
        assertEquals(List.of(), response.getDirectories(), "no directory yet");
        assertEquals(0, response.getTotalSize());
        assertEquals("", response.getNextPageToken());
    }

    @Test
    void theDirectoryCarriesEveryFieldOfTheGuidesExample() throws InterruptedException {
        RosterClient client = LiveRoster.client();
        Scim scim = Scim.provision(client, "Fields");
        String userId = scim.createUser("ada@fields.example", "Ada", "Lovelace");
        // Roster records when the IdP last called in batches (about a second apart), not per request.
        for (int i = 0; i < 100 && client.directories().getDirectory(scim.organizationId, scim.directoryId).getLastSyncedAt() == null; i++) Thread.sleep(100);

        ListDirectoriesResponse response = client.directories().listDirectories(scim.organizationId);
        assertEquals(1, response.getDirectories().size());
        Directory directory = response.getDirectories().get(0);

        assertNotNull(directory.getAttributeMappings().getAttributes());
        assertEquals(scim.endpoint, directory.getDirectoryEndpoint());
        assertTrue(directory.getDirectoryEndpoint().endsWith("/api/v1/directories/" + directory.getId() + "/scim/v2"), directory.getDirectoryEndpoint());
        assertEquals(DirectoryProvider.OKTA, directory.getDirectoryProvider());
        assertEquals(DirectoryType.SCIM, directory.getDirectoryType());
        assertEquals(null, directory.getEmail(), "no contact email set");
        assertTrue(directory.getEnabled());
        assertEquals(DirectoryGroupsTracked.ALL, directory.getGroupsTracked());
        assertEquals(scim.directoryId, directory.getId());
        assertNotNull(directory.getLastSyncedAt(), "the IdP has called");
        assertTrue(!directory.getName().isEmpty());
        assertEquals(scim.organizationId, directory.getOrganizationId());
        assertEquals(List.of(), directory.getRoleAssignments().getAssignments());
        assertEquals(1, directory.getSecrets().size());
        assertEquals(DirectorySecretStatus.ACTIVE, directory.getSecrets().get(0).getStatus());
        assertEquals(1, directory.getStats().getTotalUsers());
        assertEquals(DirectoryStatus.ACTIVE, directory.getStatus());
        assertEquals(0, directory.getTotalGroups());
        assertEquals(1, directory.getTotalUsers());
        assertEquals(directory, client.directories().getDirectory(scim.organizationId, scim.directoryId));
        assertEquals(directory, client.directories().getPrimaryDirectoryByOrganizationId(scim.organizationId));
        assertEquals(userId, client.directories().listDirectoryUsers(scim.organizationId, scim.directoryId).getUsers().get(0).getId());

        // What the server sends and what the model holds have the same fields, all the way down.
        JsonNode raw = LiveRoster.rawGet("/api/v1/organizations/" + scim.organizationId + "/directories");
        assertEquals(fieldPaths(raw, ""), fieldPaths(RosterJson.mapper().valueToTree(response), ""));
    }

    private static TreeSet<String> fieldPaths(JsonNode node, String at) {
        TreeSet<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                paths.add(at + "." + field.getKey());
                paths.addAll(fieldPaths(field.getValue(), at + "." + field.getKey()));
            });
        } else if (node.isArray()) {
            for (JsonNode item : node) paths.addAll(fieldPaths(item, at + "[]"));
        }
        return paths;
    }
}
