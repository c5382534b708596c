package dev.roster.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields {@code updateOrganization} changes; those not set keep their value. */
public final class OrganizationFields extends BodyFields {
    private OrganizationFields(Map<String, Object> body) {
        super(body);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder() {}

        public Builder setDisplayName(String displayName) {
            body.put("display_name", displayName);
            return this;
        }

        public Builder setExternalId(String externalId) {
            body.put("external_id", externalId);
            return this;
        }

        /** Removes the external id. */
        public Builder clearExternalId() {
            body.put("external_id", null);
            return this;
        }

        public OrganizationFields build() {
            return new OrganizationFields(body);
        }
    }
}
