// Generated from Roster's OpenAPI document (components.schemas.DirectorySecret) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A bearer token of the SCIM endpoint; the secret itself is shown only when made. */
public final class DirectorySecret extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("directory_id")
    private String directoryId;
    @JsonProperty("secret_suffix")
    private String secretSuffix;
    @JsonProperty("status")
    private DirectorySecretStatus status;
    @JsonProperty("create_time")
    private Instant createTime;
    @JsonProperty("expire_time")
    private Instant expireTime;
    @JsonProperty("last_used_time")
    private Instant lastUsedTime;

    private DirectorySecret() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>directory_id</code>. */
    public String getDirectoryId() {
        return directoryId;
    }

    /** The last four characters, to tell secrets apart. */
    public String getSecretSuffix() {
        return secretSuffix;
    }

    /** <code>status</code>. */
    public DirectorySecretStatus getStatus() {
        return status;
    }

    /** <code>create_time</code>. */
    public Instant getCreateTime() {
        return createTime;
    }

    /** <code>expire_time</code>. May be null. */
    public Instant getExpireTime() {
        return expireTime;
    }

    /** <code>last_used_time</code>. May be null. */
    public Instant getLastUsedTime() {
        return lastUsedTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.directoryId = directoryId;
        builder.secretSuffix = secretSuffix;
        builder.status = status;
        builder.createTime = createTime;
        builder.expireTime = expireTime;
        builder.lastUsedTime = lastUsedTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String directoryId;
        private String secretSuffix;
        private DirectorySecretStatus status;
        private Instant createTime;
        private Instant expireTime;
        private Instant lastUsedTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setDirectoryId(String directoryId) {
            this.directoryId = directoryId;
            return this;
        }

        public Builder setSecretSuffix(String secretSuffix) {
            this.secretSuffix = secretSuffix;
            return this;
        }

        public Builder setStatus(DirectorySecretStatus status) {
            this.status = status;
            return this;
        }

        public Builder setCreateTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder setExpireTime(Instant expireTime) {
            this.expireTime = expireTime;
            return this;
        }

        public Builder setLastUsedTime(Instant lastUsedTime) {
            this.lastUsedTime = lastUsedTime;
            return this;
        }

        public DirectorySecret build() {
            DirectorySecret built = new DirectorySecret();
            built.id = id;
            built.directoryId = directoryId;
            built.secretSuffix = secretSuffix;
            built.status = status;
            built.createTime = createTime;
            built.expireTime = expireTime;
            built.lastUsedTime = lastUsedTime;
            return built;
        }
    }
}
