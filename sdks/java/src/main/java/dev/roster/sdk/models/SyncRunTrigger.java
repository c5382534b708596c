// Generated from Roster's OpenAPI document (components.schemas.SyncRun.trigger) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** schedule: its interval came; manual: "Sync now"; approval: an administrator approved a held run. */
public enum SyncRunTrigger {
    @JsonProperty("schedule")
    SCHEDULE("schedule"),
    @JsonProperty("manual")
    MANUAL("manual"),
    @JsonProperty("approval")
    APPROVAL("approval"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    SyncRunTrigger(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
