// Generated from Roster's OpenAPI document (components.schemas.OrganizationResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.OrganizationResponse. */
public final class OrganizationResponse extends ApiObject {
    @JsonProperty("organization")
    private Organization organization;

    private OrganizationResponse() {}

    /** <code>organization</code>. */
    public Organization getOrganization() {
        return organization;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.organization = organization;
        return builder;
    }

    public static final class Builder {
        private Organization organization;

        private Builder() {}

        public Builder setOrganization(Organization organization) {
            this.organization = organization;
            return this;
        }

        public OrganizationResponse build() {
            OrganizationResponse built = new OrganizationResponse();
            built.organization = organization;
            return built;
        }
    }
}
