// Generated from Roster's OpenAPI document (components.schemas.SyncRun.status) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** running; succeeded (error_code partial when some objects were refused); held (by the safety threshold, see held); failed (see error_code and error); interrupted (its node stopped; the next run took over). */
public enum SyncRunStatus {
    @JsonProperty("running")
    RUNNING("running"),
    @JsonProperty("succeeded")
    SUCCEEDED("succeeded"),
    @JsonProperty("held")
    HELD("held"),
    @JsonProperty("failed")
    FAILED("failed"),
    @JsonProperty("interrupted")
    INTERRUPTED("interrupted"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    SyncRunStatus(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
