package dev.roster.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the builders of the users and groups list options share: page, detail, and changed-since. */
abstract class DirectoryListBuilder<B extends DirectoryListBuilder<B>> {
    final Map<String, String> query = new LinkedHashMap<>();

    abstract B self();

    /** Items per page, 1 to 100 (default 50). */
    public B setPageSize(int pageSize) {
        query.put("page_size", Integer.toString(pageSize));
        return self();
    }

    /** The next_page_token or prev_page_token of a previous page of the same list. */
    public B setPageToken(String pageToken) {
        if (pageToken != null && !pageToken.isEmpty()) query.put("page_token", pageToken);
        return self();
    }

    /** Adds the stored SCIM resource ({@code user_detail}, {@code group_detail}). */
    public B setIncludeDetail(boolean includeDetail) {
        query.put("include_detail", Boolean.toString(includeDetail));
        return self();
    }

    /** Only those changed after this time. */
    public B setUpdatedAfter(Instant updatedAfter) {
        query.put("updated_after", updatedAfter.toString());
        return self();
    }
}
