// Generated from Roster's OpenAPI document (components.schemas.DirectoryGroupMember.type) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryGroupMember.type. */
public enum DirectoryGroupMemberType {
    @JsonProperty("user")
    USER("user"),
    @JsonProperty("group")
    GROUP("group"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectoryGroupMemberType(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
