package dev.roster.sdk;

import static dev.roster.sdk.ApiRequest.fields;

import dev.roster.sdk.models.AssignRolesResponse;
import dev.roster.sdk.models.AttributeMapping;
import dev.roster.sdk.models.AttributeMappings;
import dev.roster.sdk.models.CreateDirectorySecretResponse;
import dev.roster.sdk.models.Directory;
import dev.roster.sdk.models.DirectoryEventSettings;
import dev.roster.sdk.models.DirectoryEventSettingsResponse;
import dev.roster.sdk.models.DirectoryGroup;
import dev.roster.sdk.models.DirectoryGroupMember;
import dev.roster.sdk.models.DirectoryGroupResponse;
import dev.roster.sdk.models.DirectoryProvider;
import dev.roster.sdk.models.DirectoryResponse;
import dev.roster.sdk.models.DirectorySecret;
import dev.roster.sdk.models.DirectorySecretResponse;
import dev.roster.sdk.models.DirectoryUser;
import dev.roster.sdk.models.DirectoryUserResponse;
import dev.roster.sdk.models.ListDirectoriesResponse;
import dev.roster.sdk.models.ListDirectoryGroupMembersResponse;
import dev.roster.sdk.models.ListDirectoryGroupsResponse;
import dev.roster.sdk.models.ListDirectoryUsersResponse;
import dev.roster.sdk.models.RegenerateDirectorySecretResponse;
import dev.roster.sdk.models.RoleAssignment;
import dev.roster.sdk.models.RoleAssignments;
import dev.roster.sdk.models.ToggleDirectoryResponse;
import dev.roster.sdk.models.UpdateAttributeMappingsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code client.directories()}: an organization's SCIM directories and what their IdPs provisioned. */
public final class DirectoriesClient {
    private static final String DIRECTORIES = "/api/v1/organizations/{organization_id}/directories";
    private static final String DIRECTORY = DIRECTORIES + "/{directory_id}";

    private final Transport transport;

    DirectoriesClient(Transport transport) {
        this.transport = transport;
    }

    static String known(DirectoryProvider provider) {
        if (provider == null || provider == DirectoryProvider.UNRECOGNIZED) throw new IllegalArgumentException("a directory provider is required (OKTA, AZURE_AD, ..., OTHER)");
        return provider.getValue();
    }

    public ListDirectoriesResponse listDirectories(String organizationId) {
        return listDirectories(organizationId, PageOptions.none());
    }

    public ListDirectoriesResponse listDirectories(String organizationId, PageOptions page) {
        return transport.call(ApiRequest.get(DIRECTORIES, organizationId).query(page.query()), ListDirectoriesResponse.class);
    }

    public Directory getDirectory(String organizationId, String directoryId) {
        return transport.call(ApiRequest.get(DIRECTORY, organizationId, directoryId), DirectoryResponse.class).getDirectory();
    }

    /** The organization's first directory (most have one); a {@link NotFoundException} when it has none. */
    public Directory getPrimaryDirectoryByOrganizationId(String organizationId) {
        List<Directory> directories = listDirectories(organizationId, PageOptions.newBuilder().setPageSize(1).build()).getDirectories();
        if (directories.isEmpty()) {
            throw new NotFoundException(404, "not_found", "organization " + organizationId + " has no directory", Map.of("id", organizationId), null);
        }
        return directories.get(0);
    }

    /** A SCIM directory for the organization, which needs the {@code scim} feature ({@link PermissionDeniedException} otherwise). */
    public Directory createDirectory(String organizationId, DirectoryProvider provider) {
        return createDirectory(organizationId, provider, null);
    }

    /** {@code name}: shown in the dashboard and portal (null for one made from the provider). */
    public Directory createDirectory(String organizationId, DirectoryProvider provider, String name) {
        Map<String, Object> body = fields("directory_type", "SCIM", "directory_provider", known(provider));
        if (name != null) body.put("name", name);
        return transport.call(ApiRequest.post(DIRECTORIES, organizationId).body(body), DirectoryResponse.class).getDirectory();
    }

    public Directory updateDirectory(String organizationId, String directoryId, DirectoryFields fields) {
        return transport.call(ApiRequest.patch(DIRECTORY, organizationId, directoryId).body(fields.body()), DirectoryResponse.class).getDirectory();
    }

    /** Deletes the directory with its users, groups, secrets and request log. */
    public void deleteDirectory(String organizationId, String directoryId) {
        transport.call(ApiRequest.delete(DIRECTORY, organizationId, directoryId), Void.class);
    }

    public ToggleDirectoryResponse enableDirectory(String organizationId, String directoryId) {
        return transport.call(ApiRequest.patch(DIRECTORY + ":enable", organizationId, directoryId), ToggleDirectoryResponse.class);
    }

    /** The IdP is answered 403 until the directory is enabled again; users and groups stay. */
    public ToggleDirectoryResponse disableDirectory(String organizationId, String directoryId) {
        return transport.call(ApiRequest.patch(DIRECTORY + ":disable", organizationId, directoryId), ToggleDirectoryResponse.class);
    }

    /** Users with their groups, roles, permissions and mapped {@code custom_attributes}. */
    public ListDirectoryUsersResponse listDirectoryUsers(String organizationId, String directoryId) {
        return listDirectoryUsers(organizationId, directoryId, ListDirectoryUsersOptions.none());
    }

    public ListDirectoryUsersResponse listDirectoryUsers(String organizationId, String directoryId, ListDirectoryUsersOptions options) {
        return transport.call(ApiRequest.get(DIRECTORY + "/users", organizationId, directoryId).query(options.page().query()), ListDirectoryUsersResponse.class);
    }

    /** Every user, page after page: {@code for (DirectoryUser user : client.directories().iterateDirectoryUsers(org, dir))}. */
    public PagedIterable<DirectoryUser> iterateDirectoryUsers(String organizationId, String directoryId) {
        return iterateDirectoryUsers(organizationId, directoryId, ListDirectoryUsersOptions.none());
    }

    public PagedIterable<DirectoryUser> iterateDirectoryUsers(String organizationId, String directoryId, ListDirectoryUsersOptions options) {
        ApiRequest.expand(DIRECTORY, organizationId, directoryId); // refuse empty ids now, not at the first read
        return new PagedIterable<>(options.page().pageToken(), token -> {
            ListDirectoryUsersResponse page = transport.call(ApiRequest.get(DIRECTORY + "/users", organizationId, directoryId).query(options.page().query(token)), ListDirectoryUsersResponse.class);
            return new PagedIterable.Page<>(page.getUsers(), PagedIterable.nextPageToken(page.getNextPageToken()));
        });
    }

    public DirectoryUser getDirectoryUser(String organizationId, String directoryId, String userId) {
        return getDirectoryUser(organizationId, directoryId, userId, false);
    }

    /** {@code includeDetail}: adds the stored SCIM resource as {@code user_detail}. */
    public DirectoryUser getDirectoryUser(String organizationId, String directoryId, String userId, boolean includeDetail) {
        ApiRequest request = ApiRequest.get(DIRECTORY + "/users/{user_id}", organizationId, directoryId, userId).query("include_detail", includeDetail ? true : null);
        return transport.call(request, DirectoryUserResponse.class).getUser();
    }

    public ListDirectoryGroupsResponse listDirectoryGroups(String organizationId, String directoryId) {
        return listDirectoryGroups(organizationId, directoryId, ListDirectoryGroupsOptions.none());
    }

    public ListDirectoryGroupsResponse listDirectoryGroups(String organizationId, String directoryId, ListDirectoryGroupsOptions options) {
        return transport.call(ApiRequest.get(DIRECTORY + "/groups", organizationId, directoryId).query(options.page().query()), ListDirectoryGroupsResponse.class);
    }

    /** Every group, page after page. */
    public PagedIterable<DirectoryGroup> iterateDirectoryGroups(String organizationId, String directoryId) {
        return iterateDirectoryGroups(organizationId, directoryId, ListDirectoryGroupsOptions.none());
    }

    public PagedIterable<DirectoryGroup> iterateDirectoryGroups(String organizationId, String directoryId, ListDirectoryGroupsOptions options) {
        ApiRequest.expand(DIRECTORY, organizationId, directoryId);
        return new PagedIterable<>(options.page().pageToken(), token -> {
            ListDirectoryGroupsResponse page = transport.call(ApiRequest.get(DIRECTORY + "/groups", organizationId, directoryId).query(options.page().query(token)), ListDirectoryGroupsResponse.class);
            return new PagedIterable.Page<>(page.getGroups(), PagedIterable.nextPageToken(page.getNextPageToken()));
        });
    }

    public DirectoryGroup getDirectoryGroup(String organizationId, String directoryId, String groupId) {
        return getDirectoryGroup(organizationId, directoryId, groupId, false);
    }

    /** {@code includeDetail}: adds the stored SCIM resource as {@code group_detail}. */
    public DirectoryGroup getDirectoryGroup(String organizationId, String directoryId, String groupId, boolean includeDetail) {
        ApiRequest request = ApiRequest.get(DIRECTORY + "/groups/{group_id}", organizationId, directoryId, groupId).query("include_detail", includeDetail ? true : null);
        return transport.call(request, DirectoryGroupResponse.class).getGroup();
    }

    /** A group's direct members: users and nested groups. */
    public ListDirectoryGroupMembersResponse listDirectoryGroupMembers(String organizationId, String directoryId, String groupId) {
        return listDirectoryGroupMembers(organizationId, directoryId, groupId, PageOptions.none());
    }

    public ListDirectoryGroupMembersResponse listDirectoryGroupMembers(String organizationId, String directoryId, String groupId, PageOptions page) {
        return transport.call(ApiRequest.get(DIRECTORY + "/groups/{group_id}/members", organizationId, directoryId, groupId).query(page.query()), ListDirectoryGroupMembersResponse.class);
    }

    public PagedIterable<DirectoryGroupMember> iterateDirectoryGroupMembers(String organizationId, String directoryId, String groupId) {
        return iterateDirectoryGroupMembers(organizationId, directoryId, groupId, PageOptions.none());
    }

    public PagedIterable<DirectoryGroupMember> iterateDirectoryGroupMembers(String organizationId, String directoryId, String groupId, PageOptions page) {
        ApiRequest.expand(DIRECTORY + "/groups/{group_id}", organizationId, directoryId, groupId);
        return new PagedIterable<>(page.pageToken(), token -> {
            ListDirectoryGroupMembersResponse members = transport.call(
                    ApiRequest.get(DIRECTORY + "/groups/{group_id}/members", organizationId, directoryId, groupId).query(page.query(token)), ListDirectoryGroupMembersResponse.class);
            return new PagedIterable.Page<>(members.getMembers(), PagedIterable.nextPageToken(members.getNextPageToken()));
        });
    }

    /** A bearer token for the directory's SCIM endpoint: {@code getPlainSecret()} is in this answer only. */
    public CreateDirectorySecretResponse createDirectorySecret(String organizationId, String directoryId) {
        return createDirectorySecret(organizationId, directoryId, null);
    }

    /** A secret that stops working at {@code expireTime} (null: never). */
    public CreateDirectorySecretResponse createDirectorySecret(String organizationId, String directoryId, Instant expireTime) {
        Map<String, Object> body = fields();
        if (expireTime != null) body.put("expire_time", expireTime.toString());
        return transport.call(ApiRequest.post(DIRECTORY + "/secrets", organizationId, directoryId).body(body), CreateDirectorySecretResponse.class);
    }

    /** A new secret; the active ones keep working for 24 hours, so the IdP can be switched over. */
    public RegenerateDirectorySecretResponse regenerateDirectorySecret(String organizationId, String directoryId) {
        return regenerateDirectorySecret(organizationId, directoryId, null);
    }

    /** A new secret; the active ones keep working for {@code gracePeriod} (whole seconds, at most 7 days; null for 24 hours). */
    public RegenerateDirectorySecretResponse regenerateDirectorySecret(String organizationId, String directoryId, Duration gracePeriod) {
        Map<String, Object> body = fields();
        if (gracePeriod != null) body.put("grace_period_seconds", gracePeriod.toSeconds());
        return transport.call(ApiRequest.post(DIRECTORY + "/secrets:regenerate", organizationId, directoryId).body(body), RegenerateDirectorySecretResponse.class);
    }

    /** The secret stops working at once. */
    public DirectorySecret revokeDirectorySecret(String organizationId, String directoryId, String secretId) {
        return transport.call(ApiRequest.post(DIRECTORY + "/secrets/{secret_id}:revoke", organizationId, directoryId, secretId), DirectorySecretResponse.class).getSecret();
    }

    /**
     * Maps the directory's groups to roles, replacing the mapping there was. A user holds the roles
     * of every group it is in, nested groups included; users in no mapped group hold the default role.
     */
    public RoleAssignments assignDirectoryGroupRoles(String organizationId, String directoryId, List<RoleAssignment> assignments) {
        List<Map<String, Object>> body = assignments.stream().map(assignment -> fields("group_id", assignment.getGroupId(), "role_name", assignment.getRoleName())).toList();
        return transport.call(ApiRequest.put(DIRECTORY + "/groups/-/roles:assign", organizationId, directoryId).body(fields("assignments", body)), AssignRolesResponse.class)
                .getRoleAssignments();
    }

    /**
     * Maps SCIM attribute paths (core, enterprise or a custom extension URN) to fields of the
     * directory's users ({@code custom_attributes.<name>} or a standard field), replacing the mapping
     * there was. Mappings apply when users are read, so they apply to users already stored.
     */
    public AttributeMappings updateDirectoryAttributeMappings(String organizationId, String directoryId, List<AttributeMapping> attributes) {
        List<Map<String, Object>> body = attributes.stream().map(mapping -> fields("key", mapping.getKey(), "map_to", mapping.getMapTo())).toList();
        return transport.call(ApiRequest.put(DIRECTORY + "/attributes", organizationId, directoryId).body(fields("attributes", body)), UpdateAttributeMappingsResponse.class)
                .getAttributeMappings();
    }

    public DirectoryEventSettings getDirectoryEventSettings(String organizationId, String directoryId) {
        return transport.call(ApiRequest.get(DIRECTORY + "/event_settings", organizationId, directoryId), DirectoryEventSettingsResponse.class).getEventSettings();
    }

    /** {@code deactivationAsDeletion}: a user set {@code active: false} is announced as user_deleted. */
    public DirectoryEventSettings updateDirectoryEventSettings(String organizationId, String directoryId, boolean deactivationAsDeletion) {
        ApiRequest request = ApiRequest.patch(DIRECTORY + "/event_settings", organizationId, directoryId).body(fields("deactivation_as_deletion", deactivationAsDeletion));
        return transport.call(request, DirectoryEventSettingsResponse.class).getEventSettings();
    }
}
