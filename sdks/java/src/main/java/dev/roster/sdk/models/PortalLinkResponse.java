// Generated from Roster's OpenAPI document (components.schemas.PortalLinkResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.PortalLinkResponse. */
public final class PortalLinkResponse extends ApiObject {
    @JsonProperty("link")
    private PortalLink link;

    private PortalLinkResponse() {}

    /** <code>link</code>. */
    public PortalLink getLink() {
        return link;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.link = link;
        return builder;
    }

    public static final class Builder {
        private PortalLink link;

        private Builder() {}

        public Builder setLink(PortalLink link) {
            this.link = link;
            return this;
        }

        public PortalLinkResponse build() {
            PortalLinkResponse built = new PortalLinkResponse();
            built.link = link;
            return built;
        }
    }
}
