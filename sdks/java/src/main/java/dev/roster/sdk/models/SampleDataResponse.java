// Generated from Roster's OpenAPI document (components.schemas.SampleDataResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.SampleDataResponse. */
public final class SampleDataResponse extends ApiObject {
    @JsonProperty("sample_data")
    private SampleDataCounts sampleData;

    private SampleDataResponse() {}

    /** <code>sample_data</code>. */
    public SampleDataCounts getSampleData() {
        return sampleData;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.sampleData = sampleData;
        return builder;
    }

    public static final class Builder {
        private SampleDataCounts sampleData;

        private Builder() {}

        public Builder setSampleData(SampleDataCounts sampleData) {
            this.sampleData = sampleData;
            return this;
        }

        public SampleDataResponse build() {
            SampleDataResponse built = new SampleDataResponse();
            built.sampleData = sampleData;
            return built;
        }
    }
}
