package dev.roster.sdk;

import dev.roster.sdk.models.ListRolesResponse;
import dev.roster.sdk.models.Role;
import dev.roster.sdk.models.RoleResponse;
import java.util.Map;

/** {@code client.roles()}: the environment's roles and their permissions. */
public final class RolesClient {
    private static final String ROLE = "/api/v1/roles/{role_name}";

    private final Transport transport;

    RolesClient(Transport transport) {
        this.transport = transport;
    }

    public Role createRole(String name) {
        return createRole(name, RoleFields.none());
    }

    /** {@code name} is what groups are mapped to (e.g. {@code admin}); it cannot change later. */
    public Role createRole(String name, RoleFields fields) {
        Map<String, Object> body = fields.body();
        body.put("name", name);
        return transport.call(ApiRequest.post("/api/v1/roles").body(body), RoleResponse.class).getRole();
    }

    public Role getRole(String roleName) {
        return transport.call(ApiRequest.get(ROLE, roleName), RoleResponse.class).getRole();
    }

    public ListRolesResponse listRoles() {
        return listRoles(PageOptions.none());
    }

    public ListRolesResponse listRoles(PageOptions page) {
        return transport.call(ApiRequest.get("/api/v1/roles").query(page.query()), ListRolesResponse.class);
    }

    public PagedIterable<Role> iterateRoles() {
        return iterateRoles(PageOptions.none());
    }

    public PagedIterable<Role> iterateRoles(PageOptions page) {
        return new PagedIterable<>(page.pageToken(), token -> {
            ListRolesResponse roles = transport.call(ApiRequest.get("/api/v1/roles").query(page.query(token)), ListRolesResponse.class);
            return new PagedIterable.Page<>(roles.getRoles(), PagedIterable.nextPageToken(roles.getNextPageToken()));
        });
    }

    /** Fields not set keep their value; permissions replace the list. */
    public Role updateRole(String roleName, RoleFields fields) {
        return transport.call(ApiRequest.patch(ROLE, roleName).body(fields.body()), RoleResponse.class).getRole();
    }

    /** A role still assigned to a directory group cannot be deleted ({@link ConflictException}). */
    public void deleteRole(String roleName) {
        transport.call(ApiRequest.delete(ROLE, roleName), Void.class);
    }
}
