// Generated from Roster's OpenAPI document (components.schemas.ListDirectoryUsersResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.ListDirectoryUsersResponse. */
public final class ListDirectoryUsersResponse extends ApiObject {
    @JsonProperty("users")
    private List<DirectoryUser> users;
    @JsonProperty("next_page_token")
    private String nextPageToken;
    @JsonProperty("prev_page_token")
    private String prevPageToken;
    @JsonProperty("total_size")
    private int totalSize;

    private ListDirectoryUsersResponse() {}

    /** <code>users</code>. */
    public List<DirectoryUser> getUsers() {
        return users == null ? null : Collections.unmodifiableList(users);
    }

    /** Pass as page_token for the next page; empty on the last page. */
    public String getNextPageToken() {
        return nextPageToken;
    }

    /** Pass as page_token for the previous page; empty on the first page. */
    public String getPrevPageToken() {
        return prevPageToken;
    }

    /** How many items the whole list holds. */
    public int getTotalSize() {
        return totalSize;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.users = users;
        builder.nextPageToken = nextPageToken;
        builder.prevPageToken = prevPageToken;
        builder.totalSize = totalSize;
        return builder;
    }

    public static final class Builder {
        private List<DirectoryUser> users;
        private String nextPageToken;
        private String prevPageToken;
        private int totalSize;

        private Builder() {}

        public Builder setUsers(List<DirectoryUser> users) {
            this.users = users == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(users));
            return this;
        }

        public Builder setNextPageToken(String nextPageToken) {
            this.nextPageToken = nextPageToken;
            return this;
        }

        public Builder setPrevPageToken(String prevPageToken) {
            this.prevPageToken = prevPageToken;
            return this;
        }

        public Builder setTotalSize(int totalSize) {
            this.totalSize = totalSize;
            return this;
        }

        public ListDirectoryUsersResponse build() {
            ListDirectoryUsersResponse built = new ListDirectoryUsersResponse();
            built.users = users;
            built.nextPageToken = nextPageToken;
            built.prevPageToken = prevPageToken;
            built.totalSize = totalSize;
            return built;
        }
    }
}
