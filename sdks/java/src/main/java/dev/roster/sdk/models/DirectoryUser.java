// Generated from Roster's OpenAPI document (components.schemas.DirectoryUser) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A user the IdP provisioned, normalized. */
public final class DirectoryUser extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("email")
    private String email;
    @JsonProperty("preferred_username")
    private String preferredUsername;
    @JsonProperty("given_name")
    private String givenName;
    @JsonProperty("family_name")
    private String familyName;
    @JsonProperty("name")
    private String name;
    @JsonProperty("active")
    private boolean active;
    @JsonProperty("emails")
    private List<String> emails;
    @JsonProperty("groups")
    private List<DirectoryUserGroup> groups;
    @JsonProperty("roles")
    private List<DirectoryUserRole> roles;
    @JsonProperty("permissions")
    private List<String> permissions;
    @JsonProperty("custom_attributes")
    private Map<String, Object> customAttributes;
    @JsonProperty("updated_at")
    private Instant updatedAt;
    @JsonProperty("user_detail")
    private Map<String, Object> userDetail;

    private DirectoryUser() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** The primary email, unless an attribute mapping sets it. May be null. */
    public String getEmail() {
        return email;
    }

    /** The SCIM userName, unless an attribute mapping sets it. */
    public String getPreferredUsername() {
        return preferredUsername;
    }

    /** <code>given_name</code>. May be null. */
    public String getGivenName() {
        return givenName;
    }

    /** <code>family_name</code>. May be null. */
    public String getFamilyName() {
        return familyName;
    }

    /** <code>name</code>. May be null. */
    public String getName() {
        return name;
    }

    /** <code>active</code>. */
    public boolean getActive() {
        return active;
    }

    /** <code>emails</code>. */
    public List<String> getEmails() {
        return emails == null ? null : Collections.unmodifiableList(emails);
    }

    /** The groups the user is a direct member of. */
    public List<DirectoryUserGroup> getGroups() {
        return groups == null ? null : Collections.unmodifiableList(groups);
    }

    /** From the user's groups, nested groups included; else the default role. */
    public List<DirectoryUserRole> getRoles() {
        return roles == null ? null : Collections.unmodifiableList(roles);
    }

    /** The union of the roles' permissions. */
    public List<String> getPermissions() {
        return permissions == null ? null : Collections.unmodifiableList(permissions);
    }

    /** Filled by the directory's attribute mappings. */
    public Map<String, Object> getCustomAttributes() {
        return customAttributes == null ? null : Collections.unmodifiableMap(customAttributes);
    }

    /** <code>updated_at</code>. */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The stored SCIM resource, with include_detail=true. May be null. */
    public Map<String, Object> getUserDetail() {
        return userDetail == null ? null : Collections.unmodifiableMap(userDetail);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.email = email;
        builder.preferredUsername = preferredUsername;
        builder.givenName = givenName;
        builder.familyName = familyName;
        builder.name = name;
        builder.active = active;
        builder.emails = emails;
        builder.groups = groups;
        builder.roles = roles;
        builder.permissions = permissions;
        builder.customAttributes = customAttributes;
        builder.updatedAt = updatedAt;
        builder.userDetail = userDetail;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String email;
        private String preferredUsername;
        private String givenName;
        private String familyName;
        private String name;
        private boolean active;
        private List<String> emails;
        private List<DirectoryUserGroup> groups;
        private List<DirectoryUserRole> roles;
        private List<String> permissions;
        private Map<String, Object> customAttributes;
        private Instant updatedAt;
        private Map<String, Object> userDetail;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder setPreferredUsername(String preferredUsername) {
            this.preferredUsername = preferredUsername;
            return this;
        }

        public Builder setGivenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        public Builder setFamilyName(String familyName) {
            this.familyName = familyName;
            return this;
        }

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setActive(boolean active) {
            this.active = active;
            return this;
        }

        public Builder setEmails(List<String> emails) {
            this.emails = emails == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(emails));
            return this;
        }

        public Builder setGroups(List<DirectoryUserGroup> groups) {
            this.groups = groups == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(groups));
            return this;
        }

        public Builder setRoles(List<DirectoryUserRole> roles) {
            this.roles = roles == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(roles));
            return this;
        }

        public Builder setPermissions(List<String> permissions) {
            this.permissions = permissions == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(permissions));
            return this;
        }

        public Builder setCustomAttributes(Map<String, Object> customAttributes) {
            this.customAttributes = customAttributes == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customAttributes));
            return this;
        }

        public Builder setUpdatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder setUserDetail(Map<String, Object> userDetail) {
            this.userDetail = userDetail == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userDetail));
            return this;
        }

        public DirectoryUser build() {
            DirectoryUser built = new DirectoryUser();
            built.id = id;
            built.email = email;
            built.preferredUsername = preferredUsername;
            built.givenName = givenName;
            built.familyName = familyName;
            built.name = name;
            built.active = active;
            built.emails = emails;
            built.groups = groups;
            built.roles = roles;
            built.permissions = permissions;
            built.customAttributes = customAttributes;
            built.updatedAt = updatedAt;
            built.userDetail = userDetail;
            return built;
        }
    }
}
