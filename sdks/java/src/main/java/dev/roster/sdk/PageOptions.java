package dev.roster.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which page of a list: {@code PageOptions.newBuilder().setPageSize(20).setPageToken(previous.getNextPageToken()).build()}. */
public final class PageOptions {
    private final Map<String, String> query;

    PageOptions(Map<String, String> query) {
        this.query = Map.copyOf(query);
    }

    public static PageOptions none() {
        return new PageOptions(Map.of());
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The query parameters, with the page token replaced by {@code pageToken} (left out when null). */
    Map<String, String> query(String pageToken) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.remove("page_token");
        if (pageToken != null) copy.put("page_token", pageToken);
        return copy;
    }

    Map<String, String> query() {
        return query;
    }

    String pageToken() {
        return query.get("page_token");
    }

    public static final class Builder {
        private final Map<String, String> query = new LinkedHashMap<>();

        private Builder() {}

        /** Items per page, 1 to 100 (the server's default is 50). */
        public Builder setPageSize(int pageSize) {
            query.put("page_size", Integer.toString(pageSize));
            return this;
        }

        /** The next_page_token or prev_page_token of a previous page of the same list. */
        public Builder setPageToken(String pageToken) {
            if (pageToken == null || pageToken.isEmpty()) query.remove("page_token");
            else query.put("page_token", pageToken);
            return this;
        }

        public PageOptions build() {
            return new PageOptions(query);
        }
    }
}
