// Generated from Roster's OpenAPI document (components.schemas.DirectorySource.connection) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** How Roster reaches the source; the credentials themselves are never returned. */
public final class DirectorySourceConnection extends ApiObject {
    @JsonProperty("kind")
    private DirectorySourceConnectionKind kind;
    @JsonProperty("service_account")
    private String serviceAccount;
    @JsonProperty("admin_email")
    private String adminEmail;
    @JsonProperty("update_time")
    private Instant updateTime;

    private DirectorySourceConnection() {}

    /** <code>kind</code>. */
    public DirectorySourceConnectionKind getKind() {
        return kind;
    }

    /** The service account's email (service_account only). May be null. */
    public String getServiceAccount() {
        return serviceAccount;
    }

    /** The admin the service account acts as (service_account only). May be null. */
    public String getAdminEmail() {
        return adminEmail;
    }

    /** <code>update_time</code>. */
    public Instant getUpdateTime() {
        return updateTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.kind = kind;
        builder.serviceAccount = serviceAccount;
        builder.adminEmail = adminEmail;
        builder.updateTime = updateTime;
        return builder;
    }

    public static final class Builder {
        private DirectorySourceConnectionKind kind;
        private String serviceAccount;
        private String adminEmail;
        private Instant updateTime;

        private Builder() {}

        public Builder setKind(DirectorySourceConnectionKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder setServiceAccount(String serviceAccount) {
            this.serviceAccount = serviceAccount;
            return this;
        }

        public Builder setAdminEmail(String adminEmail) {
            this.adminEmail = adminEmail;
            return this;
        }

        public Builder setUpdateTime(Instant updateTime) {
            this.updateTime = updateTime;
            return this;
        }

        public DirectorySourceConnection build() {
            DirectorySourceConnection built = new DirectorySourceConnection();
            built.kind = kind;
            built.serviceAccount = serviceAccount;
            built.adminEmail = adminEmail;
            built.updateTime = updateTime;
            return built;
        }
    }
}
