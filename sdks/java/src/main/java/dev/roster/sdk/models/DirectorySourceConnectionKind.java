// Generated from Roster's OpenAPI document (components.schemas.DirectorySource.connection.kind) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectorySource.connection.kind. */
public enum DirectorySourceConnectionKind {
    @JsonProperty("oauth")
    OAUTH("oauth"),
    @JsonProperty("service_account")
    SERVICE_ACCOUNT("service_account"),
    @JsonProperty("api_key")
    API_KEY("api_key"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectorySourceConnectionKind(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
