// Generated from Roster's OpenAPI document (components.schemas.Directory.status) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** DISABLED; ACTIVE once the IdP has called (pulled: once a sync succeeded); PENDING with a secret (pulled: connected, first sync to come); else NOT_CONFIGURED. Pulled directories also: NEEDS_REVIEW (a sync waits for approval), INVALID_CREDENTIALS (the source refused them), ERROR (the last sync failed; retried with backoff). */
public enum DirectoryStatus {
    @JsonProperty("ACTIVE")
    ACTIVE("ACTIVE"),
    @JsonProperty("PENDING")
    PENDING("PENDING"),
    @JsonProperty("NOT_CONFIGURED")
    NOT_CONFIGURED("NOT_CONFIGURED"),
    @JsonProperty("DISABLED")
    DISABLED("DISABLED"),
    @JsonProperty("NEEDS_REVIEW")
    NEEDS_REVIEW("NEEDS_REVIEW"),
    @JsonProperty("INVALID_CREDENTIALS")
    INVALID_CREDENTIALS("INVALID_CREDENTIALS"),
    @JsonProperty("ERROR")
    ERROR("ERROR"),
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
