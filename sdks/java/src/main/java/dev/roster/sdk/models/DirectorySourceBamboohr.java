// Generated from Roster's OpenAPI document (components.schemas.DirectorySource.bamboohr) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** The BambooHR settings (BAMBOOHR directories). */
public final class DirectorySourceBamboohr extends ApiObject {
    @JsonProperty("subdomain")
    private String subdomain;
    @JsonProperty("employees_from")
    private DirectorySourceBamboohrEmployeesFrom employeesFrom;
    @JsonProperty("extra_fields")
    private List<String> extraFields;
    @JsonProperty("group_by")
    private List<DirectorySourceBamboohrGroupBy> groupBy;

    private DirectorySourceBamboohr() {}

    /** The company's BambooHR subdomain: "acme" for acme.bamboohr.com. */
    public String getSubdomain() {
        return subdomain;
    }

    /** report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only). */
    public DirectorySourceBamboohrEmployeesFrom getEmployeesFrom() {
        return employeesFrom;
    }

    /** More report fields to keep on each user (for attribute mappings). */
    public List<String> getExtraFields() {
        return extraFields == null ? null : Collections.unmodifiableList(extraFields);
    }

    /** Which employee fields become groups. */
    public List<DirectorySourceBamboohrGroupBy> getGroupBy() {
        return groupBy == null ? null : Collections.unmodifiableList(groupBy);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.subdomain = subdomain;
        builder.employeesFrom = employeesFrom;
        builder.extraFields = extraFields;
        builder.groupBy = groupBy;
        return builder;
    }

    public static final class Builder {
        private String subdomain;
        private DirectorySourceBamboohrEmployeesFrom employeesFrom;
        private List<String> extraFields;
        private List<DirectorySourceBamboohrGroupBy> groupBy;

        private Builder() {}

        public Builder setSubdomain(String subdomain) {
            this.subdomain = subdomain;
            return this;
        }

        public Builder setEmployeesFrom(DirectorySourceBamboohrEmployeesFrom employeesFrom) {
            this.employeesFrom = employeesFrom;
            return this;
        }

        public Builder setExtraFields(List<String> extraFields) {
            this.extraFields = extraFields == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(extraFields));
            return this;
        }

        public Builder setGroupBy(List<DirectorySourceBamboohrGroupBy> groupBy) {
            this.groupBy = groupBy == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(groupBy));
            return this;
        }

        public DirectorySourceBamboohr build() {
            DirectorySourceBamboohr built = new DirectorySourceBamboohr();
            built.subdomain = subdomain;
            built.employeesFrom = employeesFrom;
            built.extraFields = extraFields;
            built.groupBy = groupBy;
            return built;
        }
    }
}
