// Generated from Roster's OpenAPI document (components.schemas.DirectorySource.status) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** not_connected: no credentials yet; active: syncing on schedule; needs_review: a run was held by the safety threshold and waits for approval; invalid_credentials: the source refused the credentials (401/403: consent revoked, key deleted), no one was removed; error: the last run failed, retried with backoff. */
public enum DirectorySourceStatus {
    @JsonProperty("not_connected")
    NOT_CONNECTED("not_connected"),
    @JsonProperty("active")
    ACTIVE("active"),
    @JsonProperty("needs_review")
    NEEDS_REVIEW("needs_review"),
    @JsonProperty("invalid_credentials")
    INVALID_CREDENTIALS("invalid_credentials"),
    @JsonProperty("error")
    ERROR("error"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectorySourceStatus(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
