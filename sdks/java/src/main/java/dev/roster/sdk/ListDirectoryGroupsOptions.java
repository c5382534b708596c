package dev.roster.sdk;

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

    public static final class Builder extends DirectoryListBuilder<Builder> {
        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        public ListDirectoryGroupsOptions build() {
            return new ListDirectoryGroupsOptions(query);
        }
    }
}
