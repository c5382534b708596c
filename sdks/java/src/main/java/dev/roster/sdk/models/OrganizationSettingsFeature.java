// Generated from Roster's OpenAPI document (components.schemas.Organization.settings.features[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.Organization.settings.features[]. */
public final class OrganizationSettingsFeature extends ApiObject {
    @JsonProperty("name")
    private String name;
    @JsonProperty("enabled")
    private boolean enabled;

    private OrganizationSettingsFeature() {}

    /** "scim" or "dir_sync": either turns SCIM provisioning on. */
    public String getName() {
        return name;
    }

    /** <code>enabled</code>. */
    public boolean getEnabled() {
        return enabled;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.name = name;
        builder.enabled = enabled;
        return builder;
    }

    public static final class Builder {
        private String name;
        private boolean enabled;

        private Builder() {}

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public OrganizationSettingsFeature build() {
            OrganizationSettingsFeature built = new OrganizationSettingsFeature();
            built.name = name;
            built.enabled = enabled;
            return built;
        }
    }
}
