// Generated from Roster's OpenAPI document (components.schemas.DirectorySource.google_workspace) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** The Google Workspace settings (GOOGLE_WORKSPACE directories). */
public final class DirectorySourceGoogleWorkspace extends ApiObject {
    @JsonProperty("customer_id")
    private String customerId;
    @JsonProperty("domain")
    private String domain;
    @JsonProperty("org_units")
    private List<String> orgUnits;
    @JsonProperty("group_emails")
    private List<String> groupEmails;

    private DirectorySourceGoogleWorkspace() {}

    /** The Google Workspace customer (my_customer: the admin's own). */
    public String getCustomerId() {
        return customerId;
    }

    /** Only users of this domain. May be null. */
    public String getDomain() {
        return domain;
    }

    /** Only users in these organizational units (and the units below them). */
    public List<String> getOrgUnits() {
        return orgUnits == null ? null : Collections.unmodifiableList(orgUnits);
    }

    /** Only these groups, the groups nested in them, and their members. */
    public List<String> getGroupEmails() {
        return groupEmails == null ? null : Collections.unmodifiableList(groupEmails);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.customerId = customerId;
        builder.domain = domain;
        builder.orgUnits = orgUnits;
        builder.groupEmails = groupEmails;
        return builder;
    }

    public static final class Builder {
        private String customerId;
        private String domain;
        private List<String> orgUnits;
        private List<String> groupEmails;

        private Builder() {}

        public Builder setCustomerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder setDomain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder setOrgUnits(List<String> orgUnits) {
            this.orgUnits = orgUnits == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(orgUnits));
            return this;
        }

        public Builder setGroupEmails(List<String> groupEmails) {
            this.groupEmails = groupEmails == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(groupEmails));
            return this;
        }

        public DirectorySourceGoogleWorkspace build() {
            DirectorySourceGoogleWorkspace built = new DirectorySourceGoogleWorkspace();
            built.customerId = customerId;
            built.domain = domain;
            built.orgUnits = orgUnits;
            built.groupEmails = groupEmails;
            return built;
        }
    }
}
