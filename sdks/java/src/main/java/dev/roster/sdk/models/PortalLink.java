// Generated from Roster's OpenAPI document (components.schemas.PortalLink) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A link that opens the admin portal for one organization's IT admin. */
public final class PortalLink extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("location")
    private String location;
    @JsonProperty("expire_time")
    private Instant expireTime;

    private PortalLink() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** The URL to open the admin portal; it holds a secret token and is shown only now. */
    public String getLocation() {
        return location;
    }

    /** <code>expire_time</code>. */
    public Instant getExpireTime() {
        return expireTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.location = location;
        builder.expireTime = expireTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String location;
        private Instant expireTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setLocation(String location) {
            this.location = location;
            return this;
        }

        public Builder setExpireTime(Instant expireTime) {
            this.expireTime = expireTime;
            return this;
        }

        public PortalLink build() {
            PortalLink built = new PortalLink();
            built.id = id;
            built.location = location;
            built.expireTime = expireTime;
            return built;
        }
    }
}
