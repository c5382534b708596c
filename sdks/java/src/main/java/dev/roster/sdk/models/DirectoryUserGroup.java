// Generated from Roster's OpenAPI document (components.schemas.DirectoryUser.groups[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.DirectoryUser.groups[]. */
public final class DirectoryUserGroup extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("display_name")
    private String displayName;

    private DirectoryUserGroup() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>display_name</code>. */
    public String getDisplayName() {
        return displayName;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.displayName = displayName;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String displayName;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setDisplayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public DirectoryUserGroup build() {
            DirectoryUserGroup built = new DirectoryUserGroup();
            built.id = id;
            built.displayName = displayName;
            return built;
        }
    }
}
