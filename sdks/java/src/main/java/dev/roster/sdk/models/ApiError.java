// Generated from Roster's OpenAPI document (components.schemas.ApiError) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;

/** The one error shape of the management API. */
public final class ApiError extends ApiObject {
    @JsonProperty("code")
    private String code;
    @JsonProperty("message")
    private String message;
    @JsonProperty("details")
    private Map<String, Object> details;

    private ApiError() {}

    /** A stable error code: invalid_argument, unauthenticated, not_found, already_exists, failed_precondition, ... */
    public String getCode() {
        return code;
    }

    /** <code>message</code>. */
    public String getMessage() {
        return message;
    }

    /** <code>parameter</code> names the offending request parameter for a 400. May be null. */
    public Map<String, Object> getDetails() {
        return details == null ? null : Collections.unmodifiableMap(details);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.code = code;
        builder.message = message;
        builder.details = details;
        return builder;
    }

    public static final class Builder {
        private String code;
        private String message;
        private Map<String, Object> details;

        private Builder() {}

        public Builder setCode(String code) {
            this.code = code;
            return this;
        }

        public Builder setMessage(String message) {
            this.message = message;
            return this;
        }

        public Builder setDetails(Map<String, Object> details) {
            this.details = details == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
            return this;
        }

        public ApiError build() {
            ApiError built = new ApiError();
            built.code = code;
            built.message = message;
            built.details = details;
            return built;
        }
    }
}
