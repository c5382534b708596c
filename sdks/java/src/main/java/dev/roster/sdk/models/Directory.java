// Generated from Roster's OpenAPI document (components.schemas.Directory) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** One SCIM connection of an organization's directory provider. */
public final class Directory extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("directory_type")
    private DirectoryType directoryType;
    @JsonProperty("directory_provider")
    private DirectoryProvider directoryProvider;
    @JsonProperty("organization_id")
    private String organizationId;
    @JsonProperty("enabled")
    private boolean enabled;
    @JsonProperty("status")
    private DirectoryStatus status;
    @JsonProperty("last_synced_at")
    private Instant lastSyncedAt;
    @JsonProperty("directory_endpoint")
    private String directoryEndpoint;
    @JsonProperty("total_users")
    private int totalUsers;
    @JsonProperty("total_groups")
    private int totalGroups;
    @JsonProperty("secrets")
    private List<DirectorySecret> secrets;
    @JsonProperty("stats")
    private DirectoryStats stats;
    @JsonProperty("role_assignments")
    private RoleAssignments roleAssignments;
    @JsonProperty("attribute_mappings")
    private AttributeMappings attributeMappings;
    @JsonProperty("email")
    private String email;
    @JsonProperty("groups_tracked")
    private DirectoryGroupsTracked groupsTracked;

    private Directory() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>name</code>. */
    public String getName() {
        return name;
    }

    /** <code>directory_type</code>. */
    public DirectoryType getDirectoryType() {
        return directoryType;
    }

    /** <code>directory_provider</code>. */
    public DirectoryProvider getDirectoryProvider() {
        return directoryProvider;
    }

    /** <code>organization_id</code>. */
    public String getOrganizationId() {
        return organizationId;
    }

    /** <code>enabled</code>. */
    public boolean getEnabled() {
        return enabled;
    }

    /** DISABLED; ACTIVE once the IdP has called; PENDING with a secret; else NOT_CONFIGURED. */
    public DirectoryStatus getStatus() {
        return status;
    }

    /** When the IdP last called the SCIM endpoint. May be null. */
    public Instant getLastSyncedAt() {
        return lastSyncedAt;
    }

    /** The SCIM base URL to give the IdP. */
    public String getDirectoryEndpoint() {
        return directoryEndpoint;
    }

    /** <code>total_users</code>. */
    public int getTotalUsers() {
        return totalUsers;
    }

    /** <code>total_groups</code>. */
    public int getTotalGroups() {
        return totalGroups;
    }

    /** <code>secrets</code>. */
    public List<DirectorySecret> getSecrets() {
        return secrets == null ? null : Collections.unmodifiableList(secrets);
    }

    /** <code>stats</code>. */
    public DirectoryStats getStats() {
        return stats;
    }

    /** <code>role_assignments</code>. */
    public RoleAssignments getRoleAssignments() {
        return roleAssignments;
    }

    /** <code>attribute_mappings</code>. */
    public AttributeMappings getAttributeMappings() {
        return attributeMappings;
    }

    /** <code>email</code>. May be null. */
    public String getEmail() {
        return email;
    }

    /** <code>groups_tracked</code>. */
    public DirectoryGroupsTracked getGroupsTracked() {
        return groupsTracked;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.name = name;
        builder.directoryType = directoryType;
        builder.directoryProvider = directoryProvider;
        builder.organizationId = organizationId;
        builder.enabled = enabled;
        builder.status = status;
        builder.lastSyncedAt = lastSyncedAt;
        builder.directoryEndpoint = directoryEndpoint;
        builder.totalUsers = totalUsers;
        builder.totalGroups = totalGroups;
        builder.secrets = secrets;
        builder.stats = stats;
        builder.roleAssignments = roleAssignments;
        builder.attributeMappings = attributeMappings;
        builder.email = email;
        builder.groupsTracked = groupsTracked;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String name;
        private DirectoryType directoryType;
        private DirectoryProvider directoryProvider;
        private String organizationId;
        private boolean enabled;
        private DirectoryStatus status;
        private Instant lastSyncedAt;
        private String directoryEndpoint;
        private int totalUsers;
        private int totalGroups;
        private List<DirectorySecret> secrets;
        private DirectoryStats stats;
        private RoleAssignments roleAssignments;
        private AttributeMappings attributeMappings;
        private String email;
        private DirectoryGroupsTracked groupsTracked;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setDirectoryType(DirectoryType directoryType) {
            this.directoryType = directoryType;
            return this;
        }

        public Builder setDirectoryProvider(DirectoryProvider directoryProvider) {
            this.directoryProvider = directoryProvider;
            return this;
        }

        public Builder setOrganizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder setEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder setStatus(DirectoryStatus status) {
            this.status = status;
            return this;
        }

        public Builder setLastSyncedAt(Instant lastSyncedAt) {
            this.lastSyncedAt = lastSyncedAt;
            return this;
        }

        public Builder setDirectoryEndpoint(String directoryEndpoint) {
            this.directoryEndpoint = directoryEndpoint;
            return this;
        }

        public Builder setTotalUsers(int totalUsers) {
            this.totalUsers = totalUsers;
            return this;
        }

        public Builder setTotalGroups(int totalGroups) {
            this.totalGroups = totalGroups;
            return this;
        }

        public Builder setSecrets(List<DirectorySecret> secrets) {
            this.secrets = secrets == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(secrets));
            return this;
        }

        public Builder setStats(DirectoryStats stats) {
            this.stats = stats;
            return this;
        }

        public Builder setRoleAssignments(RoleAssignments roleAssignments) {
            this.roleAssignments = roleAssignments;
            return this;
        }

        public Builder setAttributeMappings(AttributeMappings attributeMappings) {
            this.attributeMappings = attributeMappings;
            return this;
        }

        public Builder setEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder setGroupsTracked(DirectoryGroupsTracked groupsTracked) {
            this.groupsTracked = groupsTracked;
            return this;
        }

        public Directory build() {
            Directory built = new Directory();
            built.id = id;
            built.name = name;
            built.directoryType = directoryType;
            built.directoryProvider = directoryProvider;
            built.organizationId = organizationId;
            built.enabled = enabled;
            built.status = status;
            built.lastSyncedAt = lastSyncedAt;
            built.directoryEndpoint = directoryEndpoint;
            built.totalUsers = totalUsers;
            built.totalGroups = totalGroups;
            built.secrets = secrets;
            built.stats = stats;
            built.roleAssignments = roleAssignments;
            built.attributeMappings = attributeMappings;
            built.email = email;
            built.groupsTracked = groupsTracked;
            return built;
        }
    }
}
