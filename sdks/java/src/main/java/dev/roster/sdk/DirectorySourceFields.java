package dev.roster.sdk;

import dev.roster.sdk.models.ApiObject;
import dev.roster.sdk.models.DirectorySourceBamboohr;
import dev.roster.sdk.models.DirectorySourceGoogleWorkspace;
import dev.roster.sdk.models.SourceCredentialsInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pulled directory's source (Google Workspace or BambooHR): its settings, write-only
 * credentials and schedule, for {@code createDirectory} and {@code updateDirectorySource}. On an
 * update, settings given replace those stored field by field; what is not set stays.
 */
public final class DirectorySourceFields extends BodyFields {
    private DirectorySourceFields(Map<String, Object> body) {
        super(body);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A model's fields as the API reads them, leaving out those not set (the settings are never null). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> setFields(ApiObject model) {
        Map<String, Object> fields = new LinkedHashMap<>(RosterJson.mapper().convertValue(model, Map.class));
        fields.values().removeIf(value -> value == null);
        return fields;
    }

    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder() {}

        /** Google Workspace: the customer, a domain, and limits to organizational units or groups. */
        public Builder setGoogleWorkspace(DirectorySourceGoogleWorkspace googleWorkspace) {
            body.put("google_workspace", setFields(googleWorkspace));
            return this;
        }

        /** BambooHR: the company's subdomain (required when creating), where employees come from, extra fields, grouping. */
        public Builder setBamboohr(DirectorySourceBamboohr bamboohr) {
            body.put("bamboohr", setFields(bamboohr));
            return this;
        }

        /** Write-only: stored encrypted, never returned. */
        public Builder setCredentials(SourceCredentialsInput credentials) {
            body.put("credentials", setFields(credentials));
            return this;
        }

        /** How often to sync, in minutes (the server's default is 30). */
        public Builder setSyncIntervalMinutes(int syncIntervalMinutes) {
            body.put("sync_interval_minutes", syncIntervalMinutes);
            return this;
        }

        /** Hold a run that would deactivate or delete more than this share of the directory (default 20). */
        public Builder setSafetyThresholdPercent(int safetyThresholdPercent) {
            body.put("safety_threshold_percent", safetyThresholdPercent);
            return this;
        }

        public DirectorySourceFields build() {
            return new DirectorySourceFields(body);
        }
    }
}
