// Generated from Roster's OpenAPI document (components.schemas.ToggleDirectoryResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.ToggleDirectoryResponse. */
public final class ToggleDirectoryResponse extends ApiObject {
    @JsonProperty("enabled")
    private boolean enabled;
    @JsonProperty("error_message")
    private String errorMessage;

    private ToggleDirectoryResponse() {}

    /** <code>enabled</code>. */
    public boolean getEnabled() {
        return enabled;
    }

    /** Why provisioning still cannot run, when it cannot. May be null. */
    public String getErrorMessage() {
        return errorMessage;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.enabled = enabled;
        builder.errorMessage = errorMessage;
        return builder;
    }

    public static final class Builder {
        private boolean enabled;
        private String errorMessage;

        private Builder() {}

        public Builder setEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder setErrorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        public ToggleDirectoryResponse build() {
            ToggleDirectoryResponse built = new ToggleDirectoryResponse();
            built.enabled = enabled;
            built.errorMessage = errorMessage;
            return built;
        }
    }
}
