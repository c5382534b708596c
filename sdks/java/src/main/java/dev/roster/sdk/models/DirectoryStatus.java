// Generated from Roster's OpenAPI document (components.schemas.Directory.status) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** DISABLED; ACTIVE once the IdP has called; PENDING with a secret; else NOT_CONFIGURED. */
public enum DirectoryStatus {
    @JsonProperty("ACTIVE")
    ACTIVE("ACTIVE"),
    @JsonProperty("PENDING")
    PENDING("PENDING"),
    @JsonProperty("NOT_CONFIGURED")
    NOT_CONFIGURED("NOT_CONFIGURED"),
    @JsonProperty("DISABLED")
    DISABLED("DISABLED"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectoryStatus(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
