package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.sdk.BadRequestException;
import dev.roster.sdk.ConflictException;
import dev.roster.sdk.DirectoryFields;
import dev.roster.sdk.NotFoundException;
import dev.roster.sdk.OrganizationFields;
import dev.roster.sdk.PageOptions;
import dev.roster.sdk.PermissionDeniedException;
import dev.roster.sdk.RoleFields;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.models.ApiClient;
import dev.roster.sdk.models.AttributeMapping;
import dev.roster.sdk.models.CreateApiClientResponse;
import dev.roster.sdk.models.Directory;
import dev.roster.sdk.models.DirectoryProvider;
import dev.roster.sdk.models.DirectorySecretStatus;
import dev.roster.sdk.models.DirectoryUser;
import dev.roster.sdk.models.DirectoryUserRole;
import dev.roster.sdk.models.Organization;
import dev.roster.sdk.models.PortalLink;
import dev.roster.sdk.models.RegenerateDirectorySecretResponse;
import dev.roster.sdk.models.Role;
import dev.roster.sdk.models.RoleAssignment;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.Scim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rest of the surface against the live Roster: organizations, portal links, directories, secrets, roles and their mapping, attribute mappings, API clients. */
class ManagementApiTest {
    private final RosterClient client = LiveRoster.client();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void organizationsAndPortalLinks() {
        String externalId = unique("acme");
        Organization organization = client.organizations().createOrganization("Acme", externalId);
        assertEquals(organization, client.organizations().getOrganization(organization.getId()));
        assertEquals(organization.getId(), client.organizations().getOrganizationByExternalId(externalId).getId());
        assertThrows(ConflictException.class, () -> client.organizations().createOrganization("Acme again", externalId));

        Organization renamed = client.organizations().updateOrganization(organization.getId(), OrganizationFields.newBuilder().setDisplayName("Acme Inc").build());
        assertEquals("Acme Inc", renamed.getDisplayName());
        assertEquals(externalId, renamed.getExternalId(), "fields not set keep their value");
        assertNull(client.organizations().updateOrganization(organization.getId(), OrganizationFields.newBuilder().clearExternalId().build()).getExternalId());

        List<String> listed = new ArrayList<>();
        client.organizations().iterateOrganizations(PageOptions.newBuilder().setPageSize(2).build()).forEach(each -> listed.add(each.getId()));
        assertTrue(listed.contains(organization.getId()));
        assertEquals("page_size", assertThrows(BadRequestException.class,
                () -> client.organizations().listOrganizations(PageOptions.newBuilder().setPageSize(0).build())).getParameter());

        PortalLink link = client.organizations().generatePortalLink(organization.getId());
        assertTrue(link.getLocation().contains("/portal"), link.getLocation());
        assertEquals(List.of(link.getId()), client.organizations().listPortalLinks(organization.getId()).getLinks().stream().map(each -> each.getId()).toList());
        client.organizations().revokePortalLink(organization.getId(), link.getId());
        assertEquals(List.of(), client.organizations().listPortalLinks(organization.getId()).getLinks());

        client.organizations().deleteOrganization(organization.getId());
        assertEquals("not_found", assertThrows(NotFoundException.class, () -> client.organizations().getOrganization(organization.getId())).getCode());
    }

    @Test
    void directoriesTheirSecretsAndTheirSwitch() {
        Organization withoutScim = client.organizations().createOrganization("No SCIM");
        assertThrows(PermissionDeniedException.class, () -> client.directories().createDirectory(withoutScim.getId(), DirectoryProvider.OKTA));
        assertThrows(NotFoundException.class, () -> client.directories().getPrimaryDirectoryByOrganizationId(withoutScim.getId()));

        Scim scim = Scim.provision(client, "Switched");
        Directory renamed = client.directories().updateDirectory(scim.organizationId, scim.directoryId,
                DirectoryFields.newBuilder().setName("Entra ID").setDirectoryProvider(DirectoryProvider.AZURE_AD).build());
        assertEquals("Entra ID", renamed.getName());
        assertEquals(DirectoryProvider.AZURE_AD, renamed.getDirectoryProvider());

        assertFalse(client.directories().disableDirectory(scim.organizationId, scim.directoryId).getEnabled());
        assertEquals(403, scim.send("GET", "/Users", null).statusCode(), "a disabled directory refuses the IdP");
        assertTrue(client.directories().enableDirectory(scim.organizationId, scim.directoryId).getEnabled());
        assertEquals(200, scim.send("GET", "/Users", null).statusCode());

        RegenerateDirectorySecretResponse regenerated = client.directories().regenerateDirectorySecret(scim.organizationId, scim.directoryId, Duration.ofMinutes(5));
        assertEquals(1, regenerated.getExpiringSecrets().size(), "the old secret keeps working for the grace period");
        assertEquals(200, scim.send("GET", "/Users", null).statusCode());
        String oldSecretId = regenerated.getExpiringSecrets().get(0).getId();
        assertEquals(DirectorySecretStatus.REVOKED, client.directories().revokeDirectorySecret(scim.organizationId, scim.directoryId, oldSecretId).getStatus());
        assertEquals(401, scim.send("GET", "/Users", null).statusCode(), "a revoked secret is refused at once");

        assertTrue(client.directories().updateDirectoryEventSettings(scim.organizationId, scim.directoryId, true).getDeactivationAsDeletion());
        assertTrue(client.directories().getDirectoryEventSettings(scim.organizationId, scim.directoryId).getDeactivationAsDeletion());

        client.directories().deleteDirectory(scim.organizationId, scim.directoryId);
        assertThrows(NotFoundException.class, () -> client.directories().getDirectory(scim.organizationId, scim.directoryId));
    }

    @Test
    void rolesFromGroupsAndMappedAttributes() {
        Scim scim = Scim.provision(client, "Roled");
        String roleName = unique("admin");
        Role role = client.roles().createRole(roleName, RoleFields.newBuilder().setDisplayName("Administrator").setDescription("Everything").setPermissions(List.of("users:read", "users:write")).build());
        assertEquals(List.of("users:read", "users:write"), role.getPermissions());
        assertEquals(role, client.roles().getRole(roleName));
        assertTrue(client.roles().listRoles().getRoles().stream().anyMatch(each -> each.getName().equals(roleName)) || iteratedRoleNames().contains(roleName));
        Role updated = client.roles().updateRole(roleName, RoleFields.newBuilder().clearDescription().setPermissions(List.of("users:read")).build());
        assertNull(updated.getDescription());
        assertEquals(List.of("users:read"), updated.getPermissions());

        String userId = scim.send("POST", "/Users", "{\"schemas\":[\"" + Scim.USER_SCHEMA + "\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + "\"userName\":\"grace@roled.example\",\"title\":\"Rear Admiral\"}").body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String groupId = scim.createGroup("Admins", List.of(userId));

        List<RoleAssignment> assignments = client.directories().assignDirectoryGroupRoles(scim.organizationId, scim.directoryId,
                List.of(RoleAssignment.newBuilder().setGroupId(groupId).setRoleName(roleName).build())).getAssignments();
        assertEquals(List.of(RoleAssignment.newBuilder().setGroupId(groupId).setRoleName(roleName).build()), assignments);
        DirectoryUser user = client.directories().getDirectoryUser(scim.organizationId, scim.directoryId, userId);
        assertTrue(user.getRoles().stream().map(DirectoryUserRole::getRoleName).toList().contains(roleName), user.toString());
        assertTrue(user.getPermissions().contains("users:read"));
        assertThrows(ConflictException.class, () -> client.roles().deleteRole(roleName), "still assigned");

        client.directories().updateDirectoryAttributeMappings(scim.organizationId, scim.directoryId,
                List.of(AttributeMapping.newBuilder().setKey("title").setMapTo("custom_attributes.rank").build()));
        assertEquals(Map.of("rank", "Rear Admiral"), client.directories().getDirectoryUser(scim.organizationId, scim.directoryId, userId).getCustomAttributes());
        assertEquals("attributes.0.map_to", assertThrows(BadRequestException.class, () -> client.directories().updateDirectoryAttributeMappings(scim.organizationId, scim.directoryId,
                List.of(AttributeMapping.newBuilder().setKey("title").setMapTo("no_such_field").build()))).getParameter());

        client.directories().assignDirectoryGroupRoles(scim.organizationId, scim.directoryId, List.of());
        client.roles().deleteRole(roleName);
        assertThrows(NotFoundException.class, () -> client.roles().getRole(roleName));
    }

    private List<String> iteratedRoleNames() {
        List<String> names = new ArrayList<>();
        client.roles().iterateRoles().forEach(each -> names.add(each.getName()));
        return names;
    }

    @Test
    void apiClients() {
        CreateApiClientResponse created = client.apiClients().create(unique("backend"));
        assertFalse(created.getPlainSecret().isEmpty());
        ApiClient apiClient = created.getClient();
        assertEquals(apiClient, client.apiClients().get(apiClient.getId()));
        List<String> ids = new ArrayList<>();
        client.apiClients().iterate(PageOptions.newBuilder().setPageSize(1).build()).forEach(each -> ids.add(each.getId()));
        assertTrue(ids.contains(apiClient.getId()) && ids.contains(LiveRoster.clientId()), ids.toString());
        RosterClient asNewClient = new RosterClient(LiveRoster.url(), apiClient.getId(), created.getPlainSecret());
        assertTrue(asNewClient.roles().listRoles().getTotalSize() >= 0);
        assertTrue(client.apiClients().revoke(apiClient.getId()).getRevokeTime() != null);
    }
}
