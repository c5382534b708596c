// Generated from Roster's OpenAPI document (components.schemas.SourceCredentialsInput) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** Credentials for the source; write-only: stored encrypted, never returned or logged. Google consent (OAuth) is given in the admin portal instead. */
public final class SourceCredentialsInput extends ApiObject {
    @JsonProperty("service_account_key")
    private JsonNode serviceAccountKey;
    @JsonProperty("admin_email")
    private String adminEmail;
    @JsonProperty("api_key")
    private String apiKey;

    private SourceCredentialsInput() {}

    /** Google Workspace: the service account key JSON, as downloaded from Google Cloud (an object, or its text). May be null. */
    public JsonNode getServiceAccountKey() {
        return serviceAccountKey;
    }

    /** Google Workspace: the admin the service account acts as (domain-wide delegation). May be null. */
    public String getAdminEmail() {
        return adminEmail;
    }

    /** BambooHR: an API key of a user who can see the employees. May be null. */
    public String getApiKey() {
        return apiKey;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.serviceAccountKey = serviceAccountKey;
        builder.adminEmail = adminEmail;
        builder.apiKey = apiKey;
        return builder;
    }

    public static final class Builder {
        private JsonNode serviceAccountKey;
        private String adminEmail;
        private String apiKey;

        private Builder() {}

        public Builder setServiceAccountKey(JsonNode serviceAccountKey) {
            this.serviceAccountKey = serviceAccountKey;
            return this;
        }

        public Builder setAdminEmail(String adminEmail) {
            this.adminEmail = adminEmail;
            return this;
        }

        public Builder setApiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public SourceCredentialsInput build() {
            SourceCredentialsInput built = new SourceCredentialsInput();
            built.serviceAccountKey = serviceAccountKey;
            built.adminEmail = adminEmail;
            built.apiKey = apiKey;
            return built;
        }
    }
}
