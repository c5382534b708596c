package dev.roster.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where to start reading the Events API, how many per page, and which events. */
public final class ListEventsOptions {
    private final Map<String, String> query;

    private ListEventsOptions(Map<String, String> query) {
        this.query = Map.copyOf(query);
    }

    public static ListEventsOptions none() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The query with {@code after} replaced (left out when null or empty: from the oldest event kept). */
    Map<String, String> query(String after) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.remove("after");
        if (after != null && !after.isEmpty()) copy.put("after", after);
        return copy;
    }

    String after() {
        return query.get("after");
    }

    public static final class Builder {
        private final Map<String, String> query = new LinkedHashMap<>();

        private Builder() {}

        /** The {@code next_cursor} of the previous page; leave out to start at the oldest event kept. */
        public Builder setAfter(String after) {
            if (after != null && !after.isEmpty()) query.put("after", after);
            return this;
        }

        /** Events per page, 1 to 1000 (default 100). */
        public Builder setLimit(int limit) {
            query.put("limit", Integer.toString(limit));
            return this;
        }

        /** Only these event types, e.g. {@code organization.directory.user_created}. */
        public Builder setTypes(List<String> types) {
            query.put("types", String.join(",", types));
            return this;
        }

        public Builder setOrganizationId(String organizationId) {
            query.put("organization_id", organizationId);
            return this;
        }

        public Builder setDirectoryId(String directoryId) {
            query.put("directory_id", directoryId);
            return this;
        }

        public ListEventsOptions build() {
            return new ListEventsOptions(query);
        }
    }
}
