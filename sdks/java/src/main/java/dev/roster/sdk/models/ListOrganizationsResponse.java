// Generated from Roster's OpenAPI document (components.schemas.ListOrganizationsResponse) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/** Generated from components.schemas.ListOrganizationsResponse. */
public final class ListOrganizationsResponse extends ApiObject {
    @JsonProperty("organizations")
    private List<Organization> organizations;
    @JsonProperty("next_page_token")
    private String nextPageToken;
    @JsonProperty("prev_page_token")
    private String prevPageToken;
    @JsonProperty("total_size")
    private int totalSize;

    private ListOrganizationsResponse() {}

    /** <code>organizations</code>. */
    public List<Organization> getOrganizations() {
        return organizations == null ? null : Collections.unmodifiableList(organizations);
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
        builder.organizations = organizations;
        builder.nextPageToken = nextPageToken;
        builder.prevPageToken = prevPageToken;
        builder.totalSize = totalSize;
        return builder;
    }

    public static final class Builder {
        private List<Organization> organizations;
        private String nextPageToken;
        private String prevPageToken;
        private int totalSize;

        private Builder() {}

        public Builder setOrganizations(List<Organization> organizations) {
            this.organizations = organizations == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(organizations));
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

        public ListOrganizationsResponse build() {
            ListOrganizationsResponse built = new ListOrganizationsResponse();
            built.organizations = organizations;
            built.nextPageToken = nextPageToken;
            built.prevPageToken = prevPageToken;
            built.totalSize = totalSize;
            return built;
        }
    }
}
