// Generated from Roster's OpenAPI document (components.schemas.DirectoryResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryResponse. */
public final class DirectoryResponse extends ApiObject {
    @JsonProperty("directory")
    private Directory directory;

    private DirectoryResponse() {}

    /** <code>directory</code>. */
    public Directory getDirectory() {
        return directory;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.directory = directory;
        return builder;
    }

    public static final class Builder {
        private Directory directory;

        private Builder() {}

        public Builder setDirectory(Directory directory) {
            this.directory = directory;
            return this;
        }

        public DirectoryResponse build() {
            DirectoryResponse built = new DirectoryResponse();
            built.directory = directory;
            return built;
        }
    }
}
