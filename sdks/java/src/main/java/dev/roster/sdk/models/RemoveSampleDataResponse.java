// Generated from Roster's OpenAPI document (components.schemas.RemoveSampleDataResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.RemoveSampleDataResponse. */
public final class RemoveSampleDataResponse extends ApiObject {
    @JsonProperty("removed")
    private SampleDataCounts removed;

    private RemoveSampleDataResponse() {}

    /** <code>removed</code>. */
    public SampleDataCounts getRemoved() {
        return removed;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.removed = removed;
        return builder;
    }

    public static final class Builder {
        private SampleDataCounts removed;

        private Builder() {}

        public Builder setRemoved(SampleDataCounts removed) {
            this.removed = removed;
            return this;
        }

        public RemoveSampleDataResponse build() {
            RemoveSampleDataResponse built = new RemoveSampleDataResponse();
            built.removed = removed;
            return built;
        }
    }
}
