// Generated from Roster's OpenAPI document (components.schemas.Webhook.disabled_reason) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** "failing": Roster disabled it after it failed without a success for ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS and a delivery died. */
public enum WebhookDisabledReason {
    @JsonProperty("manual")
    MANUAL("manual"),
    @JsonProperty("failing")
    FAILING("failing"),
    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */
    @JsonEnumDefaultValue
    UNRECOGNIZED(null);

    private final String value;

    WebhookDisabledReason(String value) {
        this.value = value;
    }

    /** The value as the API spells it; null for UNRECOGNIZED. */
    public String getValue() {
        return value;
    }
}
