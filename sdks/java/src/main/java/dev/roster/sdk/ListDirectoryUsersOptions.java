package dev.roster.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters and page of {@code listDirectoryUsers} / {@code iterateDirectoryUsers}. */
public final class ListDirectoryUsersOptions {
    private final PageOptions page;

    private ListDirectoryUsersOptions(Map<String, String> query) {
        this.page = new PageOptions(query);
    }

    public static ListDirectoryUsersOptions none() {
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

        /** Users per page, 1 to 100 (default 50). */
        public Builder setPageSize(int pageSize) {
            query.put("page_size", Integer.toString(pageSize));
            return this;
        }

        public Builder setPageToken(String pageToken) {
            if (pageToken != null && !pageToken.isEmpty()) query.put("page_token", pageToken);
            return this;
        }

        /** Adds the stored SCIM resource as {@code user_detail}. */
        public Builder setIncludeDetail(boolean includeDetail) {
            query.put("include_detail", Boolean.toString(includeDetail));
            return this;
        }

        /** Only direct members of this group. */
        public Builder setDirectoryGroupId(String directoryGroupId) {
            query.put("directory_group_id", directoryGroupId);
            return this;
        }

        /** Only users changed after this time. */
        public Builder setUpdatedAfter(Instant updatedAfter) {
            query.put("updated_after", updatedAfter.toString());
            return this;
        }

        public ListDirectoryUsersOptions build() {
            return new ListDirectoryUsersOptions(query);
        }
    }
}
