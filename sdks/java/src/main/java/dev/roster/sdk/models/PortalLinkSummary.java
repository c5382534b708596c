// Generated from Roster's OpenAPI document (components.schemas.PortalLinkSummary) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A portal link that still works (its location is not kept). */
public final class PortalLinkSummary extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("expire_time")
    private Instant expireTime;

    private PortalLinkSummary() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>create_time</code>. */
    public Instant getCreateTime() {
        return createTime;
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
        builder.createTime = createTime;
        builder.expireTime = expireTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private Instant createTime;
        private Instant expireTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setCreateTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder setExpireTime(Instant expireTime) {
            this.expireTime = expireTime;
            return this;
        }

        public PortalLinkSummary build() {
            PortalLinkSummary built = new PortalLinkSummary();
            built.id = id;
            built.createTime = createTime;
            built.expireTime = expireTime;
            return built;
        }
    }
}
