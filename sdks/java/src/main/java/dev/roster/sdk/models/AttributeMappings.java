// Generated from Roster's OpenAPI document (components.schemas.AttributeMappings) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** SCIM attributes mapped to fields of the directory's users. */
public final class AttributeMappings extends ApiObject {
    @JsonProperty("attributes")
    private List<AttributeMapping> attributes;

    private AttributeMappings() {}

    /** <code>attributes</code>. */
    public List<AttributeMapping> getAttributes() {
        return attributes == null ? null : Collections.unmodifiableList(attributes);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.attributes = attributes;
        return builder;
    }

    public static final class Builder {
        private List<AttributeMapping> attributes;

        private Builder() {}

        public Builder setAttributes(List<AttributeMapping> attributes) {
            this.attributes = attributes == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(attributes));
            return this;
        }

        public AttributeMappings build() {
            AttributeMappings built = new AttributeMappings();
            built.attributes = attributes;
            return built;
        }
    }
}
