// Generated from Roster's OpenAPI document (components.schemas.UpdateAttributeMappingsResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.UpdateAttributeMappingsResponse. */
public final class UpdateAttributeMappingsResponse extends ApiObject {
    @JsonProperty("attribute_mappings")
    private AttributeMappings attributeMappings;

    private UpdateAttributeMappingsResponse() {}

    /** <code>attribute_mappings</code>. */
    public AttributeMappings getAttributeMappings() {
        return attributeMappings;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.attributeMappings = attributeMappings;
        return builder;
    }

    public static final class Builder {
        private AttributeMappings attributeMappings;

        private Builder() {}

        public Builder setAttributeMappings(AttributeMappings attributeMappings) {
            this.attributeMappings = attributeMappings;
            return this;
        }

        public UpdateAttributeMappingsResponse build() {
            UpdateAttributeMappingsResponse built = new UpdateAttributeMappingsResponse();
            built.attributeMappings = attributeMappings;
            return built;
        }
    }
}
