package dev.roster.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters and page of {@code listDirectoryGroups} / {@code iterateDirectoryGroups}. */
public final class ListDirectoryGroupsOptions {
    private final PageOptions page;

    private ListDirectoryGroupsOptions(Map<String, String> query) {
        this.page = new PageOptions(query);
    }

    public static ListDirectoryGroupsOptions none() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    PageOptions page() {
        return page;
    }

    public static final class Builder {
        private final Map<String, String> query = new LinkedHashMap<>();

        private Builder() {}

        /** Groups per page, 1 to 100 (default 50). */
        public Builder setPageSize(int pageSize) {
            query.put("page_size", Integer.toString(pageSize));
            return this;
        }

        public Builder setPageToken(String pageToken) {
            if (pageToken != null && !pageToken.isEmpty()) query.put("page_token", pageToken);
            return this;
        }

        /** Adds the stored SCIM resource as {@code group_detail}. */
        public Builder setIncludeDetail(boolean includeDetail) {
            query.put("include_detail", Boolean.toString(includeDetail));
            return this;
        }

        /** Only groups changed after this time. */
        public Builder setUpdatedAfter(Instant updatedAfter) {
            query.put("updated_after", updatedAfter.toString());
            return this;
        }

        public ListDirectoryGroupsOptions build() {
            return new ListDirectoryGroupsOptions(query);
        }
    }
}
