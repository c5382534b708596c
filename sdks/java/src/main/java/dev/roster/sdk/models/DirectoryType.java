// Generated from Roster's OpenAPI document (components.schemas.Directory.directory_type) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** SCIM: the IdP pushes over SCIM; GOOGLE_WORKSPACE, BAMBOOHR: Roster pulls from the source on a schedule. */
public enum DirectoryType {
    @JsonProperty("SCIM")
    SCIM("SCIM"),
    @JsonProperty("GOOGLE_WORKSPACE")
    GOOGLE_WORKSPACE("GOOGLE_WORKSPACE"),
    @JsonProperty("BAMBOOHR")
    BAMBOOHR("BAMBOOHR"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectoryType(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
