// Generated from Roster's OpenAPI document (components.schemas.Directory.directory_provider) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.Directory.directory_provider. */
public enum DirectoryProvider {
    @JsonProperty("OKTA")
    OKTA("OKTA"),
    @JsonProperty("AZURE_AD")
    AZURE_AD("AZURE_AD"),
    @JsonProperty("GOOGLE")
    GOOGLE("GOOGLE"),
    @JsonProperty("ONELOGIN")
    ONELOGIN("ONELOGIN"),
    @JsonProperty("JUMPCLOUD")
    JUMPCLOUD("JUMPCLOUD"),
    @JsonProperty("PING_IDENTITY")
    PING_IDENTITY("PING_IDENTITY"),
    @JsonProperty("AUTHENTIK")
    AUTHENTIK("AUTHENTIK"),
    @JsonProperty("OTHER")
    OTHER("OTHER"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    DirectoryProvider(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
