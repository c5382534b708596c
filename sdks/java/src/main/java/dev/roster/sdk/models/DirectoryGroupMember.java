// Generated from Roster's OpenAPI document (components.schemas.DirectoryGroupMember) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A direct member of a group: a user or a nested group. */
public final class DirectoryGroupMember extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private DirectoryGroupMemberType type;
    @JsonProperty("display_name")
    private String displayName;

    private DirectoryGroupMember() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>type</code>. */
    public DirectoryGroupMemberType getType() {
        return type;
    }

    /** <code>display_name</code>. May be null. */
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
        builder.type = type;
        builder.displayName = displayName;
        return builder;
    }

    public static final class Builder {
        private String id;
        private DirectoryGroupMemberType type;
        private String displayName;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setType(DirectoryGroupMemberType type) {
            this.type = type;
            return this;
        }

        public Builder setDisplayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public DirectoryGroupMember build() {
            DirectoryGroupMember built = new DirectoryGroupMember();
            built.id = id;
            built.type = type;
            built.displayName = displayName;
            return built;
        }
    }
}
