package dev.roster.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A role's fields, for {@code createRole} (with its name) and {@code updateRole} (those not set keep their value). */
public final class RoleFields extends BodyFields {
    private RoleFields(Map<String, Object> body) {
        super(body);
    }

    public static RoleFields none() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder() {}

        /** Defaults to the name. */
        public Builder setDisplayName(String displayName) {
            body.put("display_name", displayName);
            return this;
        }

        public Builder setDescription(String description) {
            body.put("description", description);
            return this;
        }

        /** Removes the description (on update). */
        public Builder clearDescription() {
            body.put("description", null);
            return this;
        }

        /** Permission names, e.g. {@code users:read}; on update the list replaces the role's. */
        public Builder setPermissions(List<String> permissions) {
            body.put("permissions", List.copyOf(permissions));
            return this;
        }

        /** The role of users in no group mapped to a role (taken from any other role). */
        public Builder setDefault(boolean isDefault) {
            body.put("is_default", isDefault);
            return this;
        }

        public RoleFields build() {
            return new RoleFields(body);
        }
    }
}
