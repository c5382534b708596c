// Generated from Roster's OpenAPI document (components.schemas.SyncRunResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.SyncRunResponse. */
public final class SyncRunResponse extends ApiObject {
    @JsonProperty("sync_run")
    private SyncRun syncRun;

    private SyncRunResponse() {}

    /** <code>sync_run</code>. */
    public SyncRun getSyncRun() {
        return syncRun;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.syncRun = syncRun;
        return builder;
    }

    public static final class Builder {
        private SyncRun syncRun;

        private Builder() {}

        public Builder setSyncRun(SyncRun syncRun) {
            this.syncRun = syncRun;
            return this;
        }

        public SyncRunResponse build() {
            SyncRunResponse built = new SyncRunResponse();
            built.syncRun = syncRun;
            return built;
        }
    }
}
