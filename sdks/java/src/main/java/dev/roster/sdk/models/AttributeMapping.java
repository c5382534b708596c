// Generated from Roster's OpenAPI document (components.schemas.AttributeMappings.attributes[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.AttributeMappings.attributes[]. */
public final class AttributeMapping extends ApiObject {
    @JsonProperty("key")
    private String key;
    @JsonProperty("map_to")
    private String mapTo;

    private AttributeMapping() {}

    /** A SCIM attribute path: <code>title</code>, <code>emails[type eq "work"].value</code>, <code>urn:...:enterprise:2.0:User:department</code>. */
    public String getKey() {
        return key;
    }

    /** <code>custom_attributes.&lt;name&gt;</code>, or one of email, preferred_username, given_name, family_name, name. */
    public String getMapTo() {
        return mapTo;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.key = key;
        builder.mapTo = mapTo;
        return builder;
    }

    public static final class Builder {
        private String key;
        private String mapTo;

        private Builder() {}

        public Builder setKey(String key) {
            this.key = key;
            return this;
        }

        public Builder setMapTo(String mapTo) {
            this.mapTo = mapTo;
            return this;
        }

        public AttributeMapping build() {
            AttributeMapping built = new AttributeMapping();
            built.key = key;
            built.mapTo = mapTo;
            return built;
        }
    }
}
