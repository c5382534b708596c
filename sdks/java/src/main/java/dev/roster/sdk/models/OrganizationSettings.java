// Generated from Roster's OpenAPI document (components.schemas.Organization.settings) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.Organization.settings. */
public final class OrganizationSettings extends ApiObject {
    @JsonProperty("features")
    private List<OrganizationSettingsFeature> features;

    private OrganizationSettings() {}

    /** <code>features</code>. */
    public List<OrganizationSettingsFeature> getFeatures() {
        return features == null ? null : Collections.unmodifiableList(features);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.features = features;
        return builder;
    }

    public static final class Builder {
        private List<OrganizationSettingsFeature> features;

        private Builder() {}

        public Builder setFeatures(List<OrganizationSettingsFeature> features) {
            this.features = features == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(features));
            return this;
        }

        public OrganizationSettings build() {
            OrganizationSettings built = new OrganizationSettings();
            built.features = features;
            return built;
        }
    }
}
