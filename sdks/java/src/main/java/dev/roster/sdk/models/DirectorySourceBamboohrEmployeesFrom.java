// Generated from Roster's OpenAPI document (components.schemas.DirectorySource.bamboohr.employees_from) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only). */
public enum DirectorySourceBamboohrEmployeesFrom {
    @JsonProperty("report")
    REPORT("report"),
    @JsonProperty("directory")
    DIRECTORY("directory"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectorySourceBamboohrEmployeesFrom(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
